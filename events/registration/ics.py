"""A one-date calendar file (.ics) for e-mails, with the same UID as the calendar feeds."""

from icalendar import Calendar, Event

from events import conf as events_conf
from events.ical import (
    ICAL_STATUS,
    occurrence_description,
    occurrence_location,
    occurrence_times,
    occurrence_title,
    occurrence_uid,
    vtimezone,
)


def occurrence_ics(occurrence, *, url="", cancelled=False):
    calendar = Calendar()
    calendar.add("prodid", events_conf.get("EVENTS_CALENDAR_PRODUCT_ID"))
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    calendar.add_component(vtimezone())
    event = Event()
    start, end = occurrence_times(occurrence)
    event.add("uid", occurrence_uid(occurrence))
    event.add("summary", occurrence_title(occurrence))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", occurrence.updated_at)
    event.add("sequence", occurrence.sequence)
    event.add("status", "CANCELLED" if cancelled else ICAL_STATUS.get(occurrence.status, "CONFIRMED"))
    event.add("description", occurrence_description(occurrence, url))
    location = occurrence_location(occurrence)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
