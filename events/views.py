"""Public views of the events plugin: the event listing (list and month view), the calendar
feeds and .ics downloads."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe
from wagtail.models import Locale

from . import calendar_view, conf
from .errors import EventsError
from .feeds import EventsFeed, OccurrenceFeed, PageFeed
from .filters import FILTER_FIELDS, EventFilterForm
from .queries import (
    attach_pages,
    feed_fingerprint,
    localize_vocabulary,
    public_occurrences,
    upcoming_occurrences,
)

FEED_FORMAT_VERSION = "1"
# Page ids are PostgreSQL integers; a larger number from the URL would overflow the query.
MAX_PAGE_ID = 2**31 - 1


def _active_filters(form, filter_query):
    """[(label, value shown, link without this filter)] of the filters the listing applies."""
    if not form.is_bound:
        return []
    active = []
    for name in FILTER_FIELDS:
        value = form.cleaned_data.get(name)
        if not value:
            continue
        field = form.fields[name]
        if hasattr(value, "year"):
            shown = date_format(value, "SHORT_DATE_FORMAT")
        else:
            shown = dict(getattr(field, "choices", [])).get(value, value)
        rest = {key: item for key, item in filter_query.items() if key != name}
        active.append({"name": name, "label": field.label, "value": shown, "rest": urlencode(rest)})
    return active


def event_index_context(page, request, context):
    """The listing's context: the filter bar, then the list (upcoming or past, paginated) or
    the month view (`view=month`, `month=YYYY-MM`); filters apply to both."""
    query = request.GET
    form = EventFilterForm(query or None, locale=page.locale)
    if form.is_bound and not form.is_valid():
        # Keep the valid parts of the filter: a wrong date does not hide every event.
        form.cleaned_data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    filters = form.filters() if form.is_bound else None
    filter_query = {name: query[name] for name in FILTER_FIELDS
                    if query.get(name) and name not in form.errors}
    display = "month" if query.get("view") == "month" or "month" in query else "list"
    past = display == "list" and query.get("view") == "past"
    feed_query = {key: value for key, value in filter_query.items()
                  if key in ("category", "audience", "city", "language", "type")}
    feed_query["lang"] = page.locale.language_code
    context.update({
        "filter_form": form,
        "filter_query": urlencode(filter_query),
        "display": display,
        "past": past,
        "feed_path": reverse("events:feed") + "?" + urlencode(feed_query),
    })
    if display == "month":
        context.update(_month_context(page, request, filters))
        view_query = {"view": "month", "month": context["month"].first.strftime("%Y-%m")}
    else:
        context.update(_list_context(page, request, filters, past))
        view_query = {"view": "past"} if past else {}
    # The form's hidden fields and the links that remove one filter keep the view.
    context["view_query"] = view_query
    context["view_querystring"] = urlencode(view_query)
    context["filters_active"] = _active_filters(form, {**view_query, **filter_query})
    return context


def _list_context(page, request, filters, past):
    dates = upcoming_occurrences(page.locale, filters, past=past, attach=False)
    paginator = Paginator(dates, int(conf.get("EVENTS_LISTING_PER_PAGE")))
    page_obj = paginator.get_page(request.GET.get("page"))
    # A card shows the page's title, picture, venue, category and summary (attach "cards").
    page_obj.object_list = localize_vocabulary(
        attach_pages(list(page_obj.object_list), relations="cards"),
        page.locale.language_code, locale_id=page.locale_id)
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "dates": page_obj.object_list, "query_string": query.urlencode()}


def _month_context(page, request, filters):
    today = timezone.localdate()
    first, error = calendar_view.parse_month(request.GET.get("month"), today)
    instances = calendar_view.month_dates(page.locale, filters, first)
    return {
        "month": calendar_view.build_month(first, instances, today),
        "month_error": error,
        "today_month": today.replace(day=1),
        "weekdays": calendar_view.weekday_names(),
    }


class FeedParameterError(EventsError, ValueError):
    """A feed's query string asks for something that does not exist (answered with 400)."""


def feed_cache_seconds():
    return int(conf.get("EVENTS_FEED_CACHE_SECONDS"))


def parse_feed_parameters(query):
    """EventFilters and language from the query string; FeedParameterError if invalid.

    The filters are the listing's form (events/filters.py): one definition for both."""
    language = query.get("lang", "").strip() or settings.LANGUAGE_CODE
    codes = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    locale = Locale.objects.filter(language_code=language).first() if language in codes else None
    if locale is None:
        raise FeedParameterError(
            _("“lang” must be one of: %(codes)s.") % {"codes": ", ".join(codes)})
    form = EventFilterForm(query, locale=locale)
    if not form.is_valid():
        raise FeedParameterError(form.first_error())
    return form.filters(), language


def _conditional(view, fingerprint, extra):
    count, changed = fingerprint
    key = repr((FEED_FORMAT_VERSION, count, changed, extra, timezone.localdate())).encode()
    etag = hashlib.sha256(key).hexdigest()[:32]
    last_modified = changed.replace(microsecond=0) if changed else None
    return condition(etag_func=lambda request, *a, **k: f'"{etag}"',
                     last_modified_func=lambda request, *a, **k: last_modified)(
        _cached_by_etag(view, etag))


def _cached_by_etag(view, etag):
    """The rendered feed in the shared cache under its ETag: the fingerprint changes with every
    edit of the dates shown, so a stored body is never stale; polling calendars cost no render."""

    def cached_view(request, *args, **kwargs):
        # The feed's links are absolute: one entry per scheme and host.
        key = f"events:feed:{etag}:{request.scheme}://{request.get_host()}"
        stored = cache.get(key)
        if stored is not None:
            headers, content = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (list(response.items()), response.content), feed_cache_seconds())
        return response

    return cached_view


def _cache_headers(response):
    response["Cache-Control"] = f"public, max-age={feed_cache_seconds()}"
    response["Vary"] = "Accept-Encoding"
    return response


@require_safe
def events_feed(request):
    """`/feeds/events.ics`: every public date, filtered by category, audience, city, type, lang."""
    try:
        filters, language = parse_feed_parameters(request.GET)
    except FeedParameterError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    fingerprint = feed_fingerprint(language, filters)

    def render(request):
        return EventsFeed(filters=filters, language=language)(request)

    response = _conditional(render, fingerprint, (filters.key(), language))(request)
    return _cache_headers(response)


@require_safe
def page_ics(request, page_id):
    """`/feeds/events/<page id>.ics`: all dates of one live, public event page."""
    if page_id > MAX_PAGE_ID:
        raise Http404(_("No public event with this number."))
    rows = public_occurrences("all").filter(page_id=page_id)
    occurrence = rows.first()
    if occurrence is None:
        raise Http404(_("No public event with this number."))
    page = attach_pages([occurrence])[0].page
    fingerprint = feed_fingerprint(queryset=rows)

    def render(request):
        return PageFeed(page)(request)

    return _cache_headers(_conditional(render, fingerprint, ("page", page_id))(request))


@require_safe
def occurrence_ics(request, uid):
    """`/feeds/dates/<uid>.ics`: one date, for "add to calendar"."""
    rows = public_occurrences("all").filter(uid=uid).select_related("venue")
    occurrence = get_object_or_404(rows)
    occurrence = attach_pages([occurrence])[0]

    def render(request):
        return OccurrenceFeed(occurrence)(request)

    fingerprint = feed_fingerprint(queryset=rows)
    return _cache_headers(_conditional(render, fingerprint, ("date", str(uid)))(request))


