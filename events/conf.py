"""Settings the events plugin reads, each with its default (documented in the README).

A default may be a function of the other settings (called on each read), so a site that sets
nothing still gets values of its own instead of another site's.
"""

from urllib.parse import urlsplit

from django.conf import settings


def reader(defaults):
    """`get(name)` for a plugin's settings: the site's value, else the (computed) default."""

    def get(name):
        value = getattr(settings, name, None)
        if value is None:
            value = defaults[name]
            if callable(value):
                value = value()
        return value

    return get


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or "Wagtail"


def _uid_domain():
    """The host of WAGTAILADMIN_BASE_URL: UIDs stay the site's own (RFC 5545 §3.8.4.7)."""
    return urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").hostname or "localhost"


def _product_id():
    """`-//<site name>//Events//<language>`, the formal public identifier of RFC 5545 PRODID."""
    language = (getattr(settings, "LANGUAGE_CODE", "en") or "en").split("-")[0].upper()
    return f"-//{site_name()}//Events//{language}"


DEFAULTS = {
    # Right-hand side of calendar UIDs (`<uuid>@domain`); never change it once people subscribed.
    "EVENTS_UID_DOMAIN": _uid_domain,
    # PRODID of every calendar the plugin writes.
    "EVENTS_CALENDAR_PRODUCT_ID": _product_id,
    "EVENTS_TIME_ZONE": "Europe/Berlin",
    "EVENTS_RECURRENCE_HORIZON_DAYS": 365,
    "EVENTS_FEED_REFRESH_HOURS": 12,
    "EVENTS_FEED_CACHE_SECONDS": 3600,
    "EVENTS_FEED_PAST_DAYS": 180,
    "EVENTS_LISTING_PER_PAGE": 20,
    # SVG outline behind the venue map on event pages (events/venue_map.py). A site keeps one
    # region map: without this setting the directory's (DIRECTORY_MAP_SVG) is used, if any.
    "EVENTS_MAP_SVG": lambda: getattr(settings, "DIRECTORY_MAP_SVG", None),
    # Base of links in e-mails; WAGTAILADMIN_BASE_URL when unset.
    "EVENTS_PUBLIC_BASE_URL": lambda: getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "",
}

get = reader(DEFAULTS)
