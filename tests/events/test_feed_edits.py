"""Subscribers see every kind of edit: the feed is read back after each published change."""

import datetime
import time

import pytest
from icalendar import Calendar
from wagtail.models import Locale

from .test_feeds import FEED, events_of, future, parse

pytestmark = pytest.mark.django_db


def publish_date_change(page, **changes):
    occurrence = page.occurrences.get()
    for name, value in changes.items():
        setattr(occurrence, name, value)
    page.occurrences = [occurrence]
    page.save_revision().publish()


def feed_event(client):
    (event,) = events_of(parse(client.get(FEED)))
    return event


@pytest.mark.parametrize("changes", [
    {"repeat_exceptions": "EXCEPTION"},
    {"repeat_until": "UNTIL"},
    {"repeat_interval": 2},
], ids=["exception", "until", "interval"])
def test_editing_a_repeating_date_raises_its_sequence(client, make_event, changes):
    start = future(7)
    page = make_event(title="Sprechstunde", dates=[{
        "start": start, "end": start + datetime.timedelta(hours=2),
        "repeat_frequency": "WEEKLY"}])
    before = feed_event(client)
    values = {"EXCEPTION": (start + datetime.timedelta(weeks=2)).date().isoformat(),
              "UNTIL": (start + datetime.timedelta(weeks=8)).date()}
    publish_date_change(page, **{key: values.get(value, value) for key, value in changes.items()})
    after = feed_event(client)
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1


def test_an_all_day_repetition_ends_with_a_date_like_its_start(client, make_event):
    day = future(10).replace(hour=0)
    page = make_event(title="Aktionstag", dates=[{
        "start": day, "end": day + datetime.timedelta(hours=23), "all_day": True,
        "repeat_frequency": "WEEKLY", "repeat_until": (day + datetime.timedelta(weeks=3)).date()}])
    body = client.get(f"/feeds/events/{page.pk}.ics").content.decode()
    event = next(iter(Calendar.from_ical(body).walk("VEVENT")))
    assert isinstance(event["DTSTART"].dt, datetime.date)
    assert not isinstance(event["DTSTART"].dt, datetime.datetime)
    (until,) = event["RRULE"]["UNTIL"]
    assert type(until) is datetime.date
    assert f"UNTIL={(day + datetime.timedelta(weeks=3)):%Y%m%d}" in body.replace("\r\n ", "")
    assert f"UNTIL={(day + datetime.timedelta(weeks=3)):%Y%m%d}T" not in body.replace("\r\n ", "")


def conditional_get(client, url, response):
    """What a subscribed calendar sends back: both validators, then only If-Modified-Since."""
    both = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"],
                      HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    since_only = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    return both.status_code, since_only.status_code


def test_editing_a_venue_changes_the_validators_of_every_feed_that_shows_it(client, make_event):
    from events.models import Venue

    venue = Venue.objects.create(name="Volkshochschule", street="Löhrstraße 3",
                                 postcode="04105", city="Leipzig",
                                 locale=Locale.get_default())
    page = make_event(title="Infotag", venue=venue, dates=[(future(6), future(6, 12))])
    uid = page.occurrences.get().uid
    urls = [FEED, f"/feeds/events/{page.pk}.ics", f"/feeds/dates/{uid}.ics"]
    first = {url: client.get(url) for url in urls}
    for url in urls:
        assert conditional_get(client, url, first[url]) == (304, 304), url

    time.sleep(1.1)  # Last-Modified has whole seconds
    venue.street = "Löhrstraße 17"
    venue.save()
    for url in urls:
        assert conditional_get(client, url, first[url]) == (200, 200), url
        assert "Löhrstraße 17" in client.get(url).content.decode().replace("\r\n ", "")


def test_unpublishing_moves_last_modified_so_the_event_leaves_every_client(client, make_event):
    keep = make_event(title="Bleibt", dates=[(future(3), future(3, 12))])
    gone = make_event(title="Entfällt", dates=[(future(4), future(4, 12))])
    first = client.get(FEED)
    assert len(events_of(parse(first))) == 2
    time.sleep(1.1)
    gone.unpublish()
    assert conditional_get(client, FEED, first) == (200, 200)
    second = client.get(FEED)
    assert [str(event["SUMMARY"]) for event in events_of(parse(second))] == [keep.title]
    assert second["Last-Modified"] != first["Last-Modified"]
