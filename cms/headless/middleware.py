"""Cross-cutting behaviour of every endpoint under /api/, in one place.

- Conditional GET: a successful GET answer gets an ETag (a hash of its body) unless the view
  set one, `Cache-Control: no-cache` (clients revalidate, registration places change), and
  `If-None-Match` with the same tag answers 304 without a body.
- Per-client rate limit on writes: POST/PUT/PATCH/DELETE count per client address against
  `API_WRITE_RATE_LIMIT` ("30/m"; "0" switches it off) in the shared cache; over it, 429 JSON
  with Retry-After. Reads need no key and are not limited here.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.translation import gettext as _

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def parse_rate(rate):
    """"30/m" -> (30, 60); "0", "" or None -> None (no limit)."""
    rate = str(rate or "").strip()
    if not rate or rate == "0":
        return None
    count, _slash, unit = rate.partition("/")
    seconds = UNITS.get((unit or "m").strip()[:1].lower())
    if not seconds:
        raise ValueError(f"API_WRITE_RATE_LIMIT: unknown unit in {rate!r}")
    return (int(count), seconds) if int(count) > 0 else None


def client_id(request):
    """The client's address (behind a proxy, set REMOTE_ADDR from the proxy's header there)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def take_write_token(request):
    """Count one write; (allowed, seconds until the window ends)."""
    limit = parse_rate(getattr(settings, "API_WRITE_RATE_LIMIT", "0"))
    if limit is None:
        return True, 0
    count, seconds = limit
    now = time.time()
    window = int(now // seconds)
    key = f"api:write:{client_id(request)}:{window}"
    cache.add(key, 0, seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        used = 1
    return used <= count, max(1, int((window + 1) * seconds - now))


class APIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if request.method in WRITE_METHODS:
            allowed, retry_after = take_write_token(request)
            if not allowed:
                response = JsonResponse(
                    {"detail": _("Too many requests. Please wait and try again.")}, status=429)
                response["Retry-After"] = str(retry_after)
                return response
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            return self.conditional(request, response)
        return response

    @staticmethod
    def conditional(request, response):
        if response.streaming:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_cache=True)
        return get_conditional_response(
            request, etag=response.get("ETag"), response=response)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that API answers are never redirected to a language prefix.

    Django turns a 404 into a redirect to `/de/<path>` when that path exists, and Wagtail's
    page route makes every `/de/…` path exist: a JSON 404 of the API would become a redirect
    to an HTML page. API paths have no language prefix; the language still comes from
    Accept-Language.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            response.headers.setdefault("Content-Language", translation.get_language() or "")
            patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)
