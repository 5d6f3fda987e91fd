"""The API under /api/v2/: Wagtail's endpoints and the plugins' own, assembled here.

Wagtail endpoints get the site's error shape (`{"detail": ...}`) through `JSONErrorsMixin`;
the pages endpoint adds the site's filters (cms/headless/pages.py). The plugins' plain DRF
views come from their `api_urls` modules. Every endpoint appears in the OpenAPI document
(drf-spectacular; Wagtail's endpoints through cms/headless/schema.py).
"""

from django.apps import apps
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter

from directory.api import CentresAPIViewSet, ResponsibilitiesAPIViewSet

from .headless.addresses import SiteBaseSerializer, SiteFindMixin
from .headless.errors import JSONErrorsMixin
from .headless.pages import (
    PrefetchedListingMixin,
    PublicPagesMixin,
    SiteDocumentsAPIViewSet,
    SiteImagesAPIViewSet,
    SitePagesAPIViewSet,
    SitePageSerializer,
)
from .headless.params import SafeParametersMixin, with_site_filters
from .headless.preview import PagePreviewAPIViewSet


class SiteCentresAPIViewSet(JSONErrorsMixin, SafeParametersMixin, PublicPagesMixin,
                            PrefetchedListingMixin, SiteFindMixin, CentresAPIViewSet):
    base_serializer_class = SitePageSerializer
    filter_backends = with_site_filters(CentresAPIViewSet.filter_backends)


class SiteResponsibilitiesAPIViewSet(JSONErrorsMixin, SafeParametersMixin, SiteFindMixin,
                                     ResponsibilitiesAPIViewSet):
    base_serializer_class = SiteBaseSerializer
    filter_backends = with_site_filters(ResponsibilitiesAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SiteImagesAPIViewSet)
api_router.register_endpoint("documents", SiteDocumentsAPIViewSet)
api_router.register_endpoint("centres", SiteCentresAPIViewSet)
api_router.register_endpoint("responsibilities", SiteResponsibilitiesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)

# Wagtail picks serializers per request: cms/headless/schema.py documents these endpoints.
for _viewset in api_router._endpoints.values():
    _viewset.schema = None

# Each installed plugin's own endpoints (events: occurrences, registrations; jobfairs: exhibitors).
PLUGIN_API_URLS = ["events.api_urls", "jobfairs.api_urls"]

api_urlpatterns = [
    *[path("api/v2/", include(module)) for module in PLUGIN_API_URLS
      if apps.is_installed(module.partition(".")[0])],
    path("api/v2/", api_router.urls),
]
