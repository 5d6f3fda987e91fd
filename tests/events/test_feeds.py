"""The calendar feeds, parsed back with icalendar as a subscribing client would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import Category, Venue

BERLIN = ZoneInfo("Europe/Berlin")
FEED = "/feeds/events.ics"


def future(days, hour=10):
    base = datetime.datetime.now(BERLIN).replace(hour=hour, minute=0, second=0, microsecond=0)
    return base + datetime.timedelta(days=days)


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return [component for component in calendar.walk("VEVENT")]


def by_summary(calendar, text):
    return [event for event in events_of(calendar) if text in str(event["SUMMARY"])]


@pytest.mark.django_db
def test_feed_has_calendar_properties_and_berlin_timezone(client, make_event):
    make_event(title="Netzwerktreffen", dates=[(future(3), future(3, 12))])
    calendar = parse(client.get(FEED))
    assert calendar["VERSION"] == "2.0"
    assert calendar["NAME"] and calendar["X-WR-CALNAME"] == calendar["NAME"]
    assert calendar["X-WR-TIMEZONE"] == "Europe/Berlin"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT12H"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H" in client.get(FEED).content
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"
    assert zone.walk("STANDARD") and zone.walk("DAYLIGHT")
    (event,) = events_of(calendar)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert "LAST-MODIFIED" in event
    assert event["SEQUENCE"] == 0
    assert "/de/veranstaltungen/" in str(event["URL"])


@pytest.mark.django_db
def test_uid_is_stable_when_the_event_is_edited_and_sequence_rises_on_time_change(
        client, make_event, settings):
    settings.EVENTS_UID_DOMAIN = "iq-sachsen.de"
    page = make_event(title="Workshop", dates=[(future(5), future(5, 13))])
    (before,) = events_of(parse(client.get(FEED)))
    uid = str(before["UID"])
    assert uid.endswith("@iq-sachsen.de")

    page.title = "Workshop (neuer Titel)"
    page.save_revision().publish()
    (renamed,) = events_of(parse(client.get(FEED)))
    assert str(renamed["UID"]) == uid
    assert renamed["SEQUENCE"] == 0  # the title is not time, place or status

    page.refresh_from_db()
    occurrence = page.occurrences.get()
    occurrence.start += datetime.timedelta(hours=1)
    occurrence.end += datetime.timedelta(hours=1)
    occurrence.save()
    (moved,) = events_of(parse(client.get(FEED)))
    assert str(moved["UID"]) == uid
    assert moved["SEQUENCE"] == 1


@pytest.mark.django_db
def test_cancelled_dates_stay_with_status_cancelled(client, make_event):
    make_event(title="Infotag", dates=[{"start": future(4), "end": future(4, 12),
                                         "status": "cancelled", "status_note": "Krankheit"}])
    (event,) = events_of(parse(client.get(FEED)))
    assert event["STATUS"] == "CANCELLED"
    assert "Infotag" in str(event["SUMMARY"])


@pytest.mark.django_db
def test_times_are_dst_correct_in_march_and_october(client, make_event, settings):
    settings.EVENTS_FEED_PAST_DAYS = 3650
    march = datetime.datetime(2026, 3, 30, 18, 0, tzinfo=BERLIN)  # after the change: CEST
    october = datetime.datetime(2026, 10, 26, 18, 0, tzinfo=BERLIN)  # after: CET
    make_event(title="DST", dates=[(march, march + datetime.timedelta(hours=2)),
                                   (october, october + datetime.timedelta(hours=2))])
    content = client.get(FEED).content
    assert b"DTSTART;TZID=Europe/Berlin:20260330T180000" in content
    assert b"DTSTART;TZID=Europe/Berlin:20261026T180000" in content
    starts = sorted(event["DTSTART"].dt for event in events_of(Calendar.from_ical(content)))
    assert [s.astimezone(datetime.UTC).hour for s in starts] == [16, 17]


@pytest.mark.django_db
def test_repeating_date_has_rrule_and_exdate_and_location(client, make_event):
    venue = Venue.objects.create(name="Neues Rathaus", street="Martin-Luther-Ring 4-6",
                                 postcode="04109", city="Leipzig", latitude="51.337",
                                 longitude="12.373")
    start = future(2, 18)
    skipped = (start + datetime.timedelta(days=7)).date()
    make_event(title="Regionalnetzwerk", venue=venue, dates=[{
        "start": start, "end": start + datetime.timedelta(hours=2),
        "repeat_frequency": "WEEKLY", "repeat_interval": 1,
        "repeat_until": (start + datetime.timedelta(days=60)).date(),
        "repeat_exceptions": skipped.isoformat(),
    }])
    (event,) = events_of(parse(client.get(FEED)))
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [1]
    assert rule["UNTIL"][0].tzinfo is not None
    exdates = [value.dt for value in event["EXDATE"].dts]
    assert exdates == [datetime.datetime.combine(skipped, start.time(), tzinfo=BERLIN)]
    assert "Martin-Luther-Ring 4-6" in str(event["LOCATION"])
    assert event["GEO"].latitude == pytest.approx(51.337)


@pytest.mark.django_db
def test_unpublished_draft_and_private_pages_never_appear(client, make_event):
    make_event(title="Öffentlich")
    make_event(title="Entwurf", publish=False)
    gone = make_event(title="Zurückgezogen")
    gone.unpublish()
    private = make_event(title="Privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    summaries = [str(event["SUMMARY"]) for event in events_of(parse(client.get(FEED)))]
    assert summaries == ["Öffentlich"]
    assert client.get(f"/feeds/events/{private.pk}.ics").status_code == 404
    assert client.get(f"/feeds/events/{gone.pk}.ics").status_code == 404


@pytest.mark.django_db
def test_conditional_get_gives_304_and_changes_after_publish(client, make_event):
    page = make_event(title="Cache")
    response = client.get(FEED)
    assert response["ETag"] and response["Last-Modified"]
    assert "max-age" in response["Cache-Control"]
    again = client.get(FEED, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    since = client.get(FEED, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    page.unpublish()
    assert client.get(FEED, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


@pytest.mark.django_db
def test_filters_and_invalid_values(client, make_event, locales):
    workshop = Category.objects.create(name="Regionalworkshop", slug="workshop")
    make_event(title="Mit Kategorie", category=workshop)
    make_event(title="Ohne Kategorie")
    calendar = parse(client.get(FEED, {"category": "workshop"}))
    assert [str(e["SUMMARY"]) for e in events_of(calendar)] == ["Mit Kategorie"]
    assert events_of(parse(client.get(FEED, {"category": "unknown"}))) == []
    assert len(events_of(parse(client.get(FEED, {"type": "event"})))) == 2
    assert events_of(parse(client.get(FEED, {"type": "training"}))) == []
    for bad in ({"type": "party"}, {"lang": "xx"}, {"category": "<script>"}):
        response = client.get(FEED, bad)
        assert response.status_code == 400
        assert response.content


@pytest.mark.django_db
def test_feed_in_english_uses_translation_and_falls_back_to_source(
        client, make_event, event_index, home_page_en, locales):
    translated = make_event(title="Workshop DE")
    make_event(title="Nur Deutsch")
    event_index.copy_for_translation(locales["en"]).save_revision().publish()
    english = translated.copy_for_translation(locales["en"])
    english.title = "Workshop EN"
    english.save_revision().publish()
    summaries = sorted(str(e["SUMMARY"]) for e in events_of(parse(client.get(FEED, {"lang": "en"}))))
    assert summaries == ["Nur Deutsch", "Workshop EN"]
    german = sorted(str(e["SUMMARY"]) for e in events_of(parse(client.get(FEED))))
    assert german == ["Nur Deutsch", "Workshop DE"]
    uids = {str(e["UID"]) for e in events_of(parse(client.get(FEED, {"lang": "en"})))}
    assert len(uids) == 2


@pytest.mark.django_db
def test_per_event_and_per_date_downloads(client, make_event, settings):
    settings.EVENTS_UID_DOMAIN = "iq-sachsen.de"
    page = make_event(title="Download", dates=[(future(2), future(2, 12)),
                                               (future(9), future(9, 12))])
    response = client.get(f"/feeds/events/{page.pk}.ics")
    assert "attachment" in response["Content-Disposition"]
    assert len(events_of(parse(response))) == 2
    occurrence = page.occurrences.order_by("start").first()
    single = parse(client.get(f"/feeds/dates/{occurrence.uid}.ics"))
    (event,) = events_of(single)
    assert str(event["UID"]) == f"{occurrence.uid}@iq-sachsen.de"


@pytest.mark.django_db
def test_every_date_links_to_its_page_as_wagtail_addresses_it(client, make_event, home_page):
    """The feed addresses siblings from the first one's address (no reverse per page): each
    link must still be Wagtail's own, with quoted non-ASCII slugs and other parents."""
    from events.models import EventIndexPage

    other = EventIndexPage(title="Jobmessen", slug="jobmessen")
    home_page.add_child(instance=other)
    other.save_revision().publish()
    pages = [make_event(title="Erster", slug="erster", dates=[(future(3), future(3, 12))]),
             make_event(title="Ärzte", slug="überblick-ärzte", dates=[(future(4), future(4, 12))]),
             make_event(title="Dritter", slug="dritter", dates=[(future(5), future(5, 12))]),
             make_event(title="Messe", slug="messe", parent=other,
                        dates=[(future(6), future(6, 12))])]
    calendar = parse(client.get(FEED))
    request = client.get("/").wsgi_request
    expected = {page.title: page.get_full_url(request) for page in pages}
    links = {str(event["SUMMARY"]): str(event["URL"]) for event in events_of(calendar)}
    assert links == expected
    # The description's last line is the address too (django-ical quotes only the URL).
    described = {str(event["SUMMARY"]): str(event["DESCRIPTION"]).splitlines()[-1]
                 for event in events_of(calendar)}
    assert described == expected
    assert links["Ärzte"].endswith("/veranstaltungen/%C3%BCberblick-%C3%A4rzte/")
    assert "/jobmessen/messe/" in links["Messe"]
