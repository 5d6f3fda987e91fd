"""iCalendar building blocks shared by the feeds: the time zone, one VEVENT per date, links.

`event_item()` turns an occurrence into the keyword arguments of django-ical's feed
generator; `add_to_calendar_links()` gives the per-date Google and Outlook links.
"""

import datetime
from functools import cache
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from . import conf
from .models.occurrences import OccurrenceStatus, event_timezone

ICAL_STATUS = {
    OccurrenceStatus.SCHEDULED: "CONFIRMED",
    OccurrenceStatus.MOVED_ONLINE: "CONFIRMED",
    OccurrenceStatus.POSTPONED: "TENTATIVE",
    OccurrenceStatus.CANCELLED: "CANCELLED",
}


def feed_ttl():
    """How often clients should refresh, as an RFC 5545 duration (default 12 hours)."""
    return datetime.timedelta(hours=int(conf.get("EVENTS_FEED_REFRESH_HOURS")))


@cache
def vtimezone(tzid=None):
    """VTIMEZONE with yearly STANDARD and DAYLIGHT rules (Outlook needs both components).

    The EU rule (last Sunday of March/October since 1996) written as RRULEs, as Outlook,
    Google and Thunderbird write it themselves, instead of one RDATE per year.
    """
    tzid = tzid or event_timezone().key
    if tzid != "Europe/Berlin":
        return Timezone.from_tzid(tzid, first_date=datetime.date(2000, 1, 1),
                                  last_date=datetime.date(2040, 1, 1))
    component = Timezone()
    component.add("tzid", tzid)
    component.add("x-lic-location", tzid)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("rrule", vRecur.from_ical("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0, 0))
    standard.add("rrule", vRecur.from_ical("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
    component.add_component(daylight)
    component.add_component(standard)
    return component


def uid_host():
    return conf.get("EVENTS_UID_DOMAIN")


def occurrence_uid(occurrence):
    """Globally unique and stable: the row's UUID never changes when the event is edited."""
    return f"{occurrence.uid}@{uid_host()}"


def occurrence_venue(occurrence):
    return occurrence.venue or getattr(occurrence.page, "venue", None)


def join_url(occurrence):
    """The online join link, only where the caller (a registrant's e-mail or personal calendar)
    has put it on the date as `personal_online_url`: public feeds and links never carry it."""
    return getattr(occurrence, "personal_online_url", "")


def occurrence_location(occurrence):
    venue = occurrence_venue(occurrence)
    if (occurrence.status == OccurrenceStatus.MOVED_ONLINE or occurrence.is_online_only
            or (venue is None and occurrence.online_url)):
        return join_url(occurrence) or _("Online")
    return venue.address if venue else ""


def occurrence_title(occurrence):
    title = occurrence.page.title
    if occurrence.status != OccurrenceStatus.SCHEDULED:
        return f"{occurrence.get_status_display()}: {title}"
    return title


def occurrence_description(occurrence, page_url):
    lines = [strip_tags(occurrence.page.summary or "").strip()]
    if occurrence.status_note:
        lines.append(f"{occurrence.get_status_display()}: {occurrence.status_note}")
    if join_url(occurrence):
        lines.append(_("Online: %(url)s") % {"url": join_url(occurrence)})
        if getattr(occurrence, "personal_online_access", ""):
            lines.append(occurrence.personal_online_access)
    elif occurrence.online_url or occurrence.is_online_only:
        lines.append(_("Online: the access link is sent to everyone holding a place."))
    if page_url:
        lines.append(page_url)
    return "\n\n".join(line for line in lines if line)


def _local(value):
    return timezone.localtime(value, event_timezone())


def occurrence_times(occurrence):
    """DTSTART/DTEND values: dates for all-day dates (DTEND exclusive), else Berlin times."""
    if occurrence.all_day:
        first = _local(occurrence.start).date()
        last = _local(occurrence.end).date()
        return first, max(last, first) + datetime.timedelta(days=1)
    return _local(occurrence.start), _local(occurrence.end)


def event_item(occurrence, page_url, dtstamp):
    """Keyword arguments for `ICal20Feed.add_item()` describing one date (one VEVENT)."""
    start, end = occurrence_times(occurrence)
    item = {
        "title": occurrence_title(occurrence),
        "link": page_url,
        "description": occurrence_description(occurrence, page_url),
        "unique_id": occurrence_uid(occurrence),
        "start_datetime": start,
        "end_datetime": end,
        "timestamp": dtstamp,
        "updateddate": occurrence.updated_at,
        "created": occurrence.created_at,
        "sequence": occurrence.sequence,
        "status": ICAL_STATUS.get(occurrence.status, "CONFIRMED"),
        "location": occurrence_location(occurrence) or None,
    }
    category = getattr(occurrence.page, "category", None)
    if category is not None and category.name:
        item["categories"] = [category.name]
    venue = occurrence_venue(occurrence)
    if venue is not None and venue.has_coordinates and item["location"] == venue.address:
        item["geolocation"] = (float(venue.latitude), float(venue.longitude))
    if occurrence.repeat_frequency:
        item["rrule"] = vRecur.from_ical(occurrence.rrule)
        exceptions = occurrence.exception_dates
        if exceptions:
            local_start = _local(occurrence.start)
            if occurrence.all_day:
                item["exdate"] = exceptions
            else:
                item["exdate"] = [
                    datetime.datetime.combine(day, local_start.time(), tzinfo=event_timezone())
                    for day in exceptions
                ]
    return item


def add_to_calendar_links(occurrence, page_url=""):
    """Google Calendar and Outlook.com links that prefill one date."""
    venue_text = occurrence_location(occurrence)
    details = occurrence_description(occurrence, page_url)
    title = occurrence_title(occurrence)
    if occurrence.all_day:
        start, end = occurrence_times(occurrence)
        google_dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
        outlook_start, outlook_end = start.isoformat(), end.isoformat()
    else:
        start = occurrence.start.astimezone(datetime.UTC)
        end = occurrence.end.astimezone(datetime.UTC)
        google_dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
        outlook_start = start.strftime("%Y-%m-%dT%H:%M:%SZ")
        outlook_end = end.strftime("%Y-%m-%dT%H:%M:%SZ")
    google = "https://calendar.google.com/calendar/render?" + urlencode({
        "action": "TEMPLATE", "text": title, "dates": google_dates, "details": details,
        "location": venue_text, "ctz": event_timezone().key,
    })
    outlook_params = {
        "path": "/calendar/action/compose", "rru": "addevent", "subject": title,
        "startdt": outlook_start, "enddt": outlook_end, "body": details, "location": venue_text,
    }
    if occurrence.all_day:
        outlook_params["allday"] = "true"
    outlook = "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook_params)
    return {"google": google, "outlook": outlook}
