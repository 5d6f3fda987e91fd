"""Subscribers see every kind of edit: the feed is read back after each published change."""

import datetime

import pytest
from icalendar import Calendar

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
