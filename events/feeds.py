"""Calendar feeds (iCalendar, RFC 5545) built with django-ical for partners who subscribe.

`EventsFeed` serves every public date of every event type, optionally filtered;
`PageFeed` and `OccurrenceFeed` serve one event or one date as an .ics download.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_ical.feedgenerator import ICal20Feed
from django_ical.views import ICalFeed
from icalendar import Calendar, Event, vDuration, vText

from . import conf
from .addresses import PageAddresses
from .ical import event_item, feed_ttl, vtimezone
from .models.occurrences import event_timezone
from .queries import (
    EventFilters,
    attach_pages,
    feed_occurrences,
    localize_vocabulary,
    public_occurrences,
)


class EventCalendar(ICal20Feed):
    """django-ical's generator plus what real clients need: VTIMEZONE, NAME, refresh hints."""

    def write(self, outfile, encoding):
        calendar = Calendar()
        calendar.add("prodid", self.feed.get("product_id") or conf.get("EVENTS_CALENDAR_PRODUCT_ID"))
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        # icalendar escapes line breaks only in the properties it knows as text; NAME and the
        # X-WR- ones it writes raw (a title or summary with a line break was a 500): vText.
        calendar.add("name", vText(self.feed["title"]))
        calendar.add("x-wr-calname", vText(self.feed["title"]))
        if self.feed.get("description"):
            calendar.add("x-wr-caldesc", vText(self.feed["description"]))
        calendar.add("x-wr-timezone", self.feed.get("timezone") or event_timezone().key)
        ttl = feed_ttl()
        calendar.add("refresh-interval", ttl, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(ttl))
        calendar.add_component(vtimezone())
        encoded = {}
        for item in self.items:
            calendar.add_component(self.build_event(item, encoded))
        outfile.write(calendar.to_ical())

    # One VEVENT, only the properties that are set (django-ical adds the rest the same way).
    FIELDS = (
        ("unique_id", "uid"), ("timestamp", "dtstamp"), ("start_datetime", "dtstart"),
        ("end_datetime", "dtend"), ("title", "summary"), ("description", "description"),
        ("location", "location"), ("geolocation", "geo"), ("link", "url"),
        ("categories", "categories"), ("status", "status"), ("sequence", "sequence"),
        ("created", "created"), ("updateddate", "last-modified"), ("rrule", "rrule"),
        ("exdate", "exdate"),
    )

    # Values most dates of a feed share (one stamp, a few venues, categories and states):
    # encoded once per feed, a third of icalendar's work for 1,000s of dates.
    SHARED = frozenset(("dtstamp", "location", "geo", "categories", "status", "sequence"))

    def build_event(self, item, encoded=None):
        event = Event()
        for key, name in self.FIELDS:
            value = item.get(key)
            # No empty properties ("CATEGORIES:"): django-ical defaults categories to ().
            if value is None or (isinstance(value, str | list | tuple) and not any(value)):
                continue
            if encoded is None or name not in self.SHARED:
                event.add(name, value)
                continue
            memo = (name, tuple(value) if isinstance(value, list) else value)
            if memo not in encoded:
                probe = Event()
                probe.add(name, value)  # icalendar's own encoding, kept for the next dates
                encoded[memo] = probe[name]
            event[name] = encoded[memo]
        return event


class BaseEventFeed(ICalFeed):
    feed_type = EventCalendar

    def __init__(self, filters=None, language=None):
        super().__init__()
        self.filters = filters or EventFilters()
        self.language = language or settings.LANGUAGE_CODE

    def title(self, obj=None):
        return _("Events – %(site)s") % {"site": getattr(settings, "WAGTAIL_SITE_NAME", "")}

    def description(self, obj=None):
        return _("Dates of workshops, network meetings, trainings and job fairs.")

    def timezone(self, obj=None):
        return event_timezone().key

    def occurrences(self, obj):
        raise NotImplementedError

    def get_feed(self, obj, request):
        """Build the calendar in one pass (no per-item attribute lookups, for 1,000s of dates)."""
        with translation.override(self.language):
            feed = self.feed_type(
                title=self.title(obj), link=request.build_absolute_uri(request.path),
                description=self.description(obj), language=self.language,
                product_id=conf.get("EVENTS_CALENDAR_PRODUCT_ID"), timezone=self.timezone(obj),
            )
            dtstamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
            occurrences = localize_vocabulary(list(self.occurrences(obj)), self.language)
            addresses = PageAddresses(request)
            for occurrence in occurrences:
                page_url = addresses.full_url(occurrence.page)
                feed.add_item(**event_item(occurrence, page_url, dtstamp))
        return feed


class EventsFeed(BaseEventFeed):
    """Every public date of every event type: `/feeds/events.ics?category=…&lang=en`."""

    def file_name(self, obj=None):
        return None

    def occurrences(self, obj):
        return feed_occurrences(self.language, self.filters)


class PageFeed(BaseEventFeed):
    """All dates of one event page: the download on the event page."""

    def __init__(self, page, **kwargs):
        super().__init__(language=page.locale.language_code, **kwargs)
        self.page = page

    def title(self, obj=None):
        return self.page.title

    def description(self, obj=None):
        return self.page.summary

    def file_name(self, obj=None):
        return f"{self.page.slug}.ics"

    def occurrences(self, obj):
        rows = public_occurrences("all").filter(page_id=self.page.pk).select_related("venue")
        return attach_pages(list(rows.order_by("start", "pk")))


class OccurrenceFeed(PageFeed):
    """One date: the "download" of "add to calendar"."""

    def __init__(self, occurrence, **kwargs):
        super().__init__(occurrence.page, **kwargs)
        self.occurrence = occurrence

    def file_name(self, obj=None):
        return f"{self.page.slug}-{self.occurrence.start_local:%Y-%m-%d}.ics"

    def occurrences(self, obj):
        return [self.occurrence]
