"""Pages endpoint: every page type, the site's filters, translations, renditions, errors."""

import datetime

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from events.models import Audience, Category, Venue
from home.models import StandardPage
from tests.directory.conftest import make_centre

pytestmark = pytest.mark.django_db
PAGES = "/api/v2/pages/"


def ids(data):
    return {item["id"] for item in data["items"]}


def days(n, hour=10):
    start = (timezone.localtime() + datetime.timedelta(days=n)).replace(
        hour=hour, minute=0, second=0, microsecond=0)
    return (start, start + datetime.timedelta(hours=2))


@pytest.fixture
def terms(locales):
    de = locales["de"]
    return {
        "workshop": Category.objects.create(name="Workshop", slug="workshop", locale=de),
        "fair": Category.objects.create(name="Messe", slug="messe", locale=de),
        "employers": Audience.objects.create(name="Arbeitgeber", slug="employers", locale=de),
        "leipzig": Venue.objects.create(name="Rathaus", city="Leipzig", locale=de),
        "dresden": Venue.objects.create(name="Kulturpalast", city="Dresden", locale=de),
    }


def test_lists_every_page_type_with_locale(get_json, make_event, home_page):
    event = make_event(title="Workshop")
    data = get_json(PAGES + "?fields=*&limit=100")
    types = {item["meta"]["type"] for item in data["items"]}
    assert {"home.HomePage", "events.EventIndexPage", "events.EventPage"} <= types
    assert {item["meta"]["locale"] for item in data["items"]} == {"de"}
    assert event.pk in ids(data)
    assert data["meta"]["total_count"] == len(data["items"])


def test_type_and_locale_filters(get_json, make_event, home_page_en):
    event = make_event()
    assert ids(get_json(PAGES + "?type=events.EventPage")) == {event.pk}
    assert ids(get_json(PAGES + "?locale=en")) == {home_page_en.pk}
    assert get_json(PAGES + "?type=nope.Nothing", status=400)["detail"] == "type doesn't exist"


def test_section_filter_by_slug_and_id(get_json, make_event, event_index, home_page):
    event = make_event()
    plain = StandardPage(title="Impressum", slug="impressum")
    home_page.add_child(instance=plain)
    plain.save_revision().publish()
    assert ids(get_json(PAGES + "?section=veranstaltungen")) == {event.pk}
    assert ids(get_json(PAGES + f"?section={event_index.pk}")) == {event.pk}
    error = get_json(PAGES + "?section=gibt-es-nicht", status=404)
    assert error["detail"].startswith("section:") and error["message"] == error["detail"]


def test_category_audience_city_filters(get_json, make_event, terms, directory_page):
    workshop = make_event(title="Workshop", category=terms["workshop"], venue=terms["leipzig"],
                          audiences=[terms["employers"]])
    fair = make_event(title="Messe", category=terms["fair"], venue=terms["dresden"])
    moved = make_event(title="Elsewhere", venue=terms["dresden"],
                       dates=[{"start": days(3)[0], "end": days(3)[1],
                               "venue": terms["leipzig"]}])
    centre = make_centre(directory_page, "IBAS Leipzig", city="Leipzig")
    make_centre(directory_page, "IBAS Dresden", city="Dresden")
    assert ids(get_json(PAGES + "?category=workshop")) == {workshop.pk}
    assert ids(get_json(PAGES + "?audience=employers")) == {workshop.pk}
    assert ids(get_json(PAGES + "?city=leipzig")) == {workshop.pk, moved.pk, centre.pk}
    assert ids(get_json(PAGES + "?city=Leipzig&type=events.EventPage")) == {workshop.pk,
                                                                          moved.pk}
    assert ids(get_json(PAGES + "?category=messe&city=Dresden")) == {fair.pk}
    assert ids(get_json(PAGES + "?category=unknown")) == set()


