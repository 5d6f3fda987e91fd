"""In Chromium: filter the listing, open an event, download its .ics; axe-core on both pages."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.models import Category

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_listing_filters_event_page_and_ics_download(live_server, browser_page, axe_check,
                                                     make_event, event_index):
    workshop = Category.objects.create(name="Regionalworkshop", slug="workshop")
    start = datetime.datetime.now(BERLIN).replace(hour=10, minute=0, second=0,
                                                   microsecond=0) + datetime.timedelta(days=3)
    make_event(title="Workshop Meißen", category=workshop,
               dates=[(start, start + datetime.timedelta(hours=3))])
    make_event(title="Netzwerktreffen Leipzig",
               dates=[(start + datetime.timedelta(days=1), start + datetime.timedelta(days=1,
                                                                                    hours=2))])
    page = browser_page
    page.goto(live_server.url + event_index.url)
    assert page.get_by_role("link", name="Netzwerktreffen Leipzig").is_visible()
    axe_check(page)

    page.locator("#id_category").select_option("workshop")
    page.locator("form.event-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "category=workshop" in page.url
    assert page.get_by_role("link", name="Workshop Meißen").is_visible()
    assert page.get_by_role("link", name="Netzwerktreffen Leipzig").count() == 0

    page.get_by_role("link", name="Workshop Meißen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Workshop Meißen"
    axe_check(page)

    with page.expect_download() as download_info:
        page.locator("a.ics-download").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Workshop Meißen"
