"""Large feeds stay valid in the parser Thunderbird uses (ical.js, run in Chromium's JavaScript
engine) and in Python's icalendar: 1,000 dates, and a year of weekly repetitions with an
exception, expanded by ical.js to exactly the dates the site lists."""

import datetime
from pathlib import Path

import pytest
import recurring_ical_events
from django.utils import timezone
from icalendar import Calendar

from events.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.browser]
ICAL_JS = Path(__file__).parent.parent / "browser" / "vendor" / "ical-2.2.1.min.js"

# Parse with ical.js, register the feed's VTIMEZONE, expand every VEVENT (rules up to `until`)
# and answer the instances as UTC seconds, with the properties a client needs.
EXPAND = """([text, until]) => {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const limit = ICAL.Time.fromJSDate(new Date(until * 1000), true);
  const result = {events: 0, instances: [], problems: []};
  for (const component of root.getAllSubcomponents("vevent")) {
    result.events += 1;
    const event = new ICAL.Event(component);
    if (!event.uid || !event.startDate || !event.endDate || !event.summary) {
      result.problems.push(event.uid || "without UID");
    }
    if (event.isRecurring()) {
      const iterator = event.iterator();
      let next;
      while ((next = iterator.next()) && next.compare(limit) < 0) {
        const details = event.getOccurrenceDetails(next);
        result.instances.push([details.startDate.toUnixTime(), details.endDate.toUnixTime()]);
      }
    } else {
      result.instances.push([event.startDate.toUnixTime(), event.endDate.toUnixTime()]);
    }
  }
  return result;
}"""


def expand_in_chromium(browser_page, text, until):
    browser_page.set_content("<!doctype html><title>ical.js</title>")
    browser_page.add_script_tag(content=ICAL_JS.read_text(encoding="utf-8"))
    return browser_page.evaluate(EXPAND, [text, int(until.timestamp())])


def seconds(pairs):
    return sorted((int(start.timestamp()), int(end.timestamp())) for start, end in pairs)


def test_a_feed_of_1000_dates_parses_in_icaljs_and_icalendar(client, make_event, browser_page):
    page = make_event(title="Sprechstunde Anerkennung\nund Qualifizierung")  # a line break too
    first = page.occurrences.get()
    Occurrence.objects.bulk_create([
        Occurrence(page=page, start=first.start + datetime.timedelta(days=n, hours=n % 5),
                   end=first.end + datetime.timedelta(days=n, hours=n % 5), sort_order=n)
        for n in range(1, 1000)])
    response = client.get("/feeds/events.ics")
    assert response.status_code == 200
    text = response.content.decode()

    parsed = Calendar.from_ical(response.content)
    python_events = list(parsed.walk("VEVENT"))
    assert len(python_events) == 1000
    assert len({str(event["UID"]) for event in python_events}) == 1000

    result = expand_in_chromium(browser_page, text, timezone.now() + datetime.timedelta(days=2000))
    assert result["problems"] == []
    assert result["events"] == 1000
    expected = seconds((row.start, row.end) for row in page.occurrences.all())
    assert sorted(map(tuple, result["instances"])) == expected


def test_a_year_of_weekly_dates_expands_to_the_sites_dates(client, make_event, browser_page):
    start = (timezone.localtime() + datetime.timedelta(days=3)).replace(
        hour=18, minute=0, second=0, microsecond=0)
    skipped = (start + datetime.timedelta(weeks=5)).date()
    page = make_event(title="Deutsch-Stammtisch", dates=[{
        "start": start, "end": start + datetime.timedelta(hours=2), "repeat_frequency": "WEEKLY",
        "repeat_until": (start + datetime.timedelta(days=360)).date(),
        "repeat_exceptions": skipped.isoformat()}])
    site_dates = seconds((item.start, item.end) for item in page.upcoming_dates())
    assert len(site_dates) == 51  # 52 weeks minus the exception

    response = client.get(f"/feeds/events/{page.pk}.ics")
    result = expand_in_chromium(browser_page, response.content.decode(),
                                start + datetime.timedelta(days=400))
    assert result["problems"] == [] and result["events"] == 1
    assert sorted(map(tuple, result["instances"])) == site_dates

    expanded = recurring_ical_events.of(Calendar.from_ical(response.content)).between(
        start - datetime.timedelta(days=1), start + datetime.timedelta(days=400))
    assert seconds((event["DTSTART"].dt, event["DTEND"].dt) for event in expanded) == site_dates