def test_date_range_filter_includes_repeating_dates(get_json, make_event):
    soon = make_event(title="Soon", dates=[days(2)])
    later = make_event(title="Later", dates=[days(40)])
    start, end = days(1)
    weekly = make_event(title="Weekly", dates=[{
        "start": start, "end": end, "repeat_frequency": "WEEKLY"}])
    in_a_week = (timezone.localdate() + datetime.timedelta(days=8)).isoformat()
    assert ids(get_json(PAGES + f"?date_from={in_a_week}&date_to={in_a_week}")) == {weekly.pk}
    month = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    assert ids(get_json(PAGES + f"?date_to={month}")) == {soon.pk, weekly.pk}
    assert later.pk in ids(get_json(PAGES + f"?date_from={month}"))


@pytest.mark.parametrize("query", ["date_from=2026-13-01", "date_to=tomorrow"])
def test_wrong_dates_answer_400_json(get_json, query):
    error = get_json(PAGES + "?" + query, status=400)
    assert error["detail"].startswith(("date_from", "date_to"))


def test_search_finds_live_pages(get_json, make_event):
    event = make_event(title="Anerkennungsberatung in Meißen")
    assert ids(get_json(PAGES + "?search=Anerkennungsberatung")) == {event.pk}


def test_detail_has_translations_and_streamfield_json(get_json, make_event, locales):
    event = make_event(title="Workshop", body=[("heading", {"text": "Ablauf", "level": "h2"}),
                                               ("paragraph", "<p>Mit <b>Kaffee</b></p>")])
    translation = event.copy_for_translation(locales["en"], copy_parents=True)
    translation.title = "Workshop EN"
    translation.save_revision().publish()
    data = get_json(f"{PAGES}{event.pk}/")
    assert data["meta"]["translations"] == [
        {"id": translation.pk, "locale": "en", "title": "Workshop EN",
         "html_url": type(event).objects.get(pk=translation.pk).get_full_url()}]
    assert [block["type"] for block in data["body"]] == ["heading", "paragraph"]
    assert data["body"][0]["value"] == {"text": "Ablauf", "level": "h2"}
    assert "<b>Kaffee</b>" in data["body"][1]["value"]
    # Listings carry them when asked (tests/api/test_conventions.py), not by default.
    assert "translations" not in get_json(PAGES)["items"][0]["meta"]


def test_event_image_renditions(get_json, make_event):
    image = Image.objects.create(title="Saal", file=get_test_image_file(size=(1200, 800)))
    event = make_event(image=image, image_alt="Ein leerer Saal")
    data = get_json(f"{PAGES}{event.pk}/")
    assert data["image"]["id"] == image.pk
    assert (data["image_card"]["width"], data["image_card"]["height"]) == (800, 450)
    assert data["image_thumbnail"]["width"] == 400
    assert data["image_wide"]["width"] == 1200  # never upscaled
    assert data["image_card"]["url"] and "alt" in data["image_card"]


def test_listing_pagination_and_errors(get_json, make_event):
    for number in range(3):
        make_event(title=f"Event {number}")
    data = get_json(PAGES + "?type=events.EventPage&limit=2&offset=1")
    assert data["meta"]["total_count"] == 3 and len(data["items"]) == 2
    assert get_json(PAGES + "?limit=1000", status=400)["detail"] == "limit cannot be higher than 100"
    assert "detail" in get_json(PAGES + "?unknown=1", status=400)


def test_not_found_is_json_not_a_redirect(client):
    for url in ("/api/v2/pages/999999/", "/api/v2/nothing-here/", "/api/v3/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "detail" in response.json()


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/occurrences/", "/api/v2/centres/",
                                 "/api/v2/responsibilities/", "/api/v2/images/",
                                 "/api/v2/documents/"])
def test_listings_answer_304_for_the_same_etag(client, make_event, url):
    make_event()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""


def test_etag_changes_when_content_changes(client, make_event):
    make_event(title="One")
    first = client.get(PAGES)
    make_event(title="Two")
    second = client.get(PAGES, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200 and second["ETag"] != first["ETag"]


def test_listing_query_count_does_not_grow_with_pages(client, make_event,
                                                      django_assert_max_num_queries):
    make_event()
    client.get(PAGES + "?type=events.EventPage")
    with django_assert_max_num_queries(12):
        client.get(PAGES + "?type=events.EventPage")
    for number in range(12):
        make_event(title=f"Event {number}")
    with django_assert_max_num_queries(12):
        assert len(client.get(PAGES + "?type=events.EventPage").json()["items"]) == 13
