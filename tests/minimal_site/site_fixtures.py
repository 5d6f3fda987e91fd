"""Fixtures of the minimal site, named like the main suite's, so the plugins' own tests run here.

Wagtail's migrations leave a root page and a welcome page (the site root) in the default
locale (de); English is added here.
"""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Site


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def locales(db):
    Locale.objects.get_or_create(language_code="en")
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site, locales):
    return site.root_page.specific


@pytest.fixture
def home_page_en(home_page, locales):
    page = home_page.copy_for_translation(locales["en"])
    page.title = "Welcome"
    page.save_revision().publish()
    return page.specific
