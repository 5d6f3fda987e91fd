"""Public Wagtail pages served from the shared Django cache (Redis with REDIS_URL, else memory).

Only anonymous GET 200 responses of live pages are stored: no session or messages cookie, no
preview, no view restriction, no cookie set, no CSRF token used by the page. Every entry carries
the two generation counters read *before* the page was rendered; a publish, unpublish, move,
delete, snippet or setting change bumps the content generation, a changed registration count
("places left") the counts generation, so older entries are never served again, on every app
server sharing the cache. Settings: PAGE_CACHE_SECONDS (0 turns it off),
PAGE_CACHE_SKIP_PREFIXES, PAGE_CACHE_PURGE_MODELS, PAGE_CACHE_IGNORE_MODELS,
PAGE_CACHE_CDN_SECONDS (README "Deployment").
"""

import functools
import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

CONTENT_GENERATION = "pagecache:generation:content"
COUNTS_GENERATION = "pagecache:generation:counts"
GENERATIONS = (CONTENT_GENERATION, COUNTS_GENERATION)

# Public, anonymous API listings and details: the same for every client, purged like pages
# (content and counts generations), so a burst of identical GETs costs one rendering. The
# centres endpoint filters by the clock ("open now") and is left out; other answers that carry
# a centre's open_now live PAGE_CACHE_API_SECONDS at most.
DEFAULT_API_PREFIXES = ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/",
                        "/api/v2/responsibilities/", "/api/v2/occurrences/",
                        "/api/v2/exhibitors/")
DEFAULT_SKIP_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/documents/", "/feeds/",
                         "/i18n/", "/examples/", "/django-admin/")
# Models whose rows pages show although they are neither pages nor snippets.
DEFAULT_PURGE_MODELS = (
    "wagtailcore.Site", "wagtailcore.Locale", "wagtailcore.PageViewRestriction",
    "wagtailimages.Image", "wagtaildocs.Document", "wagtailredirects.Redirect",
    "events.Occurrence", "events.RegistrationOption",
    # Shown on job-fair pages: reviewed postings and the employers' profiles.
    "jobfairs.JobPosting", "jobfairs.EmployerProfile",
)
# Snippets that pages do not show; registrations reach pages through their counts.
DEFAULT_IGNORE_MODELS = ("events.Registration",)


def cache_seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


def api_cache_seconds():
    return min(cache_seconds(), int(getattr(settings, "PAGE_CACHE_API_SECONDS", 30)))


# Generations ---------------------------------------------------------------------------------

def _new_generation():
    # Time-based, so a counter the cache evicted never comes back at a value older entries hold.
    return time.time_ns()


def current_generations(values=None):
    """The (content, counts) generations, creating a missing one."""
    values = values if values is not None else cache.get_many(GENERATIONS)
    result = []
    for key in GENERATIONS:
        value = values.get(key)
        if value is None:
            cache.add(key, _new_generation(), None)
            value = cache.get(key)
        result.append(value)
    return tuple(result)


def request_generations(request):
    """The (content, counts) generations of a request, read once and before any row it reads
    (kept as `request._pagecache_generations`): a piece rendered from rows that change
    meanwhile is stored under a generation already left."""
    generations = getattr(request, "_pagecache_generations", None)
    if generations is None:
        generations = current_generations()
        if request is not None:
            request._pagecache_generations = generations
    return generations


def bump(key=CONTENT_GENERATION):
    try:
        cache.incr(key)
    except ValueError:  # missing (never set or evicted)
        cache.set(key, _new_generation(), None)


def bump_after_commit(key=CONTENT_GENERATION):
    """Bump now and once more when the transaction commits: a page that another server renders
    from the old rows meanwhile is stored under the first bump and dropped by the second."""
    bump(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: bump(key))


# Which requests and responses ---------------------------------------------------------------

def _skip_prefixes():
    return tuple(getattr(settings, "PAGE_CACHE_SKIP_PREFIXES", DEFAULT_SKIP_PREFIXES))


def _api_prefixes():
    return tuple(getattr(settings, "PAGE_CACHE_API_PREFIXES", DEFAULT_API_PREFIXES))


