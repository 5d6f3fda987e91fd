"""The one API router under /api/v2/: Wagtail's endpoints and the plugins' own.

Wagtail endpoints get the site's error shape (`{"detail": ...}`) through `JSONErrorsMixin`;
the pages endpoint adds the site's filters (cms/headless/pages.py). Endpoints that are plain
DRF views (occurrences, registrations) are mounted in cms/urls.py before this router.
Every endpoint registered here appears in the OpenAPI document (cms/openapi.py).
"""

from wagtail.api.v2.router import WagtailAPIRouter

from directory.api import CentresAPIViewSet, ResponsibilitiesAPIViewSet

from .headless.errors import JSONErrorsMixin
from .headless.pages import (
    PublicPagesMixin,
    SiteDocumentsAPIViewSet,
    SiteImagesAPIViewSet,
    SitePagesAPIViewSet,
)
from .headless.params import SafeParametersMixin
from .headless.preview import PagePreviewAPIViewSet


class SiteCentresAPIViewSet(JSONErrorsMixin, SafeParametersMixin, PublicPagesMixin,
                            CentresAPIViewSet):
    pass


class SiteResponsibilitiesAPIViewSet(JSONErrorsMixin, SafeParametersMixin,
                                     ResponsibilitiesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SiteImagesAPIViewSet)
api_router.register_endpoint("documents", SiteDocumentsAPIViewSet)
api_router.register_endpoint("centres", SiteCentresAPIViewSet)
api_router.register_endpoint("responsibilities", SiteResponsibilitiesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
