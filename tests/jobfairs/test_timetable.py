"""Every person's timetable after the matching: the e-mail with a calendar file attached, the
printable page and the .ics download; employers see candidates only by their fair reference."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from jobfairs import services
from jobfairs.models import Interview
from jobfairs.preferences import fair_reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(occurrence, make_employer, make_jobseeker, client, staff,
            django_capture_on_commit_callbacks, mailoutbox):
    employer = make_employer(company="Muster Bau GmbH", interviews=3, table="7")
    seekers = [make_jobseeker(name=name) for name in ("Amal Haddad", "Karim Nasser")]
    for seeker in seekers:
        type(seeker).objects.filter(pk=seeker.pk).update(
            email=f"{seeker.name.split()[0].lower()}@example.org")
        seeker.refresh_from_db()
    client.force_login(staff)
    url = reverse("jobfairs_admin:timetable", args=[occurrence.pk])
    client.post(url, {"action": "propose"})
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send"})
    client.logout()
    return employer, seekers


def calendar_of(data):
    return Calendar.from_ical(data)


def events_of(calendar):
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_every_person_gets_an_email_with_the_calendar_attached(planned, mailoutbox):
    employer, seekers = planned
    interviews = list(Interview.objects.order_by("start"))
    assert len(interviews) == 2
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {employer.email, "amal@example.org", "karim@example.org"}

    amal = by_address["amal@example.org"]
    assert "Muster Bau GmbH" in amal.body and f"/jobfairs/jobseeker/{seekers[0].reference}/" \
        in amal.body
    (name, content, mimetype) = amal.attachments[0]
    assert name == "interviews.ics" and mimetype.startswith("text/calendar")
    (event,) = events_of(calendar_of(content))
    mine = Interview.objects.get(jobseeker=seekers[0])
    assert event.decoded("dtstart") == mine.start
    assert str(event["dtstart"].params["TZID"]) == "Europe/Berlin"
    assert "Muster Bau GmbH" in str(event["summary"]) and "7" in str(event["description"])
    assert str(event["uid"]).startswith("jobfair-interview-")

    boss = by_address[employer.email]
    for seeker in seekers:
        assert fair_reference(seeker) in boss.body
    assert "Amal" not in boss.body and "Karim" not in boss.body
    (name, content, _mimetype) = boss.attachments[0]
    events = events_of(calendar_of(content))
    assert len(events) == 2
    summaries = " ".join(str(e["summary"]) for e in events)
    assert all(fair_reference(seeker) in summaries for seeker in seekers)
    assert all("Amal" not in str(e["summary"]) for e in events)


def test_printable_page_shows_the_interviews_with_print_styles(planned, client):
    employer, seekers = planned
    page = client.get(reverse("jobfairs:timetable", args=[seekers[0].reference]))
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    assert "@media print" in html and "Muster Bau GmbH" in html
    assert reverse("jobfairs:timetable_ics", args=[seekers[0].reference]) in html
    own = client.get(reverse("jobfairs:timetable", args=[employer.reference])).content.decode()
    assert fair_reference(seekers[0]) in own and "Haddad" not in own


def test_ics_download_has_one_event_per_interview(planned, client):
    employer, seekers = planned
    response = client.get(reverse("jobfairs:timetable_ics", args=[employer.reference]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    calendar = calendar_of(response.content)
    assert calendar.walk("VTIMEZONE")
    events = events_of(calendar)
    interviews = list(Interview.objects.order_by("start"))
    assert sorted(e.decoded("dtstart") for e in events) == [i.start for i in interviews]
    assert len({str(e["uid"]) for e in events}) == 2
    for interview in interviews:
        assert not any(str(e["uid"]).startswith(f"{interview.pk}@") for e in events)
    assert client.get(reverse("jobfairs:timetable_ics", args=["nope"])).status_code == 404


def test_nobody_with_no_interviews_gets_an_empty_calendar_attachment(
        occurrence, make_jobseeker, mailoutbox):
    from jobfairs.emails import build

    seeker = make_jobseeker()
    type(seeker).objects.filter(pk=seeker.pk).update(email="x@example.org")
    seeker.refresh_from_db()
    message = build(seeker, "timetable")
    assert message.attachments == []
    assert services.timetable_of(seeker) == []
