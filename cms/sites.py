"""The request's Wagtail Site from the shared cache instead of a query on every request.

Wagtail's `Site.find_for_request()` runs a query (the site for the host and port, with its
root page) for every page and API request it serves; sites change rarely, and every change
bumps the page cache's content generation (cms/pagecache.py), which the stored answer
carries. Requests answered from the page cache never get here.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from .pagecache import CONTENT_GENERATION, current_generations

SECONDS = 24 * 60 * 60


def cached_site(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"sites:for:{hostname}:{request.get_port()}"
    values = cache.get_many((CONTENT_GENERATION, key))
    generation = values.get(CONTENT_GENERATION)
    stored = values.get(key)
    if stored is not None and generation is not None and stored[0] == generation:
        return stored[1]
    if generation is None:
        generation = current_generations()[0]
    site = Site._find_for_request(request)
    cache.set(key, (generation, site), SECONDS)
    return site


class SiteMiddleware:
    """Sets `request._wagtail_site`, where Wagtail looks first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = cached_site(request)
        return self.get_response(request)
