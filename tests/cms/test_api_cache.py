"""Anonymous API GETs from the shared cache: repeated identical requests cost no queries, and
every change a client would see (a publish, places taken) shows at once."""

import pytest
from django.contrib.auth import get_user_model

from events.registration import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _api_cache_on(settings):
    # What these tests are about, whatever an earlier test in this worker changed.
    from cms.pagecache import DEFAULT_API_PREFIXES

    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_API_SECONDS = 30
    settings.PAGE_CACHE_API_PREFIXES = DEFAULT_API_PREFIXES


def test_a_repeated_listing_is_served_from_the_cache(client, make_event,
                                                     django_assert_max_num_queries):
    page = make_event(title="Bewerbungstraining")
    url = f"/api/v2/pages/?type=events.EventPage&fields=*&locale={page.locale.language_code}"
    first = client.get(url)
    assert first.status_code == 200 and first.get("X-Cache") == "MISS", dict(first.items())
    with django_assert_max_num_queries(2):
        second = client.get(url)
    assert second["X-Cache"] == "HIT" and second.content == first.content
    # Clients still revalidate (ETag), and the language of the answer is kept.
    assert "no-cache" in second["Cache-Control"]
    assert second["Content-Type"] == first["Content-Type"]


def test_a_published_change_shows_at_once(client, make_event):
    page = make_event(title="Bewerbungstraining")
    url = f"/api/v2/pages/{page.pk}/"
    assert client.get(url).json()["title"] == "Bewerbungstraining"
    page.title = "Bewerbungstraining Bau"
    page.save_revision().publish()
    response = client.get(url)
    assert response["X-Cache"] == "MISS" and response.json()["title"] == "Bewerbungstraining Bau"


def test_places_taken_show_at_once(client, make_option, committed):
    option = make_option(capacity=3)
    before = client.get("/api/v2/occurrences/").content
    assert client.get("/api/v2/occurrences/")["X-Cache"] == "HIT"
    committed(services.register, option, name="Ada", email="ada@example.org", consent=True)
    after = client.get("/api/v2/occurrences/")
    assert after["X-Cache"] == "MISS" and after.content != before


def test_errors_editors_and_the_clock_dependent_centres_are_not_stored(client, make_event):
    make_event(title="Bewerbungstraining")
    assert client.get("/api/v2/pages/?type=nope.Nope").status_code == 400
    assert "X-Cache" not in client.get("/api/v2/pages/?type=nope.Nope")
    assert "X-Cache" not in client.get("/api/v2/centres/")
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)
    assert "X-Cache" not in client.get("/api/v2/pages/")
