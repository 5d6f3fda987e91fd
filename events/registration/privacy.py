"""The privacy policy link next to the consent checkbox, resolved by the site (plugins know no pages)."""

from django.utils.module_loading import import_string

from . import conf


def privacy_url(request):
    path = conf.get("EVENTS_PRIVACY_PAGE_URL_RESOLVER")
    if not path:
        return None
    try:
        return import_string(path)(request)
    except Exception:  # a missing setting page must not break the registration form
        return None
