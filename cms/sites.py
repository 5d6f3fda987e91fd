"""The request's Wagtail Site from the shared cache instead of a query on every request.

Wagtail's `Site.find_for_request()` runs a query (the site for the host and port, with its
root page) for every page and API request it serves; sites change rarely, and every change
bumps the page cache's content generation (cms/pagecache.py), which the stored answer
carries. Requests answered from the page cache never get here.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from .pagecache import GENERATIONS, current_generations

SECONDS = 24 * 60 * 60


def cached_site(request):
    """The site; for a GET also the request's generations, read with it in one call unless
    the page cache has read them (`request._pagecache_generations`, for the pieces it
    renders). A POST may change content before it renders: its pieces read them later."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"sites:for:{hostname}:{request.get_port()}"
    generations = getattr(request, "_pagecache_generations", None)
    if generations is not None:
        stored = cache.get(key)
    else:
        values = cache.get_many((*GENERATIONS, key))
        generations = current_generations(values)
        if request.method in ("GET", "HEAD"):
            request._pagecache_generations = generations
        stored = values.get(key)
    generation = generations[0]
    if stored is not None and stored[0] == generation:
        return stored[1]
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
