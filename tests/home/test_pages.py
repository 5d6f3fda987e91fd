"""The site's own pages: page-tree rules, rendering in every language, API exposure."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, ProgrammePage, StandardPage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_programme_pages_live_under_home(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {HomePage})

    def test_standard_page_parents(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, ProgrammePage, StandardPage})


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("path", ["", "anerkennungsberatung/", "interkulturelle-kompetenz/regionalworkshop-meissen/", "impressum/"])
def test_every_page_type_renders_in_german_and_english(client, demo_content, language, path):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    page = response.context["page"]
    assert page.locale.language_code == language
    assert page.title in html


def test_german_home_shows_seed_action_areas(client, demo_content):
    html = client.get("/de/").content.decode()
    assert "Anerkennungs- und Qualifizierungsberatung" in html
    assert "Regionale Fachkräftenetzwerke" in html
    assert "Integration durch Qualifizierung (IQ)" in html


def test_english_home_shows_translated_action_areas(client, demo_content):
    html = client.get("/en/").content.decode()
    assert "Recognition and qualification counselling" in html
    assert "Anerkennungs- und Qualifizierungsberatung" not in html


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_languages_set_dir_rtl(client, demo_content, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="rtl">' in html
    # The page has no translation yet: its German content is marked as such.
    assert 'lang="de" dir="ltr"' in html


def test_language_switcher_links_page_to_its_translation(client, demo_content):
    html = client.get("/de/anerkennungsberatung/").content.decode()
    assert 'href="/en/anerkennungsberatung/" lang="en"' in html
    assert 'hreflang="en" href="http://testserver/en/anerkennungsberatung/"' in html


def test_unknown_page_is_a_404(client, demo_content):
    assert client.get("/de/gibt-es-nicht/").status_code == 404


def test_api_filters_programme_pages_by_locale(client, demo_content):
    response = client.get("/api/v2/pages/", {"type": "home.ProgrammePage", "locale": "en",
                                             "fields": "number,summary,body"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert sorted(item["number"] for item in items) == [1, 2, 3, 4]
    assert all(item["meta"]["locale"] == "en" for item in items)
    body = items[0]["body"]
    assert body and {"type", "value", "id"} <= set(body[0])


def test_api_never_lists_unpublished_pages(client, demo_content):
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    page.unpublish()
    response = client.get("/api/v2/pages/", {"type": "home.ProgrammePage", "locale": "de"})
    titles = [item["title"] for item in response.json()["items"]]
    assert page.title not in titles
    assert len(titles) == 3
