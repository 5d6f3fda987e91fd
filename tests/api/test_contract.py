"""The API's contract: strict JSON types on registrations, FilterSet errors per field, and a
document with one registration body per kind (oneOf on `kind`) and enums for the choices."""

import json

import pytest

pytestmark = pytest.mark.django_db
REGISTRATIONS = "/api/v2/registrations/"


def post(client, body):
    return client.post(REGISTRATIONS, json.dumps(body), content_type="application/json")


def valid(option, **overrides):
    return {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
            "email": "ada@example.org", "consent": True, **overrides}


@pytest.mark.parametrize("field,value", [("name", 123), ("consent", "true"), ("consent", 1),
                                         ("occurrence", "1"), ("email", ["a@example.org"])])
def test_a_value_of_the_wrong_json_type_is_refused_per_field(client, option, field, value):
    response = post(client, valid(option, **{field: value}))
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_a_well_typed_body_still_registers(client, option, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, valid(option)).status_code == 201


@pytest.mark.parametrize("url,field", [
    ("/api/v2/occurrences/?category=a%20b", "category"),
    ("/api/v2/occurrences/?city=" + "x" * 101, "city"),
    ("/api/v2/exhibitors/?fair=x", "fair"),
    ("/api/v2/centres/?district=a%20b", "district"),
    ("/api/v2/centres/?open_now=maybe", "open_now"),
    ("/api/v2/responsibilities/?topic=astrology", "topic"),
])
def test_invalid_filter_values_are_400_field_errors(client, url, field):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == [field]


def test_registration_bodies_are_one_of_per_kind_with_a_discriminator(client):
    document = client.get("/api/schema/").json()
    schemas = document["components"]["schemas"]
    body = document["paths"][REGISTRATIONS]["post"]["requestBody"]["content"][
        "application/json"]["schema"]
    request = schemas[body["$ref"].rsplit("/", 1)[-1]]
    assert request["discriminator"]["propertyName"] == "kind"
    assert set(request["discriminator"]["mapping"]) >= {"attendee", "participant", "employer",
                                                         "jobseeker"}
    employer = schemas["EmployerRegistration"]
    assert {"company", "trades", "open_positions", "consent"} <= set(employer["required"])
    assert employer["properties"]["trades"]["type"] == "array"
    consent = employer["properties"]["consent"]["allOf"][0]["$ref"].rsplit("/", 1)[-1]
    assert schemas[consent]["type"] == "boolean"


def test_occurrence_filters_document_their_choices(client, make_event):
    make_event()
    parameters = {p["name"]: p for p in client.get("/api/schema/").json()["paths"][
        "/api/v2/occurrences/"]["get"]["parameters"]}
    assert {"locale", "event_type", "category", "audience", "city", "language", "date_from",
            "date_to", "limit", "offset"} <= set(parameters)
    assert {"event", "training", "jobfair"} <= set(parameters["event_type"]["schema"]["enum"])
    assert {"all", "de"} <= set(parameters["locale"]["schema"]["enum"])
    assert parameters["date_from"]["schema"]["format"] == "date"


def test_the_write_limit_is_a_throttle_of_the_one_limiter(client, settings):
    settings.API_WRITE_RATE_LIMIT = "1/m"
    assert post(client, {}).status_code == 400
    limited = post(client, {})
    assert limited.status_code == 429 and int(limited["Retry-After"]) >= 1
    assert limited.json() == {"detail": limited.json()["detail"]}


def test_the_document_states_what_a_registration_refuses(client, option):
    """Rules the form enforces are in the schema, so schema-valid bodies are not refused:
    a body is required, consent must be true, a required text must not be blank or hold NUL,
    a required list must not be empty."""
    import re

    document = client.get("/api/schema/").json()
    assert document["paths"][REGISTRATIONS]["post"]["requestBody"]["required"] is True
    schemas = document["components"]["schemas"]
    attendee = schemas["AttendeeRegistration"]["properties"]
    consent = schemas[attendee["consent"]["allOf"][0]["$ref"].rsplit("/", 1)[-1]]
    assert consent == {"type": "boolean", "enum": [True]}
    name_pattern = re.compile(attendee["name"]["pattern"])
    assert name_pattern.search("Ada") and not name_pattern.search("  ")
    assert not name_pattern.search("A\x00da")
    assert schemas["EmployerRegistration"]["properties"]["trades"]["minItems"] == 1
    for name, value in (("name", "   "), ("name", "A\x00da"), ("consent", False)):
        response = post(client, valid(option, **{name: value}))
        assert response.status_code == 400 and name in response.json()["errors"], response.content
