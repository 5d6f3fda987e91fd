"""Monthly dates on a weekday of the month ("first Wednesday", RFC 5545 BYDAY=1WE), and
exception dates that must be dates of the rule."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Occurrence
from events.models.occurrences import BERLIN

pytestmark = pytest.mark.django_db


def first_wednesday(year, month):
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(2 - day.weekday()) % 7)


def next_month(year, month, n=1):
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


@pytest.fixture
def network_meeting(make_event):
    today = timezone.localdate()
    year, month = next_month(today.year, today.month)
    day = first_wednesday(year, month)
    start = datetime.datetime.combine(day, datetime.time(14), tzinfo=BERLIN)
    skip = first_wednesday(*next_month(year, month, 2))
    return make_event(title="Regionalnetzwerk Migration Leipzig", dates=[{
        "start": start, "end": start + datetime.timedelta(hours=2),
        "repeat_frequency": "MONTHLY", "repeat_by_weekday": True,
        "repeat_exceptions": skip.isoformat()}]), skip


def test_the_network_meets_on_the_first_wednesday_of_every_month(client, network_meeting):
    page, skip = network_meeting
    dates = [item.start.astimezone(BERLIN) for item in page.upcoming_dates()][:6]
    assert len(dates) == 6
    for start in dates:
        assert start.weekday() == 2 and start.day <= 7 and start.hour == 14, start
    assert skip not in {start.date() for start in dates}

    feed = icalendar.Calendar.from_ical(client.get(f"/feeds/events/{page.pk}.ics").content)
    event = next(iter(feed.walk("VEVENT")))
    rule = event["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["1WE"]
    assert [value.dt.date() for value in event["EXDATE"].dts] == [skip]


def test_the_listing_shows_the_same_first_wednesdays(client, network_meeting):
    page, skip = network_meeting
    html = client.get(page.get_parent().url).content.decode()
    first = page.upcoming_dates()[0].start.astimezone(BERLIN).date()
    assert f'datetime="{first.isoformat()}' in html


def test_an_exception_that_is_no_date_of_the_rule_is_refused(network_meeting):
    page, skip = network_meeting
    occurrence = page.occurrences.get()
    occurrence.repeat_exceptions = (skip + datetime.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as error:
        occurrence.full_clean()
    assert "repeat_exceptions" in error.value.message_dict
    occurrence.repeat_exceptions = skip.isoformat()
    occurrence.full_clean()


def test_a_date_in_the_fifth_week_repeats_on_the_last_weekday():
    start = datetime.datetime(2027, 1, 29, 18, tzinfo=BERLIN)  # the last Friday of January
    occurrence = Occurrence(start=start, end=start + datetime.timedelta(hours=2),
                            repeat_frequency="MONTHLY", repeat_by_weekday=True,
                            repeat_until=datetime.date(2027, 5, 31))
    assert "BYDAY=-1FR" in occurrence.rrule
    days = [day.date() for day, _end in occurrence.instances(
        after=datetime.datetime(2027, 1, 1, tzinfo=BERLIN),
        before=datetime.datetime(2027, 6, 1, tzinfo=BERLIN))]
    assert days == [datetime.date(2027, 1, 29), datetime.date(2027, 2, 26),
                    datetime.date(2027, 3, 26), datetime.date(2027, 4, 30),
                    datetime.date(2027, 5, 28)]
