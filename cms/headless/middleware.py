"""Cross-cutting behaviour of every endpoint under /api/, in one place.

- Conditional GET: a successful GET answer gets an ETag (a hash of its body) unless the view
  set one, `Cache-Control: no-cache` (clients revalidate, registration places change), and
  `If-None-Match` with the same tag answers 304 without a body.
- NUL and other control characters in the URL are refused with a JSON 400 by
  `events.middleware.ControlCharactersMiddleware` (for every path, not only the API).
- Per-client rate limit on writes: POST/PUT/PATCH/DELETE count per client address against
  `API_WRITE_RATE_LIMIT` ("30/m"; "0" switches it off) in the shared cache; over it, 429 JSON
  with Retry-After. Reads need no key and are not limited here.
"""

from django.conf import settings
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

from events.registration import ratelimit

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class APIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if request.method in WRITE_METHODS:
            allowed, retry_after = ratelimit.take(
                request, getattr(settings, "API_WRITE_RATE_LIMIT", "0"), scope="api-write")
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
