"""The event listing's month view: a checked `?month=YYYY-MM` and that month's weeks (Monday
first), each day with the dates that touch it."""

import calendar
import datetime
import re
from dataclasses import dataclass, field, replace

from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from .queries import EventFilters, localize_vocabulary, upcoming_occurrences

MONTH_PATTERN = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
# Months further away than this are refused: nobody plans that far, and crawlers following
# "next month" for ever would fill the page cache.
MAX_YEARS_AWAY = 5


def month_index(day):
    return day.year * 12 + day.month - 1


def shift_month(first, months):
    index = month_index(first) + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(value, today):
    """(first day of the month asked for, error message): the current month and a message
    for anything that is not a month within MAX_YEARS_AWAY years of today."""
    current = today.replace(day=1)
    value = (value or "").strip()
    if not value:
        return current, ""
    match = MONTH_PATTERN.fullmatch(value)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return current, _("“%(value)s” is not a month. Use the form YYYY-MM, e.g. %(example)s. "
                          "Showing the current month.") % {
            "value": value[:20], "example": current.strftime("%Y-%m")}
    first = datetime.date(int(match.group(1)), int(match.group(2)), 1)
    if abs(month_index(first) - month_index(current)) > MAX_YEARS_AWAY * 12:
        return current, _("The calendar shows months up to %(years)s years from today. "
                          "Showing the current month.") % {"years": MAX_YEARS_AWAY}
    return first, ""


def in_range(first, today):
    return abs(month_index(first) - month_index(today)) <= MAX_YEARS_AWAY * 12


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    dates: list = field(default_factory=list)


@dataclass
class MonthView:
    first: datetime.date
    weeks: list
    previous: datetime.date | None
    next: datetime.date | None
    count: int

    @property
    def days_with_dates(self):
        return [day for week in self.weeks for day in week if day.dates]


def weekday_names():
    """(abbreviation, full name) Monday to Sunday in the active language."""
    return [(WEEKDAYS_ABBR[index], WEEKDAYS[index]) for index in range(7)]


def month_dates(locale, filters, first, now=None):
    """The instances (repeats expanded, pages attached, vocabulary in the locale's language)
    of the public dates that touch the month starting on `first`, within the filters' range.

    The listing's query (queries.upcoming_occurrences) with the month as its date range, so
    private, unpublished and expired pages stay out and untranslated events show their
    source page's dates, as in the list view."""
    now = now or timezone.now()
    filters = filters or EventFilters()
    last = shift_month(first, 1) - datetime.timedelta(days=1)
    date_from = max(first, filters.date_from) if filters.date_from else first
    date_to = min(last, filters.date_to) if filters.date_to else last
    if date_to < date_from:
        return []
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    # `now` bounds the listing's "upcoming" below: the month's own start for past months.
    instances = upcoming_occurrences(locale, replace(filters, date_from=date_from, date_to=date_to),
                                     now=min(now, start))
    return localize_vocabulary(instances, locale.language_code)


def local_days(instance):
    """The local dates an instance covers: a date ending at midnight does not touch the next day."""
    start = timezone.localtime(instance.start).date()
    end = timezone.localtime(instance.end - datetime.timedelta(microseconds=1)).date()
    return start, max(start, end)


def build_month(first, instances, today):
    """The month's weeks (Monday first, with the neighbouring months' days to fill them)."""
    weeks = []
    days = {}
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
            first.year, first.month):
        row = []
        for date in week:
            day = Day(date=date, in_month=date.month == first.month, is_today=date == today)
            row.append(day)
            if day.in_month:
                days[date] = day
        weeks.append(row)
    for instance in instances:
        start, end = local_days(instance)
        date = max(start, first)
        while date <= end and date in days:
            days[date].dates.append(instance)
            date += datetime.timedelta(days=1)
    previous, following = shift_month(first, -1), shift_month(first, 1)
    return MonthView(
        first=first, weeks=weeks,
        previous=previous if in_range(previous, today) else None,
        next=following if in_range(following, today) else None,
        count=len(instances),
    )
