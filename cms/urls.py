"""Site URLs: admin, API, feeds and plugin routes without prefix; pages per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import search as home_search

from .api import api_urlpatterns
from .headless import views as headless_views
from .headless.errors import api_not_found

# JSON for server errors under /api/, the site's 500 page elsewhere.
handler500 = "cms.headless.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The plugins' own endpoints sit beside Wagtail's, before its router (cms/api.py).
    *api_urlpatterns,
    path("api/schema/", headless_views.schema, name="api_schema"),
    path("api/docs/", headless_views.docs, name="api_docs"),
    re_path(r"^api/", api_not_found),
    path("examples/", headless_views.examples, name="examples"),
    path("examples/<path:path>", headless_views.examples),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("events.urls")),  # calendar feeds, no language prefix
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("registration/", include("events.registration.urls")),
    path("jobfairs/", include("jobfairs.urls")),
    path("trainings/", include("trainings.urls")),
    path("search/", home_search.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Crawlers: robots.txt and the sitemap index at the root, one sitemap.xml per language.
from . import sitemaps  # noqa: E402

urlpatterns = [
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    *urlpatterns,
    *i18n_patterns(path("sitemap.xml", sitemaps.language_sitemap, name="sitemap_language"),
                   prefix_default_language=True),
]
