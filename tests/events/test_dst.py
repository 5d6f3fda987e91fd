"""Clock changes: one rule for the listing, the API and the feed (README "Calendar feeds").

Dates are wall-clock times in Europe/Berlin. A repeating date keeps the wall-clock start and
end of its first date on every repetition (as RFC 5545 clients expand RRULE: icalendar's
recurring-ical-events, ical.js), so an overnight meeting 22:00–06:00 lasts seven hours in
the night the clocks go forward and nine when they go back. Because the hour 02:00–03:00 is
skipped in March and repeated in October, a repeating date may not start or end in it, and
a single date's time in it is refused by the admin's form (Django names it ambiguous or
non-existent).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from events.models import Occurrence

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


def overnight_weekly(make_event):
    start = datetime.datetime(2027, 3, 6, 22, tzinfo=BERLIN)  # a Saturday before the March change
    return make_event(title="Nachtschicht-Sprechstunde", dates=[{
        "start": start, "end": start + datetime.timedelta(hours=8),
        "repeat_frequency": "WEEKLY", "repeat_until": datetime.date(2027, 11, 27)}])


def instants(pairs):
    return sorted((start.astimezone(UTC), end.astimezone(UTC)) for start, end in pairs)


def test_listing_api_and_feed_agree_across_both_clock_changes(client, make_event):
    page = overnight_weekly(make_event)
    listing = instants((item.start, item.end) for item in page.upcoming_dates())
    api = client.get("/api/v2/occurrences/?limit=100").json()["items"]
    api_pairs = instants((datetime.datetime.fromisoformat(item["start"]),
                          datetime.datetime.fromisoformat(item["end"])) for item in api)
    feed = Calendar.from_ical(client.get(f"/feeds/events/{page.pk}.ics").content)
    expanded = recurring_ical_events.of(feed).between(timezone.now(), datetime.date(2027, 12, 1))
    feed_pairs = instants((event["DTSTART"].dt, event["DTEND"].dt) for event in expanded)

    assert len(listing) == 39
    assert listing == api_pairs == feed_pairs

    by_night = {start.astimezone(BERLIN).date(): end - start for start, end in listing}
    assert by_night[datetime.date(2027, 3, 27)] == datetime.timedelta(hours=7)   # clocks forward
    assert by_night[datetime.date(2027, 10, 30)] == datetime.timedelta(hours=9)  # clocks back
    assert by_night[datetime.date(2027, 6, 5)] == datetime.timedelta(hours=8)
    for start, end in listing:  # the wall clock says 22:00–06:00 every week
        assert (start.astimezone(BERLIN).hour, end.astimezone(BERLIN).hour) == (22, 6)


def test_a_single_overnight_date_across_the_october_change(client, make_event):
    start = datetime.datetime(2027, 10, 30, 22, tzinfo=BERLIN)
    end = datetime.datetime(2027, 10, 31, 6, tzinfo=BERLIN)
    page = make_event(title="Lange Nacht der Anerkennung", dates=[(start, end)])
    (item,) = client.get("/api/v2/occurrences/").json()["items"]
    assert datetime.datetime.fromisoformat(item["end"]) - datetime.datetime.fromisoformat(
        item["start"]) == datetime.timedelta(hours=9)
    (event,) = Calendar.from_ical(client.get(f"/feeds/events/{page.pk}.ics").content).walk("VEVENT")
    assert event["DTSTART"].dt == start and event["DTEND"].dt == end
    assert event["DTEND"].dt.utcoffset() == datetime.timedelta(hours=1)


@pytest.mark.parametrize("wall", ["2027-10-31 02:30", "2027-03-28 02:30"],
                         ids=["ambiguous-october", "skipped-march"])
def test_the_admin_refuses_a_time_in_the_changed_hour(wall):
    field = forms.DateTimeField()
    with timezone.override(BERLIN), pytest.raises(ValidationError) as error:
        field.clean(wall)
    assert error.value.code == "ambiguous_timezone"  # "… may be ambiguous or may not exist"


@pytest.mark.parametrize("hour", [2, 3])
def test_a_repeating_date_may_not_start_or_end_in_the_changed_hour(hour):
    if hour == 2:
        start = datetime.datetime(2027, 1, 10, 2, 30, tzinfo=BERLIN)
        end = start + datetime.timedelta(hours=2)
        field = "start"
    else:
        start = datetime.datetime(2027, 1, 10, 0, 30, tzinfo=BERLIN)
        end = start + datetime.timedelta(hours=2)  # 02:30
        field = "end"
    occurrence = Occurrence(start=start, end=end, repeat_frequency="WEEKLY")
    with pytest.raises(ValidationError) as error:
        occurrence.clean()
    assert field in error.value.message_dict
