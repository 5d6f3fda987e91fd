"""Every page type in Chromium, in German and Arabic, on a 320 px phone and a 1,280 px desktop:
no horizontal scrolling, breadcrumbs below home, the menu, and axe-core without findings."""

import pytest
from django.core.management import call_command

from home.showcase import showcase_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXPECTED = {"home", "programme", "standard", "event-index", "event", "training-programme",
            "training-module", "jobfair-index", "jobfair", "directory-index", "centre", "matrix",
            "registration-form"}


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("width", [320, 1280])
def test_every_page_type_fits_the_screen_and_passes_axe(demo_site, browser, axe_check, language, width):
    urls = showcase_urls(language)
    assert {name for name, _path in urls} == EXPECTED
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="de-DE")
    page = context.new_page()
    try:
        for name, path in urls:
            response = page.goto(demo_site.url + path)
            assert response.status == 200, (name, path, response.status)
            assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
            scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
            assert scroll_width <= width, f"{name} ({path}) is {scroll_width} px wide at {width} px"
            if name != "home":
                assert page.locator("nav.breadcrumbs li").count() >= 2, f"{name}: no breadcrumbs"
            axe_check(page)
    finally:
        context.close()


def test_phone_menu_opens_without_javascript_and_desktop_shows_the_sections(demo_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site.url}/de/")
    events_link = page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Veranstaltungen")
    assert not events_link.is_visible()
    menu = page.locator(".site-menu > summary")
    assert menu.is_visible()
    menu.click()
    assert events_link.is_visible()
    events_link.click()
    page.wait_for_url(f"{demo_site.url}/de/veranstaltungen/")
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{demo_site.url}/de/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert nav.get_by_role("link", name="Veranstaltungen").is_visible()
    assert not page.locator(".site-menu > summary").is_visible()
    # The action areas open as one disclosure; its links are one row high, not a wrapped block.
    nav.get_by_text("Unsere Handlungsschwerpunkte").click()
    area = nav.get_by_role("link", name="Anerkennungs- und Qualifizierungsberatung")
    assert area.is_visible()
    tops = {round(box["y"]) for box in (
        nav.locator(":scope > ul > li").nth(i).bounding_box() for i in range(nav.locator(":scope > ul > li").count()))}
    assert len(tops) == 1, tops
    context.close()
