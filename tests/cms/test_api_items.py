"""Items of pages listings from the shared cache (cms/headless/items.py): another listing of
known pages (another order, limit or filter: a new URL, so no cached answer) reads its rows in
one query and renders nothing, answers exactly as a rendered listing does, and every change a
client would see still shows at once: a publish, a snippet's new name, places taken, the
host called (`detail_url`)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Category
from tests.cms.test_cache_calls import CountingCache

pytestmark = pytest.mark.django_db

EVENTS = "/api/v2/pages/?type=events.EventPage&fields=*"


@pytest.fixture(autouse=True)
def _items_cached_answers_rendered(settings):
    settings.PAGE_CACHE_API_PREFIXES = ()  # whole answers are another test's subject
    settings.PAGE_CACHE_API_ITEM_SECONDS = 30


def listing(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    return len(queries), response.json()


def by_id(answer):
    return {item["id"]: item for item in answer["items"]}


def test_another_listing_of_known_pages_reads_its_rows_only_and_answers_the_same(
        client, make_event, settings):
    workshop = Category.objects.create(name="Regionalworkshop", slug="workshop")
    make_event(title="Auftakt")
    for number in range(3):
        make_event(title=f"Workshop {number}", category=workshop)
    _queries, rendered = listing(client, EVENTS)
    known_queries, known = listing(client, f"{EVENTS}&order=-title&limit=3")
    assert known_queries == 1
    assert [item["title"] for item in known["items"]] == ["Workshop 2", "Workshop 1",
                                                          "Workshop 0"]
    assert known["meta"]["total_count"] == rendered["meta"]["total_count"] == 4
    settings.PAGE_CACHE_API_ITEM_SECONDS = 0  # every item rendered again
    again_queries, again = listing(client, f"{EVENTS}&order=-title&limit=3")
    assert again_queries > 1
    assert json.dumps(known, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert by_id(known).items() <= by_id(rendered).items()


def test_a_publish_and_a_renamed_snippet_show_in_the_next_listing(client, make_event):
    page = make_event(title="Bewerbungstraining")
    fair = Category.objects.create(name="Jobmesse", slug="jobmesse")
    other = make_event(title="Bewerbertag Bau", category=fair)
    url = "/api/v2/pages/?type=events.EventPage&fields=title,category(name)"
    _queries, before = listing(client, url)
    assert by_id(before)[other.pk]["category"]["name"] == "Jobmesse"
    page.title = "Bewerbungstraining Bau"
    page.save_revision().publish()
    fair.name = "Job- und Ausbildungsmesse"
    fair.save()
    _queries, answer = listing(client, f"{url}&limit=5")
    items = by_id(answer)
    assert items[page.pk]["title"] == "Bewerbungstraining Bau"
    assert items[other.pk]["category"]["name"] == "Job- und Ausbildungsmesse"


def test_places_taken_show_in_the_next_listing(client, make_module,
                                               django_capture_on_commit_callbacks):
    module = make_module(title="Sprachsensibel beraten")
    session = module.occurrences.get()

    def remaining(limit):
        _queries, answer = listing(
            client, f"/api/v2/pages/?type=trainings.TrainingModulePage&fields=*&limit={limit}")
        return [state["remaining"] for item in answer["items"] for date in item["sessions"]
                for state in date["registration"]]

    places = remaining(limit=5)
    assert places and places == remaining(limit=6)  # the second from the cache
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v2/registrations/", json.dumps({
            "occurrence": session.pk, "kind": "participant", "name": "Ahmad Karimi",
            "email": "ahmad@example.org", "consent": True, "organisation": "IHK Chemnitz",
            "organisation_type": "chambers_and_companies", "role": "Ausbildungsberater"}),
            content_type="application/json")
    assert response.status_code == 201, response.content
    assert remaining(limit=7) == [places[0] - 1]


def test_each_host_gets_its_own_addresses(client, make_event):
    page = make_event(title="Bewerbungstraining")
    listing(client, EVENTS)
    listing(client, EVENTS, HTTP_HOST="partner.example")  # both hosts' items stored
    for host in ("testserver", "partner.example", "testserver"):
        _queries, answer = listing(client, f"{EVENTS}&limit=3", HTTP_HOST=host)
        meta = by_id(answer)[page.pk]["meta"]
        assert meta["detail_url"] == f"http://{host}/api/v2/pages/{page.pk}/"


def test_a_listing_of_known_pages_asks_the_cache_twice(client, make_event, monkeypatch):
    """The site and the generations in one call, the items in another (the generations were
    a call of their own before)."""
    for number in range(3):
        make_event(title=f"Workshop {number}")
    listing(client, EVENTS)
    counter = CountingCache(monkeypatch)
    queries, answer = listing(client, f"{EVENTS}&limit=3")
    assert queries == 1 and len(answer["items"]) == 3
    assert [name for name, _key in counter.calls] == ["get_many", "get_many"], counter.calls
