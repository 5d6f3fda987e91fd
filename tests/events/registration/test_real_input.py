"""Input people really send, through the public form and the API: bad characters are field
errors (never a 500), and a failed request never spends the form token or the Idempotency-Key."""

import json

import pytest

from events.models import Registration
from events.registration import services
from tests.posting import (
    CONTROL_MESSAGE_DE,
    api_post,
    hidden_fields,
    post_committed,
    registration_url,
    rerendered_fields,
)

pytestmark = pytest.mark.django_db


def attendee(**overrides):
    return {"name": "Ada Lovelace", "email": "ada@example.org", "language": "de",
            "consent": "on", **overrides}


def api_body(option, **overrides):
    return {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
            "email": "ada@example.org", "consent": True, **overrides}


def test_a_control_character_in_the_name_is_a_german_field_error_and_the_token_stays_valid(
        client, option, django_capture_on_commit_callbacks):
    url = registration_url(option.occurrence, "attendee")
    hidden = hidden_fields(client, url)
    refused = post_committed(client, django_capture_on_commit_callbacks, url,
                             {**attendee(name="Ada\tLovelace\x07"), **hidden})
    assert refused.status_code == 400
    assert refused.context["form"].errors["name"] == [CONTROL_MESSAGE_DE]
    assert CONTROL_MESSAGE_DE in refused.content.decode()
    assert not Registration.objects.exists()
    again = rerendered_fields(refused)
    assert again["form_token"] == hidden["form_token"]
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**attendee(), **again})
    assert response.status_code == 302
    assert Registration.objects.get().name == "Ada Lovelace"
    assert client.get(response["Location"]).status_code == 200


def test_an_unexpected_error_gives_the_form_token_back(client, option, monkeypatch,
                                                       django_capture_on_commit_callbacks):
    url = registration_url(option.occurrence, "attendee")
    hidden = hidden_fields(client, url)
    register = services.register

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "register", broken)
    client.raise_request_exception = False  # answer as the server would: a 500 page
    assert client.post(url, {**attendee(), **hidden}).status_code == 500
    monkeypatch.setattr(services, "register", register)
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**attendee(), **hidden})
    assert response.status_code == 302  # not "Your registration is being processed"
    assert Registration.objects.count() == 1
    # A double submit of the successful form lands on the same registration.
    second = post_committed(client, django_capture_on_commit_callbacks, url,
                            {**attendee(), **hidden})
    assert second.status_code == 302 and second["Location"] == response["Location"]
    assert Registration.objects.count() == 1


def test_api_control_character_in_a_single_line_field_is_a_field_error(
        client, option, django_capture_on_commit_callbacks):
    response = api_post(client, django_capture_on_commit_callbacks,
                        api_body(option, name="Ada\r\nLovelace"))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["name"]


def test_api_key_after_a_400_takes_the_corrected_body(client, option,
                                                      django_capture_on_commit_callbacks):
    key = {"Idempotency-Key": "retry-after-400"}
    refused = api_post(client, django_capture_on_commit_callbacks,
                       api_body(option, name="Ada\x00"), **key)
    assert refused.status_code == 400 and "name" in refused.json()["errors"]
    corrected = api_post(client, django_capture_on_commit_callbacks, api_body(option), **key)
    assert corrected.status_code == 201, corrected.content
    replayed = api_post(client, django_capture_on_commit_callbacks, api_body(option), **key)
    assert replayed.status_code == 201 and replayed["Idempotent-Replayed"] == "true"
    assert replayed.json() == corrected.json()
    assert Registration.objects.count() == 1


def test_api_key_after_an_unexpected_error_is_free_for_the_retry(client, option, monkeypatch,
                                                                  django_capture_on_commit_callbacks):
    key = {"Idempotency-Key": "retry-after-500"}
    register = services.register

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "register", broken)
    client.raise_request_exception = False  # answer as the server would: a 500
    assert api_post(client, django_capture_on_commit_callbacks, api_body(option),
                    **key).status_code == 500
    monkeypatch.setattr(services, "register", register)
    retry = api_post(client, django_capture_on_commit_callbacks, api_body(option), **key)
    assert retry.status_code == 201, retry.content  # not 409 "still being processed"
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("raw", [
    '{"occurrence": %d, "kind": "attendee", "name": "Ada \\ud800", "email": "a@example.org", "consent": true}',
    '{"occurrence": %d, "kind": "attendee", "name": "Ada", "email": "a@example.org", "consent": true, '
    '"notes": ["\\udfff"]}',
    '{"occurrence": %d, "kind": "attendee", "\\ud800": 1, "name": "Ada", "email": "a@example.org", '
    '"consent": true}',
])
def test_api_lone_surrogate_is_a_json_400(client, option, django_capture_on_commit_callbacks, raw):
    response = api_post(client, django_capture_on_commit_callbacks, raw % option.occurrence_id,
                        **{"Idempotency-Key": "surrogate"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"]
    assert not Registration.objects.exists()
    fixed = api_post(client, django_capture_on_commit_callbacks, api_body(option),
                     **{"Idempotency-Key": "surrogate"})
    assert fixed.status_code == 201


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", ""])
def test_api_refuses_a_body_that_is_not_declared_json_with_415(client, option, content_type,
                                                                 django_capture_on_commit_callbacks):
    response = api_post(client, django_capture_on_commit_callbacks, api_body(option),
                        content_type=content_type)
    assert response.status_code == 415
    assert set(response.json()) == {"detail"} and response.json()["detail"]
    assert not Registration.objects.exists()


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8",
                                          "application/merge-patch+json"])
def test_api_takes_json_with_parameters_and_json_suffix_types(client, option, content_type,
                                                              django_capture_on_commit_callbacks):
    response = api_post(client, django_capture_on_commit_callbacks,
                        json.dumps(api_body(option)), content_type=content_type)
    assert response.status_code == 201
