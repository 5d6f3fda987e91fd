"""A job posting sent with an employer's API registration: the OpenAPI document says what the
description must be (not blank, not only spaces), as the validation requires (schemathesis
found blank descriptions that the document accepted refused with 400)."""

import json
import re

import pytest

from events.models import Registration

from .test_signup_postings import api_body

pytestmark = pytest.mark.django_db


def description_schema(client):
    schemas = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    postings = schemas["EmployerRegistration"]["properties"]["postings"]
    item = schemas[postings["items"]["$ref"].rsplit("/", 1)[1]]
    return item["properties"]["description"]


@pytest.mark.parametrize("text", ["", " ", "  \n\t "])
def test_a_blank_description_is_refused_and_the_schema_says_so(
        client, occurrence, text, django_capture_on_commit_callbacks):
    schema = description_schema(client)
    assert re.search(schema["pattern"], text) is None
    assert re.search(schema["pattern"], "Mauern im Hochbau.\nUnbefristet.")
    body = api_body(occurrence, [{"trade": "maurer", "level": "helper",
                                  "start_date": "2027-04-01", "places": 1,
                                  "description": text}])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v2/registrations/", json.dumps(body),
                               content_type="application/json")
    assert response.status_code == 400
    assert "postings" in response.json()["errors"]
    assert not Registration.objects.exists()
