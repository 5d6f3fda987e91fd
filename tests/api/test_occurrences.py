"""`/api/v2/occurrences/`: dates of every event type, filters, pagination, JSON errors."""

import datetime

import pytest
from django.utils import timezone

from events.models import Category, Venue

pytestmark = pytest.mark.django_db
URL = "/api/v2/occurrences/"


def days(n):
    start = (timezone.localtime() + datetime.timedelta(days=n)).replace(
        hour=10, minute=0, second=0, microsecond=0)
    return (start, start + datetime.timedelta(hours=2))


def test_items_carry_page_venue_and_registration_state(get_json, option):
    item = get_json(URL)["items"][0]
    page = option.occurrence.page
    assert item["page"] == {"id": page.pk, "title": page.title}
    assert item["event_type"] == "event" and item["locale"] == "de"
    assert item["detail_url"].endswith(f"/api/v2/pages/{page.pk}/")
    assert item["html_url"].endswith(page.url_path.split("/", 2)[-1]) or item["html_url"]
    assert item["registration"] == [{"kind": "attendee", "open": True, "capacity": 5,
                                     "remaining": 5, "waitlist": True}]


def test_filters_and_repeats(get_json, make_event, locales):
    de = locales["de"]
    workshop = Category.objects.create(name="Workshop", slug="workshop", locale=de)
    dresden = Venue.objects.create(name="Palast", city="Dresden", locale=de)
    make_event(title="A", dates=[days(2)], category=workshop)
    make_event(title="B", dates=[days(20)], venue=dresden)
    start, end = days(1)
    make_event(title="Weekly", dates=[{"start": start, "end": end, "repeat_frequency": "WEEKLY",
                                       "repeat_until": (start + datetime.timedelta(days=15)).date()}])
    titles = [item["page"]["title"] for item in get_json(URL + "?limit=100")["items"]]
    assert titles.count("Weekly") == 3 and {"A", "B"} <= set(titles)
    assert [i["page"]["title"] for i in get_json(URL + "?category=workshop")["items"]] == ["A"]
    assert [i["page"]["title"] for i in get_json(URL + "?city=dresden")["items"]] == ["B"]
    day = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    assert [i["page"]["title"] for i in get_json(URL + f"?date_from={day}&date_to={day}")[
        "items"]] == ["B"]
    assert get_json(URL + "?event_type=event&locale=de")["meta"]["total_count"] == 5
    assert get_json(URL + "?locale=en")["meta"]["total_count"] == 5  # untranslated: source


def test_pagination(get_json, make_event):
    for n in range(5):
        make_event(title=f"E{n}", dates=[days(n + 1)])
    data = get_json(URL + "?limit=2&offset=2")
    assert data["meta"]["total_count"] == 5
    assert [item["page"]["title"] for item in data["items"]] == ["E2", "E3"]


@pytest.mark.parametrize("query,field", [("limit=0", "limit"), ("limit=101", "limit"),
                                         ("limit=x", "limit"), ("offset=-1", "offset"),
                                         ("date_from=2026-02-30", "date_from"),
                                         ("date_to=", "date_to"), ("limit=", "limit"),
                                         ("locale=xx", "locale"), ("event_type=nope", "event_type")])
def test_wrong_parameters_answer_400_with_field_errors(get_json, query, field):
    errors = get_json(URL + "?" + query, status=400)["errors"]
    assert list(errors) == [field] and errors[field][0]


def test_query_count_is_constant(client, make_event, django_assert_max_num_queries):
    for n in range(3):
        make_event(title=f"E{n}", dates=[days(n + 1)])
    client.get(URL)
    with django_assert_max_num_queries(8):
        small = client.get(URL).json()
    for n in range(3, 30):
        make_event(title=f"E{n}", dates=[days(n + 1)])
    with django_assert_max_num_queries(8):
        large = client.get(URL + "?limit=100").json()
    assert small["meta"]["total_count"] == 3 and large["meta"]["total_count"] == 30


def test_each_date_links_to_its_page_and_venue_as_wagtail_addresses_them(
        client, get_json, make_event, home_page, locales):
    """Addresses come from the first sibling's (events.addresses) and each venue is represented
    once per listing: every date must still carry its own page's address (quoted non-ASCII
    slug, another parent) and its own venue."""
    from events.models import EventIndexPage

    other = EventIndexPage(title="Jobmessen", slug="jobmessen")
    home_page.add_child(instance=other)
    other.save_revision().publish()
    leipzig = Venue.objects.create(name="Volkshochschule", city="Leipzig", locale=locales["de"])
    chemnitz = Venue.objects.create(name="Kraftwerk", city="Chemnitz", locale=locales["de"])
    pages = [make_event(title="Erster", slug="erster", dates=[days(3)], venue=leipzig),
             make_event(title="Ärzte", slug="überblick-ärzte", dates=[days(4)], venue=leipzig),
             make_event(title="Dritter", slug="dritter", dates=[days(5)], venue=chemnitz),
             make_event(title="Messe", slug="messe", parent=other, dates=[days(6)])]
    request = client.get("/").wsgi_request
    items = {item["page"]["title"]: item for item in get_json(URL + "?limit=100")["items"]}
    assert {title: item["html_url"] for title, item in items.items()} == {
        page.title: page.get_full_url(request) for page in pages}
    assert items["Ärzte"]["html_url"].endswith("/%C3%BCberblick-%C3%A4rzte/")
    assert "/jobmessen/messe/" in items["Messe"]["html_url"]
    assert [items[title]["venue"] and items[title]["venue"]["city"]
            for title in ("Erster", "Ärzte", "Dritter", "Messe")] == [
        "Leipzig", "Leipzig", "Chemnitz", None]
    assert items["Dritter"]["venue"] == {"name": "Kraftwerk", "street": "", "postcode": "",
                                         "city": "Chemnitz", "latitude": None, "longitude": None}
