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
# Issue 16, SQLite, uncached (de/ar), before → after the listings' batching and fragments:
# EventIndexPage 34/35 → 11/12, TrainingProgrammePage 22/23 → 11/12, JobFairIndexPage 12/13 →
# 11/12, JobFairPage 30/31 → 11/12, DirectoryIndexPage 30/31 → 10/11, CentrePage 32/33 → 9/10.


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


def test_every_demo_page_type_stays_within_12_queries(counts):
    names = {name for name, _language in counts}
    assert {"ProgrammePage", "StandardPage", "EventIndexPage", "TrainingProgrammePage",
            "JobFairIndexPage", "JobFairPage", "DirectoryIndexPage", "CentrePage"} <= names
    over = {key: count for key, count in counts.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over} (all: {counts})"


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


def test_a_new_category_shows_at_once_in_the_event_listing_filters(client, demo_content):
    """The unfiltered filter bar is a fragment under the content generation."""
    from events.models import Category

    with override_settings(PAGE_CACHE_SECONDS=0):
        assert "Ganz neue Kategorie" not in client.get("/de/veranstaltungen/").content.decode()
        Category.objects.create(name="Ganz neue Kategorie", slug="ganz-neu",
                                locale=Locale.get_default())
        assert "Ganz neue Kategorie" in client.get("/de/veranstaltungen/").content.decode()


def test_a_renamed_service_shows_at_once_on_the_directory_and_centre_pages(client, demo_content):
    """A centre card's taxonomies and the centre page's details are fragments under the
    content generation."""
    from directory.models import CentrePage

    centre = CentrePage.objects.live().filter(
        locale__language_code="de", services__locale__language_code="de").first()
    service = centre.services.filter(locale__language_code="de").first()
    index_url = centre.get_parent().url
    with override_settings(PAGE_CACHE_SECONDS=0):
        for url in (index_url, centre.url):
            assert service.name in client.get(url).content.decode()
        service.name = "Umbenannte Beratungsleistung"
        service.save()
        for url in (index_url, centre.url):
            assert "Umbenannte Beratungsleistung" in client.get(url).content.decode(), url
