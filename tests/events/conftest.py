"""Builders for event tests: an event listing under the home page and `make_event(...)`.

The registration tests reuse them, so they state only what matters to a test:

    page = make_event(title="Workshop", dates=[(start, end)], category=category)
    occurrence = page.occurrences.first()
"""

import datetime
import uuid

import pytest
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Occurrence


def aware(value):
    """An aware datetime in the current time zone (Europe/Berlin) from a naive one."""
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


@pytest.fixture
def event_index(home_page):
    """The published German event listing ("Veranstaltungen") under the home page."""
    index = EventIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen", show_in_menus=True)
        home_page.add_child(instance=index)
        index.save_revision().publish()
    return index


@pytest.fixture
def make_event(event_index):
    """Build and publish an EventPage with dates.

    `dates` is a list of `(start, end)` pairs (naive values are read as Europe/Berlin) or of
    dicts with Occurrence fields (`{"start": ..., "end": ..., "status": "cancelled", ...}`).
    Other keyword arguments are page fields; `audiences`/`languages`/`organisers` take lists.
    `publish=False` leaves a draft; `parent=` puts the page elsewhere.
    """

    def build(title="Regionalworkshop", dates=None, publish=True, parent=None, **fields):
        if dates is None:
            start = timezone.localtime() + datetime.timedelta(days=7)
            start = start.replace(hour=10, minute=0, second=0, microsecond=0)
            dates = [(start, start + datetime.timedelta(hours=3))]
        m2m = {name: fields.pop(name) for name in ("audiences", "languages", "organisers")
               if name in fields}
        fields.setdefault("summary", f"Summary of {title}.")
        fields.setdefault("slug", f"{uuid.uuid4().hex[:8]}")
        page = EventPage(title=title, live=publish, **fields)
        for name, values in m2m.items():
            setattr(page, name, values)
        rows = []
        for index, value in enumerate(dates):
            if isinstance(value, dict):
                data = dict(value)
            else:
                data = {"start": value[0], "end": value[1]}
            data["start"] = aware(data["start"])
            data["end"] = aware(data["end"])
            rows.append(Occurrence(sort_order=index, **data))
        page.occurrences = rows
        (parent or event_index).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    return build