def is_api_request(request):
    return request.path.startswith(_api_prefixes())


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD") or cache_seconds() <= 0:
        return False
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False  # Wagtail's preview runs its dummy request through the middleware
    if request.path.startswith(_skip_prefixes()) and not is_api_request(request):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False  # a logged-in editor, a password-restricted page, pending messages
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not any(name.startswith("preview") for name in request.GET)


def cache_key(request):
    parts = "\n".join((request.scheme, request.get_host(), request.path,
                       request.META.get("QUERY_STRING", ""),
                       getattr(request, "LANGUAGE_CODE", "")))
    return "pagecache:page:" + hashlib.sha256(parts.encode()).hexdigest()


def _restricted_paths(generation):
    from wagtail.models import PageViewRestriction

    key = f"pagecache:restricted:{generation}"
    paths = cache.get(key)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, cache_seconds())
    return paths


def response_is_cacheable(request, response, generations):
    page = getattr(request, "_pagecache_page", None)
    api = is_api_request(request)
    if (page is None and not api) or request.method != "GET" or response.status_code != 200:
        return False
    if response.streaming or response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a CSRF token: a cached copy would hand out a stale one
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return False
    user = getattr(request, "_cached_user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if api:
        return True  # the endpoints list public content only
    return not any(page.path.startswith(path) for path in _restricted_paths(generations[0]))


def mark_page(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: this response is a Wagtail page and may be stored."""
    request._pagecache_page = page


# Middleware ---------------------------------------------------------------------------------

class PageCacheMiddleware:
    """Answers cacheable requests from the cache (X-Cache: HIT) and stores page responses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        values = cache.get_many((key, *GENERATIONS))
        generations = request._pagecache_generations = current_generations(values)
        entry = values.get(key)
        if entry is not None and entry[0] == generations:
            return self._replay(entry)
        response = self.get_response(request)
        if response_is_cacheable(request, response, generations):
            self._add_cdn_headers(response)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, (generations, response.status_code, list(response.items()),
                            response.content),
                      api_cache_seconds() if is_api_request(request) else cache_seconds())
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _add_cdn_headers(response):
        seconds = int(getattr(settings, "PAGE_CACHE_CDN_SECONDS", 0))
        if seconds > 0:
            patch_cache_control(response, public=True, s_maxage=seconds)

    @staticmethod
    def _replay(entry):
        _generations, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response


# Purging ------------------------------------------------------------------------------------

@functools.cache
def _purging_models():
    from wagtail import hooks
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    hooks.search_for_hooks()  # snippets register themselves in wagtail_hooks modules
    ignored = {apps.get_model(label) for label in
               getattr(settings, "PAGE_CACHE_IGNORE_MODELS", DEFAULT_IGNORE_MODELS)}
    models = set(get_snippet_models()) - ignored
    models |= {model for model in apps.get_models()
               if issubclass(model, (BaseSiteSetting, BaseGenericSetting))}
    for label in getattr(settings, "PAGE_CACHE_PURGE_MODELS", DEFAULT_PURGE_MODELS):
        try:
            models.add(apps.get_model(label))
        except LookupError:  # an app that this site does not install
            pass
    return frozenset(models)


def _purge_pages(**kwargs):
    bump_after_commit(CONTENT_GENERATION)


def _purge_on_model_change(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page

    if kwargs.get("created") and isinstance(instance, BaseSiteSetting):
        return  # created with its defaults by the first page that read it: nothing changed
    # Pages too: code may save a live page without publishing a revision.
    if sender in _purging_models() or isinstance(instance, Page):
        bump_after_commit(CONTENT_GENERATION)


def _purge_counts(**kwargs):
    bump(COUNTS_GENERATION)  # refresh_count runs after the registration has committed


def connect_signals():
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    from events.registration.signals import counts_changed

    uid = "cms.pagecache"
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_purge_pages, dispatch_uid=uid)
    post_save.connect(_purge_on_model_change, dispatch_uid=uid)
    post_delete.connect(_purge_on_model_change, dispatch_uid=uid)
    counts_changed.connect(_purge_counts, dispatch_uid=uid)
