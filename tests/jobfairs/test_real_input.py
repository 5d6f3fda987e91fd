"""Input employers and job-seekers really send: addresses and experience over several lines,
bad characters as field errors in German, and the check-in desk's POST with a broken id."""

import pytest
from django.urls import reverse

from events.models import Registration
from tests.posting import (
    CONTROL_MESSAGE_DE,
    MULTILINE,
    STORED_MULTILINE,
    api_post,
    hidden_fields,
    post_committed,
    registration_url,
    rerendered_fields,
)

pytestmark = pytest.mark.django_db


def employer(**overrides):
    return {"name": "Jana Richter", "email": "jana@example.org", "language": "de",
            "consent": "on", "company": "Richter Bau GmbH", "phone": "0341 123456",
            "address": MULTILINE, "trades": ["maurer"], "open_positions": "2",
            "apprenticeships": "1", "interviews": "4", "needs": MULTILINE, **overrides}


def jobseeker(**overrides):
    return {"name": "Mariam Haidari", "email": "mariam@example.org", "language": "de",
            "consent": "on", "phone": "", "trades": ["maurer"], "german_level": "B1",
            "recognition": "in_progress", "experience": MULTILINE, **overrides}


def test_employer_form_keeps_line_breaks_in_address_and_needs(
        client, occurrence, django_capture_on_commit_callbacks):
    url = registration_url(occurrence, "employer")
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**employer(), **hidden_fields(client, url)})
    assert response.status_code == 302, response.content
    data = Registration.objects.get().data
    assert data["address"] == STORED_MULTILINE and data["needs"] == STORED_MULTILINE
    assert client.get(response["Location"]).status_code == 200


def test_jobseeker_form_keeps_line_breaks_in_the_experience(
        client, occurrence, django_capture_on_commit_callbacks):
    url = registration_url(occurrence, "jobseeker")
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**jobseeker(), **hidden_fields(client, url)})
    assert response.status_code == 302, response.content
    assert Registration.objects.get().data["experience"] == STORED_MULTILINE
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("kind", "answers", "field"), [
    ("employer", employer(company="Richter\x00Bau"), "company"),
    ("employer", employer(address="Hauptstraße 1\u2066\r\nLeipzig"), "address"),
    ("jobseeker", jobseeker(phone="0176\t123"), "phone"),
])
def test_bad_characters_are_german_field_errors_and_the_same_token_then_works(
        client, occurrence, django_capture_on_commit_callbacks, kind, answers, field):
    url = registration_url(occurrence, kind)
    hidden = hidden_fields(client, url)
    refused = post_committed(client, django_capture_on_commit_callbacks, url,
                             {**answers, **hidden})
    assert refused.status_code == 400
    errors = refused.context["form"].errors
    assert list(errors) == [field]
    assert CONTROL_MESSAGE_DE in errors[field][0] or "Null" in errors[field][0]
    assert errors[field][0] in refused.content.decode()
    again = rerendered_fields(refused)
    assert again["form_token"] == hidden["form_token"]
    correct = employer() if kind == "employer" else jobseeker()
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**correct, **again})
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_employer_api_keeps_line_breaks_and_the_key_replays_the_answer(
        client, occurrence, django_capture_on_commit_callbacks):
    payload = {"occurrence": occurrence.pk, "kind": "employer", "name": "Jana Richter",
               "email": "jana@example.org", "consent": True, "company": "Richter Bau GmbH",
               "phone": "0341 123456", "address": MULTILINE, "trades": ["Maurer/-in"],
               "needs": MULTILINE, "open_positions": 2, "apprenticeships": 0, "interviews": 4}
    key = {"Idempotency-Key": "employer-multiline"}
    response = api_post(client, django_capture_on_commit_callbacks, payload, **key)
    assert response.status_code == 201, response.content
    data = Registration.objects.get().data
    assert data["address"] == STORED_MULTILINE and data["needs"] == STORED_MULTILINE
    again = api_post(client, django_capture_on_commit_callbacks, payload, **key)
    assert again.status_code == 201 and again.json() == response.json()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("value", ["abc", "", "²", "99999999999999999999"])
def test_check_in_post_with_a_bad_registration_id_is_a_400(client, staff, occurrence, value):
    client.force_login(staff)
    response = client.post(reverse("jobfairs_admin:check_in", args=[occurrence.pk]),
                           {"registration": value})
    assert response.status_code == 400
    assert response.content
