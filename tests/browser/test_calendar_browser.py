"""The event listing's month view and the venue map in Chromium: keyboard order, next month,
320 px without horizontal scrolling, Arabic right to left, axe-core in de and ar."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server


def german_index():
    return EventIndexPage.objects.get(locale__language_code="de", slug="veranstaltungen")


def arabic_index():
    index = german_index().copy_for_translation(Locale.objects.get(language_code="ar"),
                                                copy_parents=True)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def month_with_dates(page, url):
    """Open the month view and go forward (by its "next" link) to a month with dates."""
    page.goto(f"{url}?view=month")
    for _month in range(6):
        if page.locator(".month-calendar .cal-dates a").count():
            return
        page.locator('.month-nav a[rel="next"]').click()
        page.wait_for_load_state()
    raise AssertionError("no month with dates in the demo content")


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_month_view_by_keyboard_and_next_month(demo_site, browser_page, axe_check):
    page = browser_page
    index_url = f"{demo_site.url}{german_index().url}"
    page.goto(index_url)
    page.locator('.view-switch a[href*="view=month"]').click()
    page.wait_for_url("**view=month**")
    assert page.locator('.view-switch a[aria-current="page"]').get_attribute("href").endswith(
        "view=month")
    assert page.locator("thead th").first.locator("[aria-hidden]").inner_text() == "Mo"
    axe_check(page)

    month_with_dates(page, index_url)
    axe_check(page)
    caption = page.locator("caption").inner_text()
    # Tab from the first month link through the view: every link, in the order of the page.
    links = page.locator(".month-view a")
    expected = [links.nth(i).get_attribute("href") for i in range(links.count())]
    links.first.focus()
    reached = [page.evaluate("document.activeElement.getAttribute('href')")]
    for _link in expected[1:]:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert reached == expected

    page.locator('.month-nav a[rel="next"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("caption").inner_text() != caption
    assert "month=" in page.url


def test_filter_bar_applies_to_the_month(demo_site, browser_page):
    page = browser_page
    index_url = f"{demo_site.url}{german_index().url}"
    month_with_dates(page, index_url)
    before = page.locator(".month-calendar .cal-dates a").count()
    month = page.url.split("month=")[1][:7] if "month=" in page.url else ""
    page.locator("#id_type").select_option(index=1)
    page.locator("form.event-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "view=month" in page.url and "type=" in page.url
    if month:
        assert f"month={month}" in page.url
    assert page.locator(".active-filters a").count() == 1
    assert page.locator(".month-calendar .cal-dates a").count() <= before
    page.locator(".active-filters a").click()  # removes the filter, keeps the month
    page.wait_for_load_state()
    assert "type=" not in page.url and "view=month" in page.url
    assert page.locator(".month-calendar .cal-dates a").count() == before


@pytest.mark.parametrize("view", ["", "?view=month"])
def test_phone_width_has_no_horizontal_scroll(demo_site, browser_page, axe_check, view):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 720})
    index_url = f"{demo_site.url}{german_index().url}"
    if view:
        month_with_dates(page, index_url)
        # Only days with dates (and today) stay, as a list with their full date.
        shown = page.locator(".month-calendar td.cal-day:visible")
        assert shown.count() >= 1
        assert page.locator(".month-calendar td.cal-day:visible .cal-day__full").first.is_visible()
        assert page.locator(".month-calendar thead").bounding_box()["width"] <= 1
    else:
        page.goto(index_url)
    assert no_horizontal_scroll(page)
    axe_check(page)


def test_arabic_month_view_is_right_to_left_and_accessible(demo_site, browser_page, axe_check):
    page = browser_page
    index_url = f"{demo_site.url}{arabic_index().url}"
    month_with_dates(page, index_url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    headers = page.locator("thead th")
    assert headers.first.locator(".visually-hidden").inner_text() == "الاثنين"
    # Monday is the rightmost column, Sunday the leftmost.
    assert headers.first.bounding_box()["x"] > headers.last.bounding_box()["x"]
    # "Previous month" starts the line: on the right.
    previous = page.locator('.month-nav a[rel="prev"]').bounding_box()
    following = page.locator('.month-nav a[rel="next"]').bounding_box()
    assert previous["x"] > following["x"]
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 720})
    page.reload()
    assert no_horizontal_scroll(page)
    axe_check(page)


def test_event_page_venue_map_is_accessible(demo_site, browser_page, axe_check):
    event = (EventPage.objects.live().filter(locale__language_code="de",
                                              venue__latitude__isnull=False)
             .order_by("pk").first())
    page = browser_page
    page.goto(f"{demo_site.url}{event.url}")
    figure = page.locator("figure.venue-map")
    assert figure.locator("svg[role=img]").is_visible()
    assert figure.locator("circle.venue-map__marker").count() == 1
    assert figure.locator("a").get_attribute("href").startswith("https://www.openstreetmap.org/")
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 720})
    page.reload()
    assert no_horizontal_scroll(page)
