"""Headless preview with wagtail-headless-preview, for every page type, set up by the site.

When `WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]["default"]` (env HEADLESS_PREVIEW_URL) is set,
the admin's preview stores the draft (a `PagePreview` row keyed by a signed token) and shows
the front end at `<client url>?content_type=app.model&token=…` in the preview panel. The front
end fetches `GET /api/v2/page_preview/?content_type=…&token=…` and receives the draft in the
pages endpoint's detail shape. Without a client URL, Wagtail's own preview is unchanged.

The plugins' page models do not know about this: the site wraps `serve_preview` of every page
model here instead of mixing `HeadlessPreviewMixin` into each class.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import get_page_models
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_headless_preview.settings import headless_preview_settings

from .pages import SitePagesAPIViewSet


def client_url_configured():
    return bool((headless_preview_settings.CLIENT_URLS or {}).get("default"))


def _headless_serve_preview(original):
    @functools.wraps(original)
    def serve_preview(self, request, mode_name):
        if not client_url_configured():
            return original(self, request, mode_name)
        return HeadlessPreviewMixin.serve_preview(self, request, mode_name)

    serve_preview._headless_preview = True
    return serve_preview


# The mixin's helpers, borrowed by every page model (they only use Page's own API).
MIXIN_METHODS = ("get_preview_signer", "get_content_type_str", "update_page_preview",
                 "create_page_preview", "get_preview_url", "get_client_root_url")


def install_headless_preview():
    for model in get_page_models():
        if issubclass(model, HeadlessPreviewMixin):
            continue
        if getattr(model.serve_preview, "_headless_preview", False) and (
                "serve_preview" not in model.__dict__):
            continue  # inherits the wrapped method already
        for name in MIXIN_METHODS:
            if not hasattr(model, name):
                owner = next(cls for cls in HeadlessPreviewMixin.__mro__ if name in cls.__dict__)
                setattr(model, name, owner.__dict__[name])
        model.serve_preview = _headless_serve_preview(model.serve_preview)


def preview_page(content_type, token):
    """The draft page for a valid, unexpired token of that content type; raises otherwise."""
    if not content_type or not token:
        raise BadRequestError("content_type and token are required")
    app_label, _dot, model_name = content_type.partition(".")
    try:
        ctype = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist as error:
        raise BadRequestError("content_type: unknown page type") from error
    signer = HeadlessPreviewMixin.get_preview_signer.__func__(HeadlessPreviewMixin)
    try:
        signer.unsign(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except SignatureExpired as error:
        raise Http404("This preview has expired; preview the page again.") from error
    except BadSignature as error:
        raise Http404("No preview for this token.") from error
    preview = PagePreview.objects.filter(content_type=ctype, token=token).first()
    if preview is None:
        raise Http404("No preview for this token.")
    return preview.as_page()


class PagePreviewAPIViewSet(SitePagesAPIViewSet):
    """`/api/v2/page_preview/?content_type=app.model&token=…`: the draft, for the token only."""

    name = "page_preview"
    known_query_parameters = SitePagesAPIViewSet.known_query_parameters.union(
        ["content_type", "token"])

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

    def listing_view(self, request):
        self.action = "detail_view"  # serialise with the detail fields
        serializer = self.get_serializer(self.get_object())
        return Response(serializer.data, headers={"Cache-Control": "private, no-store"})

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            self._preview_page = preview_page(self.request.GET.get("content_type", ""),
                                              self.request.GET.get("token", ""))
        return self._preview_page

