"""Template helpers for dates: add-to-calendar links and webcal:// subscribe links."""

from django import template
from django.urls import reverse

from ..ical import add_to_calendar_links

register = template.Library()


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
