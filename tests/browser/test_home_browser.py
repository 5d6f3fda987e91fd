"""The home page in Chromium: language switcher, keyboard skip link, axe-core."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server


def test_language_switcher_and_accessibility(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto(f"{demo_site.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).inner_text() == "IQ Netzwerk Sachsen"
    axe_check(page)

    page.get_by_role("navigation", name="Sprache wählen").get_by_role("link", name="English").click()
    page.wait_for_url(f"{demo_site.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "IQ Network Saxony"
    axe_check(page)


def test_skip_link_moves_focus_to_main_content(demo_site, browser_page):
    page = browser_page
    page.goto(f"{demo_site.url}/de/anerkennungsberatung/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_arabic_page_is_right_to_left_and_accessible(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto(f"{demo_site.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    direction = page.evaluate("getComputedStyle(document.querySelector('.header-inner')).direction")
    assert direction == "rtl"
    axe_check(page)
