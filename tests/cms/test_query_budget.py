"""An uncached public page runs at most 12 queries: the site frame (menu, language switcher,
breadcrumbs, footer) comes from the cache under the content generation, so a publish or a
settings change still shows at once; what belongs to the page costs one query each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Locale, Page

from home.models import FooterSettings

pytestmark = pytest.mark.django_db

BUDGET = 12
# Page types whose own content (listings, next dates, opening hours) still runs more queries
# than the budget allows: the frame costs them no more than any other page, the rest is in
# their plugin's queries. Strict: once one of them fits, this list must shrink.
# (Within budget since issue 16, SQLite, de/ar: EventIndexPage 11/12 (was 34/35),
# TrainingProgrammePage 11/12 (22/23), JobFairIndexPage 11/12 (12/13), DirectoryIndexPage
# 10/11 (30/31), CentrePage 9/10 (32/33).)
OVER_BUDGET = {
    "JobFairPage": "exhibitors, postings and dates stay live (jobfairs)",
}


def _first_page_of_each_type():
    pages = {}
    for page in Page.objects.live().filter(depth__gt=2, locale__language_code="de").specific().order_by("path"):
        pages.setdefault(type(page).__name__, page)
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    return {"HomePage": home, **pages}


def _url_in(page, language):
    translation = page.get_translation_or_none(Locale.objects.get(language_code=language))
    if translation is not None and translation.live:
        return translation.url
    # No translation: Wagtail serves the German page under the language's prefix.
    return page.url.replace("/de/", f"/{language}/", 1)


def _queries(client, url):
    # Steady state: the first render of a fresh demo still writes (image renditions, file
    # sizes), which bumps the content generation like any edit.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def counts(client, demo_content):
    """Queries of each demo page type in German and Arabic, page cache off."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        result = {}
        for name, page in _first_page_of_each_type().items():
            for language in ("de", "ar"):
                result[name, language] = _queries(client, _url_in(page, language))
    return result


def test_every_demo_page_type_without_its_own_listings_stays_within_12_queries(counts):
    names = {name for name, _language in counts}
    assert {"ProgrammePage", "StandardPage"} <= names
    over = {key: count for key, count in counts.items()
            if key[0] not in OVER_BUDGET and count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over} (all: {counts})"


@pytest.mark.xfail(strict=True, reason="page content of these types runs its own queries: "
                   + "; ".join(f"{name}: {why}" for name, why in OVER_BUDGET.items()))
def test_page_types_with_listings_stay_within_12_queries(counts):
    over = {key: count for key, count in counts.items()
            if key[0] in OVER_BUDGET and count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"


def test_the_frame_costs_no_more_queries_on_deeper_pages(client, demo_content):
    """The menu, switcher, breadcrumbs and footer: fixed cost, not one query per ancestor,
    menu entry or language."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        shallow = _queries(client, "/de/anerkennungsberatung/")
        deep = _queries(client, "/de/interkulturelle-kompetenz/regionalworkshop-meissen/")
    # One more routing step (Wagtail's route walks one level per query), nothing else.
    assert deep <= shallow + 1


def test_a_published_menu_title_shows_at_once(client, demo_content):
    client.get("/de/")
    area = Page.objects.get(url_path__endswith="/anerkennungsberatung/", locale__language_code="de")
    area = area.specific
    area.title = "Anerkennung neu benannt"
    area.save_revision().publish()
    html = client.get("/de/interkulturelle-kompetenz/regionalworkshop-meissen/").content.decode()
    assert ">Anerkennung neu benannt</a>" in html


def test_a_changed_footer_setting_shows_at_once(client, demo_content):
    client.get("/de/")
    settings_row = FooterSettings.objects.get()
    settings_row.imprint_page = None
    settings_row.save()
    html = client.get("/de/").content.decode()
    assert "Impressum</a>" not in html and "Datenschutz" in html
