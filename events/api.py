"""`GET /api/v2/occurrences/`: upcoming dates of every event type with live registration state.

The events plugin's read API; the registration engine adds `POST /api/v2/registrations/`.

Reads through `events.queries` like the HTML listing, so the same dates appear (public, live,
unexpired pages; view-restricted pages never), repeats expanded, with the same filters.
"""

import datetime

from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from .queries import EventFilters, attach_pages, event_types, upcoming_occurrences
from .registration.api import JSONOnlyMixin
from .registration.summary import registration_summary

LIMIT_DEFAULT = 20
LIMIT_MAX = 100
FILTERS = ("category", "audience", "city", "language", "event_type")


class BadParameter(Exception):
    def __init__(self, name, message):
        super().__init__(message)
        self.name, self.message = name, message


def _int(request, name, default, minimum, maximum=None):
    value = request.GET.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 9:  # "²".isdigit() is True
        raise BadParameter(name, _("Enter a whole number."))
    number = int(value)
    if number < minimum or (maximum is not None and number > maximum):
        raise BadParameter(name, _("Enter a number from %(min)s to %(max)s.") % {
            "min": minimum, "max": maximum if maximum is not None else "…"})
    return number


def _date(request, name):
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadParameter(name, _("Enter a valid date (YYYY-MM-DD).")) from error


def parse(request):
    """(locale, EventFilters, limit, offset) from the query string, or BadParameter."""
    limit = _int(request, "limit", LIMIT_DEFAULT, 1, LIMIT_MAX)
    offset = _int(request, "offset", 0, 0)
    locale = request.GET.get("locale", "").strip() or "all"
    if locale != "all":
        locale = Locale.objects.filter(language_code=locale).first()
        if locale is None:
            raise BadParameter("locale", _("Choose one of the site's languages."))
    values = {name: request.GET.get(name, "").strip()[:100] for name in FILTERS}
    if values["event_type"] and values["event_type"] not in event_types():
        raise BadParameter("event_type", _("Choose one of: %(types)s.") % {
            "types": ", ".join(event_types())})
    date_from, date_to = _date(request, "date_from"), _date(request, "date_to")
    if date_from and date_to and date_to < date_from:
        raise BadParameter("date_to", _("The end date must not be before the start date."))
    return locale, EventFilters(date_from=date_from, date_to=date_to, **values), limit, offset


def venue_data(venue):
    if venue is None:
        return None
    return {"name": venue.name, "street": venue.street, "postcode": venue.postcode,
            "city": venue.city,
            "latitude": float(venue.latitude) if venue.latitude is not None else None,
            "longitude": float(venue.longitude) if venue.longitude is not None else None}


def occurrence_data(occurrence, request):
    page = occurrence.page
    return {
        "id": occurrence.pk,
        "uid": str(occurrence.uid),
        "page": {"id": page.pk, "title": page.title},
        "event_type": page.event_type,
        "locale": page.locale.language_code,
        "detail_url": request.build_absolute_uri(f"/api/v2/pages/{page.pk}/"),
        "html_url": page.get_full_url(request),
        "start": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "all_day": occurrence.all_day,
        "status": occurrence.status,
        "status_note": occurrence.status_note,
        "online": bool(occurrence.online_url),
        "venue": venue_data(occurrence.venue or page.venue),
        "registration": [item.as_api() for item in registration_summary(occurrence)],
    }


class OccurrenceListAPIView(JSONOnlyMixin, APIView):
    """Filters: locale (code or "all", the default), event_type, category, audience, city,
    language, date_from, date_to; pagination: limit (1–100, default 20), offset."""

    def get(self, request):
        try:
            locale, filters, limit, offset = parse(request)
        except BadParameter as error:
            return Response({"errors": {error.name: [str(error.message)]}}, status=400)
        dates = upcoming_occurrences(locale, filters, attach=False)
        shown = attach_pages(list(dates[offset:offset + limit]), relations=False)
        return Response({"meta": {"total_count": len(dates)},
                         "items": [occurrence_data(item, request) for item in shown]})
