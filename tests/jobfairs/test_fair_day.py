"""Timetable (proposed, adjusted, mailed, printable), check-in and walk-ins with live counts,
statistics with export, follow-up e-mail, the listing and the calendar feed filter."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import EventLanguage, Registration, RegistrationState
from jobfairs import services
from jobfairs.models import InterpreterAvailability, Interview, JobFairPage

from .conftest import option_of

pytestmark = pytest.mark.django_db
S = RegistrationState


@pytest.fixture
def matched(fair, occurrence, make_employer, make_jobseeker, locales):
    arabic = EventLanguage.objects.create(name="Arabisch", slug="ar", locale=locales["de"])
    page = JobFairPage.objects.get(pk=fair.pk)
    page.interview_start = datetime.time(10, 0)
    page.interview_slot_count = 4
    page.interpreters = [InterpreterAvailability(language=arabic, count=1,
                                                 start_time=datetime.time(10, 0),
                                                 end_time=datetime.time(10, 30))]
    page.save_revision().publish()
    employers = [make_employer(company="Bau A", trades=["maurer"], interviews=4),
                 make_employer(company="Holz B", trades=["zimmerer"], interviews=2)]
    seekers = [make_jobseeker(name=f"Person {i}", trades=["maurer", "zimmerer"])
               for i in range(4)]
    seekers.append(make_jobseeker(name="Samira Haddad", trades=["maurer"], interpreter="ar"))
    seekers.append(make_jobseeker(name="Fliesen Fan", trades=["fliesenleger"]))
    return page, employers, seekers


def test_proposed_timetable_has_no_double_booking_shares_trades_and_respects_interpreters(
        matched, occurrence):
    page, employers, seekers = matched
    result = services.propose_timetable(occurrence)
    interviews = list(Interview.objects.filter(occurrence=occurrence)
                      .select_related("employer", "jobseeker"))
    assert len(interviews) == result.placed == result.upper_bound == 6
    seen = set()
    for interview in interviews:
        for key in ((interview.jobseeker_id, interview.start), (interview.table, interview.start),
                    (interview.employer_id, interview.jobseeker_id)):
            assert key not in seen
            seen.add(key)
        assert set(interview.employer.data["trades"]) & set(interview.jobseeker.data["trades"])
    samira = [i for i in interviews if i.jobseeker.name == "Samira Haddad"]
    assert samira and all(i.interpreter_language == "ar" for i in samira)
    assert all(timezone.localtime(i.start).time() < datetime.time(10, 30) for i in samira)
    assert len({i.start for i in samira}) == len(samira)
    assert not any(i.jobseeker.name == "Fliesen Fan" for i in interviews)
    # Proposing again replaces the plan instead of adding to it.
    services.propose_timetable(occurrence)
    assert Interview.objects.filter(occurrence=occurrence).count() == 6


def test_editor_adjustment_refuses_a_double_booking(matched, occurrence, client, staff):
    services.propose_timetable(occurrence)
    client.force_login(staff)
    first = Interview.objects.filter(occurrence=occurrence).order_by("start", "table").first()
    other = Interview.objects.filter(occurrence=occurrence, table=first.table).exclude(
        pk=first.pk).first()
    url = reverse("jobfair_interviews:edit", args=[other.pk])
    data = {"occurrence": occurrence.pk, "employer": other.employer_id,
            "jobseeker": other.jobseeker_id, "start": timezone.localtime(first.start)
            .strftime("%Y-%m-%d %H:%M"), "end": timezone.localtime(first.end)
            .strftime("%Y-%m-%d %H:%M"), "table": other.table, "interpreter_language": "",
            "status": "planned"}
    response = client.post(url, data)
    assert response.status_code == 200  # form shown again with the error
    # The admin speaks German: "has another interview at this time" / "table is taken".
    assert "zu dieser Zeit ein anderes Vorstellungsgespräch" in response.content.decode() \
        or "zu dieser Zeit belegt" in response.content.decode()
    other.refresh_from_db()
    assert other.start != first.start
    assert client.get(reverse("jobfairs_admin:timetable", args=[occurrence.pk])).status_code == 200


def test_personal_timetables_by_email_and_printable_page(matched, occurrence, client, mailoutbox,
                                                        django_capture_on_commit_callbacks):
    page, employers, seekers = matched
    services.propose_timetable(occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_timetables(occurrence)
    assert sent == 2  # the employers; the job-seekers registered by phone get no e-mail
    body = [m.body for m in mailoutbox if m.to == [employers[0].email]][-1]
    # Employers see their candidates by the opaque fair reference only, never by name.
    from jobfairs.preferences import fair_reference

    assert "Person" not in body and "Samira" not in body and "/jobfairs/timetable/" in body
    assert any(fair_reference(seeker) in body for seeker in seekers)
    response = client.get(f"/en/jobfairs/timetable/{seekers[0].reference}/")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert "Bau A" in response.content.decode() or "Holz B" in response.content.decode()
    assert client.get("/en/jobfairs/timetable/not-a-reference/").status_code == 404


def test_check_in_walk_ins_and_live_counts(fair, occurrence, make_employer, make_jobseeker, client,
                                           staff, django_assert_max_num_queries,
                                           django_capture_on_commit_callbacks):
    employer = make_employer(company="Bau A")
    guest = make_jobseeker(name="Leyla Karimi")
    make_jobseeker(name="Noch Nicht Da")
    client.force_login(staff)
    url = reverse("jobfairs_admin:check_in", args=[occurrence.pk])
    page = client.get(url, {"q": "leyla"})
    assert "Leyla Karimi" in page.content.decode() and "Noch Nicht Da" not in page.content.decode()
    assert "Leyla Karimi" in client.get(url, {"q": guest.reference[:8]}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"registration": guest.pk})
        client.post(url, {"registration": employer.pk})
        client.post(url, {"action": "walk_in", "kind": "jobseeker", "name": "Spontan Gast",
                          "phone": "0176 9"})
    guest.refresh_from_db()
    walk_in = Registration.objects.get(name="Spontan Gast")
    assert guest.state == walk_in.state == S.ATTENDED and walk_in.data["walk_in"]
    with django_assert_max_num_queries(1):
        counts = services.live_counts(occurrence)
    assert counts == {"guests_present": 2, "guests_expected": 3, "employers_present": 1,
                      "employers_expected": 1}
    assert 'data-count="guests_present">2<' in client.get(url).content.decode()


def test_walk_in_after_the_start_is_possible_until_the_end(fair, occurrence, staff):
    during = occurrence.start + datetime.timedelta(hours=1)
    registration = services.add_walk_in(option_of(occurrence, "jobseeker"), name="Spät",
                                        user=staff, now=during)
    assert registration.state == S.ATTENDED
    with pytest.raises(services.registration_services.RegistrationError):
        services.add_walk_in(option_of(occurrence, "jobseeker"), name="Zu spät", user=staff,
                             now=occurrence.end + datetime.timedelta(minutes=1))


def test_statistics_and_formula_safe_csv(matched, occurrence, client, staff):
    page, employers, seekers = matched
    services.propose_timetable(occurrence)
    services.check_in(seekers[0], user=staff)
    services.check_in(employers[0], user=staff)
    Interview.objects.filter(jobseeker=seekers[0]).update(status="held")
    seekers[1].data["trades"] = ["=HYPERLINK(\"x\")"]
    seekers[1].save()
    stats = services.statistics(occurrence)
    assert stats["registered"] == 6 and stats["attended"] == 1
    assert stats["employers"] == 2 and stats["employers_attended"] == 1
    assert stats["interviews_held"] == Interview.objects.filter(status="held").count() >= 1
    assert stats["by_trade"]["maurer"]["employers"] == 1
    assert stats["by_language"]["ar"] == 6 and stats["interpreter_languages"] == {"ar": 1}
    client.force_login(staff)
    url = reverse("jobfairs_admin:statistics", args=[occurrence.pk])
    assert 'data-stat="registered">6<' in client.get(url).content.decode()
    export = client.get(url, {"export": "csv"})
    text = export.content.decode()
    assert export["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text


def test_followup_goes_to_employers_after_the_fair_with_first_names_only(
        matched, occurrence, mailoutbox, django_capture_on_commit_callbacks):
    services.propose_timetable(occurrence)
    with pytest.raises(services.JobFairsError):
        services.send_followups(occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_followups(occurrence, now=occurrence.end + datetime.timedelta(days=1))
    assert sent == 2
    body = [m.body for m in mailoutbox if m.to == [matched[1][0].email]][-1]
    assert "Person" in body or "Samira" in body
    assert "Haddad" not in body and "0176" not in body


def test_feed_type_filter_and_listing(client, make_fair, fair_index):
    make_fair(title="Jobmesse Zukunft", days=10)
    past = make_fair(title="Jobmesse Alt", days=-400)
    content = client.get("/feeds/events.ics?type=jobfair").content
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(content).walk("VEVENT")]
    assert any("Jobmesse Zukunft" in s for s in summaries)
    empty = Calendar.from_ical(client.get("/feeds/events.ics?type=training").content)
    assert not any("Jobmesse" in str(e["SUMMARY"]) for e in empty.walk("VEVENT"))
    listing = client.get(fair_index.url).content.decode()
    assert listing.index("Jobmesse Zukunft") < listing.index("Jobmesse Alt")
    assert "taken place" in client.get("/en" + past.url[3:]).content.decode() \
        or client.get(past.url).status_code == 200
