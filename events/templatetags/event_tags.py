"""Template helpers for dates: dates in the reader's language, add-to-calendar links and
webcal:// subscribe links."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format

from ..ical import add_to_calendar_links

register = template.Library()


@register.filter
def in_locale_of(obj, page):
    """A translatable snippet (venue, category) in the language of `page`, where translated:
    dates keep the source page's venue, so translations must look theirs up. Remembered on
    the page object, as a list repeats the same venue on many rows (no query per row)."""
    if obj is None or page is None or getattr(obj, "locale_id", None) in (None, page.locale_id):
        return obj
    memo = page.__dict__.setdefault("_in_locale_of", {})
    key = (obj._meta.label, obj.translation_key)
    if key not in memo:
        memo[key] = obj.get_translation_or_none(page.locale_id) or obj
    return memo[key]


@register.filter(expects_localtime=True)
def long_date(value):
    """Weekday and date in the active language's own format (Django's locale formats), with
    the month in the case the language needs: "Donnerstag, 14. Januar 2027",
    "Thursday, Jan. 14, 2027", "Четвер, 14 січня 2027 р."."""
    if not value:
        return ""
    return f"{date_format(value, 'l')}, {date_format(value, 'DATE_FORMAT')}"


@register.filter(expects_localtime=True)
def short_date(value):
    """The date alone, in the active language's format ("14. Januar 2027", "14 січня 2027 р.")."""
    return date_format(value, "DATE_FORMAT") if value else ""


@register.simple_tag(takes_context=True)
def calendar_links(context, occurrence):
    """{'download', 'google', 'outlook'} links for one date."""
    request = context.get("request")
    page_url = occurrence.page.get_full_url(request) if request else ""
    links = add_to_calendar_links(occurrence, page_url)
    links["download"] = reverse("events:occurrence_ics", args=[occurrence.uid])
    return links


@register.simple_tag(takes_context=True)
def webcal_url(context, path):
    """The `webcal://` form of a feed path, which calendar apps open as a subscription."""
    request = context["request"]
    return f"webcal://{request.get_host()}{path}"


@register.simple_tag
def venue_map(venue):
    """The offline map of a venue with coordinates (events/venue_map.py), else None."""
    from ..venue_map import venue_map as draw

    return draw(venue)
