"""Site URLs: admin, API, feeds and plugin routes without prefix; pages per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The registration engine's endpoints sit beside Wagtail's, before its router.
    path("api/v2/", include("events.registration.api_urls")),
    path("api/v2/", api_router.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("events.urls")),  # calendar feeds, no language prefix
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("registration/", include("events.registration.urls")),
    path("trainings/", include("trainings.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
