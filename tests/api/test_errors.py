"""Odd but harmless input answers 400/404 with a message, never 500: JSON under /api/, a page
in the visitor's language elsewhere. Every server error under /api/ is JSON."""

import pytest

from tests.directory.conftest import make_centre

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"


def assert_json_error(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


# NUL and other control characters -------------------------------------------------------

@pytest.mark.parametrize("path", ["/de/registration/r/%00/", "/de/registration/confirm/a%00/",
                                  "/de/trainings/certificate/%00/", "/de/jobfairs/timetable/%00/",
                                  "/de/trainings/feedback/%00x/", "/de/x%01y/"])
def test_nul_or_control_character_in_a_path_is_a_400_page_in_the_visitors_language(client, path):
    response = client.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="de"' in html
    english = client.get(path.replace("/de/", "/en/", 1))
    assert english.status_code == 400
    assert "not allowed" in english.content.decode()


def test_nul_in_the_feed_query_is_a_400_not_a_500(client):
    response = client.get("/feeds/events.ics?city=%00", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "not allowed" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v2/centres/find/?html_path=%5D%00x",
                                  "/api/v2/pages/?search=a%00b", "/api/v2/occurrences/?city=%00",
                                  "/api/v2/pages/%00/", "/api/v2/pages/?type=%1b"])
def test_nul_or_control_character_under_the_api_is_a_json_400(client, path):
    response = client.get(path)
    assert_json_error(response, 400)
    assert "NUL" in response.json()["detail"]


def test_line_breaks_and_tabs_in_a_query_value_are_allowed(client):
    assert client.get("/api/v2/pages/?search=a%0D%0Ab%09c").status_code == 200


# Oversized and non-ASCII numbers --------------------------------------------------------

@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "centres",
                                      "responsibilities", "occurrences"])
def test_an_oversized_offset_is_a_json_400_on_every_listing(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?offset={HUGE}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "offset" in response.content.decode()


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "centres",
                                      "responsibilities"])
@pytest.mark.parametrize("pk", ["9223372036854775808", HUGE])
def test_an_oversized_id_is_a_json_404(client, endpoint, pk):
    assert_json_error(client.get(f"/api/v2/{endpoint}/{pk}/"), 404)
    assert_json_error(client.get(f"/api/v2/{endpoint}/find/?id={pk}"), 404)


def test_an_existing_centre_is_still_found_by_id(client, directory_page):
    centre = make_centre(directory_page, "IBAS Leipzig")
    response = client.get(f"/api/v2/centres/find/?id={centre.pk}")
    assert response.status_code == 302
    assert client.get(response["Location"]).json()["id"] == centre.pk


def test_an_oversized_page_number_in_the_feed_url_is_a_404(client):
    response = client.get(f"/feeds/events/{HUGE}.ics")
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/api/v2/occurrences/?offset=%C2%B2",
                                  "/api/v2/occurrences/?limit=%D9%A1%D9%A2",
                                  "/api/v2/exhibitors/?fair=%C2%B2",
                                  "/api/v2/pages/find/?id=%C2%B2"])
def test_digits_other_than_ascii_are_a_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


def test_a_section_of_non_ascii_digits_is_a_json_404_not_a_500(client):
    assert_json_error(client.get("/api/v2/pages/?section=%C2%B2"), 404)


# find, search ---------------------------------------------------------------------------

@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "centres",
                                      "responsibilities"])
def test_find_with_an_id_that_is_not_a_number_is_a_json_400(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/find/?id=abc")
    assert_json_error(response, 400)
    assert "id" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_an_unknown_search_operator_is_a_json_400(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?search=Beratung&search_operator=zz")
    assert_json_error(response, 400)
    assert "search_operator" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "centres"])
@pytest.mark.parametrize("search", ['"', 'a"b', '"Anerkennung', 'x" OR "y', '""*'])
def test_a_search_with_double_quotes_answers_normally(client, endpoint, search):
    response = client.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 200, response.content[:300]


def test_a_quoted_search_still_finds_the_page(client, directory_page):
    centre = make_centre(directory_page, "Anerkennungsberatung Leipzig")
    for endpoint in ("pages", "centres"):
        data = client.get(f"/api/v2/{endpoint}/", {"search": '"Anerkennungsberatung"'}).json()
        assert centre.pk in [item["id"] for item in data["items"]], endpoint


def test_a_quoted_search_in_the_html_directory_answers_normally(client, directory_page):
    make_centre(directory_page, "Anerkennungsberatung Leipzig")
    response = client.get(directory_page.url, {"q": '"Anerkennungsberatung'})
    assert response.status_code == 200
    assert "Anerkennungsberatung Leipzig" in response.content.decode()


# Server errors under /api/ --------------------------------------------------------------

@pytest.fixture
def failing_occurrences(monkeypatch):
    from events.api import OccurrenceListAPIView

    def fail(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(OccurrenceListAPIView, "get", fail)


def test_a_server_error_under_the_api_is_json(client, failing_occurrences):
    client.raise_request_exception = False
    response = client.get("/api/v2/occurrences/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_server_error_elsewhere_is_the_html_page(client, monkeypatch, home_page):
    from events import views

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "parse_feed_parameters", fail)
    client.raise_request_exception = False
    response = client.get("/feeds/events.ics")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
