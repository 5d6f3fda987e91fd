"""API v2: the centres endpoint with directory filters, the matrix endpoint, pages by type."""

import pytest

from .conftest import make_entry

pytestmark = pytest.mark.django_db


def titles(client, query):
    response = client.get(f"/api/v2/centres/?{query}")
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


@pytest.mark.parametrize(("query", "expected"), [
    ("", ["Beratung Faire Integration Dresden", "Hotline Leitstelle Zuwanderung", "IBAS Leipzig"]),
    ("district=meissen", ["Beratung Faire Integration Dresden", "Hotline Leitstelle Zuwanderung"]),
    ("district=leipzig", ["IBAS Leipzig"]),
    ("service=arbeitsrecht", ["Beratung Faire Integration Dresden"]),
    ("language=ar", ["Hotline Leitstelle Zuwanderung", "IBAS Leipzig"]),
    ("target_group=unternehmen", ["Beratung Faire Integration Dresden"]),
    ("city=Leipzig", ["IBAS Leipzig"]),
    ("search=Faire", ["Beratung Faire Integration Dresden"]),
    ("language=ar&district=landkreis-leipzig", ["Hotline Leitstelle Zuwanderung"]),
])
def test_centres_endpoint_filters(client, sample_centres, query, expected):
    assert titles(client, query) == expected


def test_centre_fields_include_terms_district_hours_and_consented_contacts(client, sample_centres):
    pk = sample_centres["leipzig"].pk
    data = client.get(f"/api/v2/centres/{pk}/").json()
    assert data["district"] == {"slug": "leipzig", "name": "Leipzig", "kind": "city"}
    assert data["services"] == [{"slug": "anerkennungsberatung", "name": "Anerkennungsberatung"}]
    assert data["hours_of_operation"][0]["opening_time"] == "09:00:00"
    assert isinstance(data["open_now"], bool)
    contacts = {c["name"]: c for c in data["contacts"]}
    assert contacts["Anna Beispiel"]["public_email"] == "anna@example.org"
    assert contacts["Bernd Ohnezustimmung"]["public_email"] == ""
    assert "bernd@example.org" not in str(data)


def test_open_now_filter_validates_its_value(client, sample_centres):
    assert client.get("/api/v2/centres/?open_now=maybe").status_code == 400
    open_titles = set(titles(client, "open_now=true"))
    closed_titles = set(titles(client, "open_now=false"))
    assert open_titles | closed_titles == {c.title for c in sample_centres.values()}
    assert not open_titles & closed_titles


def test_pages_endpoint_lists_centres_by_type(client, sample_centres):
    response = client.get("/api/v2/pages/?type=directory.CentrePage&fields=city,languages")
    items = response.json()["items"]
    assert len(items) == 3
    leipzig = next(i for i in items if i["title"] == "IBAS Leipzig")
    assert leipzig["city"] == "Leipzig"
    assert leipzig["languages"] == [{"slug": "ar", "name": "Arabisch"}]


def test_responsibilities_endpoint_filters_by_district_and_topic(client, districts, sample_centres):
    make_entry(districts["meissen"], "work_permit", contact_name="Frau Kretzschmar")
    make_entry(districts["meissen"], "benefits", department="Jobcenter (Optionskommune)")
    make_entry(districts["leipzig"], "work_permit", contact_name="Ausländerbehörde Leipzig")
    data = client.get("/api/v2/responsibilities/?district=meissen").json()
    assert data["meta"]["total_count"] == 2
    data = client.get("/api/v2/responsibilities/?district=meissen&topic=work_permit").json()
    [entry] = data["items"]
    assert entry["contact_name"] == "Frau Kretzschmar"
    assert entry["district"]["slug"] == "meissen"
    assert entry["topic"] == "work_permit" and entry["locale"] == "de"
    data = client.get("/api/v2/responsibilities/?topic=work_permit").json()
    assert data["meta"]["total_count"] == 2


def test_responsibilities_endpoint_rejects_unknown_topic_as_json(client, sample_centres):
    response = client.get("/api/v2/responsibilities/?topic=astrology")
    assert response.status_code == 400
    assert response.json()["errors"]["topic"][0]
