"""The minimal site's URLs: the plugins' includes and Wagtail's pages per language."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include("events.urls"))]
urlpatterns += i18n_patterns(
    path("registration/", include("events.registration.urls")),
    path("trainings/", include("trainings.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
