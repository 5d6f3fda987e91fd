"""In Chromium: filter by language and district, open a centre, save its vCard; axe on every page."""

import pytest
from django.core.management import call_command

from .test_exports import parse_vcard, unescape

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def result_titles(page):
    return sorted(page.locator("#results .centre-title").all_inner_texts())


def test_filter_open_centre_and_download_vcard(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto(f"{demo_site}/de/beratungsstellen/")
    axe_check(page)  # the directory, including the map

    page.select_option("#id_language", "ar")
    page.select_option("#id_district", "meissen")
    page.get_by_role("button", name="Beratungsstellen anzeigen").click()  # “Show centres”
    page.wait_for_url("**district=meissen**")
    assert result_titles(page) == ["Beratung Faire Integration Dresden", "Hotline Leitstelle Zuwanderung",
                                   "IBAS Dresden"]
    assert page.locator("#results h2").inner_text().endswith("Landkreis Meißen?")

    page.get_by_role("link", name="IBAS Dresden", exact=True).first.click()
    page.wait_for_url("**/ibas-dresden/")
    assert page.locator("h1").inner_text() == "IBAS Dresden"
    axe_check(page)

    with page.expect_download() as download_info:
        page.locator('a[href$="/ibas-dresden/vcard/"]').click()
    download = download_info.value
    assert download.suggested_filename == "ibas-dresden.vcf"
    with open(download.path(), encoding="utf-8", newline="") as card:
        props = parse_vcard(card.read())
    assert unescape(props["FN"]) == "IBAS Dresden"
    assert "Dresden" in props["ADR"]


def test_map_is_keyboard_usable(demo_site, browser_page):
    page = browser_page
    page.goto(f"{demo_site}/de/beratungsstellen/")
    district = page.locator('a.map-district[href="?district=meissen#results"]')
    district.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "?district=meissen#results"
    page.keyboard.press("Enter")
    page.wait_for_url("**district=meissen**")
    assert "Hotline Leitstelle Zuwanderung" in result_titles(page)
    # Markers are links with names, reachable by Tab like the districts.
    marker = page.locator("a.map-marker").first
    marker.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')")


def test_matrix_pages_are_accessible(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto(f"{demo_site}/de/beratungsstellen/zustaendigkeiten/meissen/")
    assert page.get_by_role("cell", name="Frau Kretzschmar").count() or \
        "Frau Kretzschmar" in page.locator("table").inner_text()
    axe_check(page)
    page.goto(f"{demo_site}/en/beratungsstellen/zustaendigkeiten/leipzig/")
    assert "Job placement" in page.locator("table").inner_text()
    axe_check(page)
    page.goto(f"{demo_site}/de/beratungsstellen/zustaendigkeiten/meissen/drucken/")
    axe_check(page)
