"""The site search in Chromium: the header form by keyboard alone, the results page on a phone
and a desktop, in German and Arabic, and axe-core without findings."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server


def focus_search_field(page, presses=8):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            return
    raise AssertionError("the header's search field is not reachable with Tab")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_search_from_the_header_by_keyboard(demo_site, browser, axe_check, language):
    # The forms are plain GET forms; axe-core needs JavaScript, so it stays on.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(f"{demo_site.url}/{language}/")
        form = page.get_by_role("search").first
        assert form.get_attribute("action") == f"/{language}/search/"
        focus_search_field(page)
        page.keyboard.type("Leipzig")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{demo_site.url}/{language}/search/?q=Leipzig")
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        heading = page.locator("#search-results-heading")
        assert heading.is_visible()
        assert heading.inner_text().split()[0].isdigit()
        results = page.locator(".search-result h3 a")
        assert results.count() > 1
        assert page.locator("#search-page-q").input_value() == "Leipzig"
        axe_check(page)

        # Only centres, chosen and sent with the keyboard.
        page.locator("#search-type-centres").focus()
        page.keyboard.press("Space")
        assert page.locator("#search-type-centres").is_checked()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{demo_site.url}/{language}/search/?q=Leipzig&type=centres")
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert hrefs and all(f"/{language}/beratungsstellen/" in href for href in hrefs), hrefs

        results.first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{demo_site.url}{hrefs[0]}")
        assert page.locator("html").get_attribute("lang") == language

        # A phone: the header's field is visible at once, nothing scrolls sideways.
        page.set_viewport_size({"width": 320, "height": 700})
        page.goto(f"{demo_site.url}/{language}/search/?q=%22Leipzig&type=events")
        assert page.locator("#site-search-q").is_visible()
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 320, f"the search page is {width} px wide at 320 px"
        axe_check(page)
        page.goto(f"{demo_site.url}/{language}/search/")
        axe_check(page)
    finally:
        context.close()
