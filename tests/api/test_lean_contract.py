"""What the OpenAPI document promises, the API keeps (issue 15): a value the document allows
is answered (a missing page or date is a 404, a reversed range matches nothing), a value it
refuses is a 400, including an empty value where the document types the parameter."""

import pytest

pytestmark = pytest.mark.django_db
PAGES = "/api/v2/pages/"


def parameter(document, path, name):
    return next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)


@pytest.mark.parametrize("query", ["child_of=999999", "descendant_of=999999",
                                   "ancestor_of=999999", "translation_of=999999",
                                   "section=no-such-section"])
def test_a_filter_naming_a_page_that_does_not_exist_is_a_json_404(client, home_page, query):
    response = client.get(f"{PAGES}?{query}")
    assert response.status_code == 404, response.content[:300]
    assert response.json()["detail"]


def test_a_reversed_date_range_matches_nothing(client, make_event):
    make_event()
    for url in (PAGES, "/api/v2/occurrences/"):
        response = client.get(f"{url}?date_from=2026-05-02&date_to=2026-05-01")
        assert response.status_code == 200 and response.json()["items"] == []


@pytest.mark.parametrize("url,name", [("/api/v2/occurrences/?date_to=", "date_to"),
                                      ("/api/v2/occurrences/?locale=", "locale"),
                                      ("/api/v2/centres/?open_now=", "open_now"),
                                      ("/api/v2/pages/?order=", "order"),
                                      ("/api/v2/pages/?type=", "type"),
                                      ("/api/v2/responsibilities/?topic=", "topic")])
def test_an_empty_value_of_a_typed_parameter_is_a_400_field_error(client, home_page, url, name):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert list(response.json()["errors"]) == [name]


def test_an_empty_free_text_filter_still_does_not_filter(client, make_event):
    make_event()
    assert client.get("/api/v2/occurrences/?city=&category=").json()["meta"]["total_count"] == 1


@pytest.mark.parametrize("url", ["/api/v2/responsibilities/?search=x",
                                 "/api/v2/centres/?search_operator=and"])
def test_a_parameter_an_endpoint_would_ignore_is_refused(client, url):
    assert client.get(url).status_code == 400


def test_site_filters_are_not_read_as_a_page_types_own_field(client, make_event):
    make_event()
    response = client.get(f"{PAGES}?type=events.EventPage&category=no-such-category")
    assert response.status_code == 200 and response.json()["items"] == []


def test_random_order_takes_an_offset_and_search_takes_any_order(client, make_event):
    make_event(title="Regionalworkshop")
    assert client.get(f"{PAGES}?order=random&offset=1").status_code == 200
    response = client.get(f"{PAGES}?search=Regionalworkshop&order=-slug")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Regionalworkshop"]


def test_child_of_and_descendant_of_together(client, make_event, event_index, home_page):
    page = make_event()
    response = client.get(f"{PAGES}?child_of={event_index.pk}&descendant_of={home_page.pk}")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [page.pk]


def test_a_page_type_of_another_endpoint_is_refused(client, make_event):
    make_event()
    assert client.get("/api/v2/centres/?type=events.EventPage").status_code == 400


def test_the_document_states_the_rules_of_the_parameters(client, make_event):
    from wagtail.models import get_page_models

    document = client.get("/api/schema/").json()
    types = parameter(document, PAGES, "type")["schema"]["enum"]
    assert {"events.EventPage", "directory.CentrePage", "jobfairs.JobFairPage"} <= set(types)
    assert len(types) == len([m for m in get_page_models() if not m._meta.abstract])
    assert parameter(document, "/api/v2/centres/", "type")["schema"]["enum"] == [
        "directory.CentrePage"]
    fields = parameter(document, PAGES, "fields")["schema"]["pattern"]
    import re

    assert re.fullmatch(fields, "*,-title") and re.fullmatch(fields, "_,title,slug")
    assert not re.fullmatch(fields, "no_such_field")
    order = parameter(document, PAGES, "order")["schema"]["enum"]
    assert {"random", "title", "-title"} <= set(order)
    assert parameter(document, PAGES, "rich_text_format")["schema"]["enum"]
    search = parameter(document, PAGES, "search")["schema"]["pattern"]
    assert re.fullmatch(search, "a\tb") and not re.fullmatch(search, "a\x00b")
    fair = parameter(document, "/api/v2/exhibitors/", "fair")["schema"]
    assert fair["pattern"] == r"^[0-9]{1,18}$"
    category = parameter(document, "/api/v2/occurrences/", "category")["schema"]
    assert re.fullmatch(category["pattern"], "") and not re.fullmatch(category["pattern"], "a b")


def test_a_registration_for_a_date_without_that_kind_is_a_409_and_for_no_date_a_404(
        client, option, make_event):
    without_places = make_event(title="Ohne Anmeldung").occurrences.first()
    body = {"kind": "attendee", "occurrence": without_places.pk, "name": "Ada",
            "email": "ada@example.org", "consent": True}
    response = client.post("/api/v2/registrations/", body, content_type="application/json")
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "kind" and "occurrence" in response.json()["errors"]
    body["occurrence"] = 999999
    response = client.post("/api/v2/registrations/", body, content_type="application/json")
    assert response.status_code == 404 and "occurrence" in response.json()["errors"]


def test_the_document_lists_the_trade_codes(client, trades):
    document = client.get("/api/schema/").json()
    assert {"maurer", "zimmerer", "fliesenleger"} <= set(
        document["components"]["schemas"]["TradesEnum"]["enum"])
