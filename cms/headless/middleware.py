"""Site middleware for /api/: answers in the request's language, never redirected.

Conditional GET is Django's `ConditionalGetMiddleware` (ETag, 304) and the per-client write
limit a DRF throttle (`events.registration.throttling`); API answers are marked
`Cache-Control: no-cache` here, so clients revalidate (registration places change).
"""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers


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
            if request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
                patch_cache_control(response, no_cache=True)
            return response
        return super().process_response(request, response)
