"""The event page's picture in Chromium: loaded (WebP), visible, sized, and axe-core clean."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server, settings):
    settings.ROOT_URLCONF = "tests.events.media_urls"  # /media/ as the web server serves it
    call_command("load_demo_content", verbosity=0)
    return live_server


def test_event_page_image_is_visible_and_accessible(demo_site, browser_page, axe_check):
    from events.models import EventPage

    event = EventPage.objects.get(slug="regionalnetzwerk-migration-leipzig")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{demo_site.url}{event.url}")
    image = page.locator("article picture img").first
    image.wait_for(state="visible")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    # Chromium picks the WebP source, at a width that suits a phone screen.
    assert ".webp" in image.evaluate("img => img.currentSrc")
    natural = image.evaluate("img => img.naturalWidth")
    assert 320 <= natural <= 1280
    box = image.bounding_box()
    assert box["width"] <= 390 and abs(box["height"] - box["width"] * 9 / 16) < 2
    assert image.get_attribute("alt") == event.image_alt
    axe_check(page)
