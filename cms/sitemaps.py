"""sitemap.xml per language (Wagtail's sitemap over that language's tree), an index of them,
and robots.txt pointing crawlers at the index."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Locale, Page


class LanguageSitemap(Sitemap):
    """The live public pages of the site's home in one language (Wagtail's own sitemap lists
    only the default language's tree)."""

    def __init__(self, request=None, language=None):
        super().__init__(request)
        self.language = language

    def items(self):
        root = self.get_wagtail_site().root_page
        locale = Locale.objects.filter(language_code=self.language).first()
        home = root.get_translation_or_none(locale) if locale else None
        if home is None or not home.live:
            return Page.objects.none()
        return (home.get_descendants(inclusive=True).live().public()
                .order_by("path").defer_streamfields().specific())


@cache_page(60 * 15)
def language_sitemap(request):
    sitemaps = {"pages": LanguageSitemap(request, language=translation.get_language())}
    return sitemap_views.sitemap(request, sitemaps=sitemaps)


def _language_sitemap_urls(request):
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            yield request.build_absolute_uri(reverse("sitemap_language"))


@cache_page(60 * 15)
def sitemap_index(request):
    entries = "".join(f"<sitemap><loc>{escape(url)}</loc></sitemap>" for url in _language_sitemap_urls(request))
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n')
    return HttpResponse(body, content_type="application/xml")


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        # Personal pages (registration status, timetables, feedback) carry tokens in the URL.
        "Disallow: /*/registration/",
        "Disallow: /*/jobfairs/",
        "Disallow: /*/trainings/feedback/",
        "Disallow: /*/trainings/certificate/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
