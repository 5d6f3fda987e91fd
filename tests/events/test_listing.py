"""The event listing, recurrence expansion, the home page and the admin form path."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import Category, EventPage, Occurrence, Venue
from events.queries import upcoming_occurrences

BERLIN = ZoneInfo("Europe/Berlin")


def soon(days, hour=10):
    base = datetime.datetime.now(BERLIN).replace(hour=hour, minute=0, second=0, microsecond=0)
    return base + datetime.timedelta(days=days)


def test_monthly_rule_keeps_wall_time_across_dst_and_skips_exceptions():
    start = datetime.datetime(2030, 1, 2, 18, 0, tzinfo=BERLIN)
    occurrence = Occurrence(start=start, end=start + datetime.timedelta(hours=2),
                            repeat_frequency="MONTHLY", repeat_interval=1,
                            repeat_until=datetime.date(2030, 12, 31),
                            repeat_exceptions="2030-08-02")
    assert occurrence.rrule == "FREQ=MONTHLY;INTERVAL=1;UNTIL=20301231T225959Z"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("events.models.occurrences.recurrence_horizon_days", lambda: 3650)
        instances = list(occurrence.instances(after=start - datetime.timedelta(days=1)))
    assert len(instances) == 11  # twelve months minus August
    assert all(begin.astimezone(BERLIN).hour == 18 for begin, _ in instances)
    assert {begin.utcoffset() for begin, _ in instances} == {
        datetime.timedelta(hours=1), datetime.timedelta(hours=2)}


def test_repeat_fields_are_validated():
    start = datetime.datetime(2030, 1, 31, 18, 0, tzinfo=BERLIN)
    occurrence = Occurrence(start=start, end=start + datetime.timedelta(hours=1),
                            repeat_frequency="MONTHLY", repeat_interval=1,
                            repeat_until=datetime.date(2029, 1, 1), repeat_exceptions="soon")
    with pytest.raises(ValidationError) as error:
        occurrence.clean()
    assert {"start", "repeat_until", "repeat_exceptions"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_listing_shows_upcoming_then_past_and_filters(client, make_event, event_index):
    workshop = Category.objects.create(name="Regionalworkshop", slug="workshop")
    dresden = Venue.objects.create(name="Saal", city="Dresden")
    make_event(title="Kommend Dresden", category=workshop, venue=dresden,
               dates=[(soon(3), soon(3, 12))])
    make_event(title="Kommend anderswo", dates=[(soon(5), soon(5, 12))])
    make_event(title="Vorbei", dates=[(soon(-5), soon(-5, 12))])
    html = client.get(event_index.url).content.decode()
    assert html.index("Kommend Dresden") < html.index("Kommend anderswo")
    assert "Vorbei" not in html
    assert "webcal://" in html
    past = client.get(event_index.url, {"view": "past"}).content.decode()
    assert "Vorbei" in past and "Kommend Dresden" not in past
    filtered = client.get(event_index.url, {"category": "workshop"}).content.decode()
    assert "Kommend Dresden" in filtered and "Kommend anderswo" not in filtered
    by_city = client.get(event_index.url, {"city": "Dresden"}).content.decode()
    assert "Kommend Dresden" in by_city and "Kommend anderswo" not in by_city
    bad = client.get(event_index.url, {"date_from": "gestern"})
    assert bad.status_code == 200 and "Kommend Dresden" in bad.content.decode()


@pytest.mark.django_db
def test_repeating_dates_are_expanded_in_the_listing(make_event):
    start = soon(1, 18)
    make_event(title="Monatlich", dates=[{
        "start": start, "end": start + datetime.timedelta(hours=2),
        "repeat_frequency": "WEEKLY", "repeat_interval": 2,
        "repeat_until": (start + datetime.timedelta(days=43)).date()}])
    dates = upcoming_occurrences()
    assert [d.start for d in dates] == [start + datetime.timedelta(weeks=w) for w in (0, 2, 4, 6)]
    assert len({d.uid for d in dates}) == 1


@pytest.mark.django_db
def test_listing_and_feed_query_counts_do_not_grow_with_events(client, make_event, event_index,
                                                               settings):
    # Counts the rendering, not the hits of the page and feed caches.
    settings.PAGE_CACHE_SECONDS = 0
    settings.EVENTS_FEED_CACHE_SECONDS = 0
    # With a venue and a category: showing them in the page's language costs two queries,
    # however many dates there are.
    make_event(title="Eins", venue=Venue.objects.create(name="V", city="Leipzig"),
               category=Category.objects.create(name="C", slug="c"))

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count(event_index.url), count("/feeds/events.ics")  # warm the caches (sites, types)
    few = (count(event_index.url), count("/feeds/events.ics"))
    for number in range(8):
        make_event(title=f"Event {number}", venue=Venue.objects.create(name="V", city="Leipzig"),
                   category=Category.objects.create(name=f"C{number}", slug=f"c{number}"))
    count(event_index.url), count("/feeds/events.ics")  # publishing purged the cached menu
    assert (count(event_index.url), count("/feeds/events.ics")) == few


@pytest.mark.django_db
def test_home_page_shows_next_events(client, make_event, home_page):
    make_event(title="Nächster Termin", dates=[(soon(2), soon(2, 12))])
    html = client.get(home_page.url).content.decode()
    assert "Nächster Termin" in html


@pytest.mark.django_db
def test_editor_creates_event_with_three_dates_in_admin_then_unpublishes(
        client, admin_user, event_index):
    client.force_login(admin_user)
    one, two, three = soon(10), soon(20), soon(30, 18)
    fmt = "%Y-%m-%d %H:%M"

    def row(start, hours=2, **extra):
        data = {"start": start.strftime(fmt), "end": (start + datetime.timedelta(hours=hours))
                .strftime(fmt), "status": "scheduled", "repeat_interval": "1",
                "repeat_frequency": "", "status_note": "", "online_url": "", "venue": "",
                "repeat_until": "", "repeat_exceptions": ""}
        data.update(extra)
        return data

    post = nested_form_data({
        "title": "Netzwerktreffen im Admin",
        "slug": "netzwerktreffen-im-admin",
        "summary": "Drei Termine, einer davon monatlich.",
        "body": streamfield([]), "registration_questions": streamfield([]),
        "occurrences": inline_formset([
            row(one), row(two),
            row(three, repeat_frequency="MONTHLY",
                repeat_until=(three + datetime.timedelta(days=100)).date().isoformat()),
        ]),
        "action-publish": "publish",
    })
    url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    response = client.post(url, post)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = EventPage.objects.get(slug="netzwerktreffen-im-admin")
    assert page.live and page.occurrences.count() == 3
    uids = set(page.occurrences.values_list("uid", flat=True))

    client.logout()
    assert "Netzwerktreffen im Admin" in client.get(event_index.url).content.decode()
    feed = client.get("/feeds/events.ics").content.decode()
    assert feed.count("Netzwerktreffen im Admin") == 3 and "RRULE:FREQ=MONTHLY" in feed

    # Editing and republishing keeps the rows (InlinePanel resubmits their ids): same UIDs.
    client.force_login(admin_user)
    rows = []
    for occurrence in page.occurrences.order_by("sort_order"):
        start = occurrence.start_local
        values = row(start, repeat_frequency=occurrence.repeat_frequency,
                     repeat_until=occurrence.repeat_until.isoformat()
                     if occurrence.repeat_until else "")
        values["id"] = occurrence.pk
        rows.append(values)
    rows[0]["start"] = (one + datetime.timedelta(hours=1)).strftime(fmt)
    rows[0]["end"] = (one + datetime.timedelta(hours=3)).strftime(fmt)
    post["title"] = "Netzwerktreffen (geändert)"
    post.update(nested_form_data({"occurrences": inline_formset(rows, initial=3)}))
    response = client.post(f"/admin/pages/{page.pk}/edit/", post)
    assert response.status_code == 302
    assert set(page.occurrences.values_list("uid", flat=True)) == uids
    assert sorted(page.occurrences.values_list("sequence", flat=True)) == [0, 0, 1]

    response = client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 302
    client.logout()
    # The titles, not the bare word: the German feed description names "Netzwerktreffen" too.
    for title in ("Netzwerktreffen im Admin", "Netzwerktreffen (geändert)"):
        assert title not in client.get(event_index.url).content.decode()
        assert title not in client.get("/feeds/events.ics").content.decode()
