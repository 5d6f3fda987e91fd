"""JSON API: listing dates with places, and registering with the same validation as the form."""

import json

import pytest
from django.test import override_settings

from events.models import Registration

pytestmark = pytest.mark.django_db
URL = "/api/v2/registrations/"


@pytest.fixture
def api(client, django_capture_on_commit_callbacks):
    def post(body, **headers):
        if not isinstance(body, bytes | str):
            body = json.dumps(body)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, body, content_type="application/json",
                               headers=headers or None)
    return post


def body(option, **overrides):
    return {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
            "email": "ada@example.org", "consent": True, **overrides}


def test_occurrences_lists_upcoming_dates_with_places(client, option, register):
    register(option)
    response = client.get("/api/v2/occurrences/")
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["id"] == option.occurrence_id
    assert item["page"] == {"id": option.occurrence.page_id, "title": option.occurrence.page.title}
    assert item["status"] == "scheduled" and item["start"] and item["end"]
    assert item["registration"] == [{"kind": "attendee", "open": True, "capacity": 5,
                                     "remaining": 4, "waitlist": True}]


def test_occurrences_query_count_does_not_grow_with_rows(client, make_option,
                                                         django_assert_max_num_queries):
    for _ in range(5):
        make_option()
    client.get("/api/v2/occurrences/")  # fill the count cache
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v2/occurrences/").json()["items"]) == 5


def test_register_answers_201_with_an_opaque_reference(api, option, mailoutbox):
    response = api(body(option))
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "pending"
    assert data["reference"] == Registration.objects.get().reference
    assert len(mailoutbox) == 1


def test_waitlisted_and_awaiting_approval_statuses(api, make_option):
    option = make_option(capacity=1, requires_approval=True)
    assert api(body(option, email="a@example.org")).json()["status"] == "awaiting_approval"
    assert api(body(option, email="b@example.org")).json()["status"] == "waitlisted"


def test_validation_errors_are_400_per_field(api, option):
    response = api(body(option, email="nope", consent=False, name=""))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) >= {"email", "consent", "name"}


def test_unknown_kind_is_400_and_unknown_date_404(api, option):
    response = api(body(option, kind="wizard", occurrence=999999))
    assert response.status_code == 400
    assert set(response.json()["errors"]) >= {"kind"}
    response = api(body(option, occurrence=999999))
    assert response.status_code == 404
    public = api(body(option))
    assert public.status_code == 201


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"\"text\"", b"null", b"\xff\xfe",
                                 b"", b"[" * 100000, json.dumps({"occurrence": [1], "kind": {}}).encode(),
                                 json.dumps({"occurrence": True, "kind": "attendee"}).encode(),
                                 json.dumps({"occurrence": "1" * 40, "kind": "attendee"}).encode()])
def test_garbage_bodies_get_json_400_never_500(api, option, raw):
    response = api(raw[:60000])
    assert response.status_code == 400
    assert "errors" in response.json()


def test_body_over_64_kb_is_413(api, option):
    response = api(body(option, name="x" * 70000))
    assert response.status_code == 413
    assert "detail" in response.json()


def test_full_date_without_waiting_list_is_409(api, make_option):
    option = make_option(capacity=1, waitlist_enabled=False)
    assert api(body(option, email="a@example.org")).status_code == 201
    response = api(body(option, email="b@example.org"))
    assert response.status_code == 409 and response.json()["code"] == "full"


def test_cancelled_or_closed_date_is_409(api, make_option):
    from django.utils import timezone

    option = make_option(closes_at=timezone.now())
    response = api(body(option))
    assert response.status_code == 409 and response.json()["code"] == "closed"


def test_duplicate_is_409_with_a_message_on_the_email_field(api, option):
    api(body(option))
    response = api(body(option, email="ADA@Example.org "))
    assert response.status_code == 409
    assert response.json()["errors"]["email"]
    assert Registration.objects.count() == 1


def test_idempotency_key_returns_the_first_answer_again(api, option):
    first = api(body(option), **{"Idempotency-Key": "abc-123"})
    second = api(body(option), **{"Idempotency-Key": "abc-123"})
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Registration.objects.count() == 1
    other = api(body(option, name="Eve"), **{"Idempotency-Key": "abc-123"})
    assert other.status_code == 422


def test_api_needs_no_csrf_token(option, django_capture_on_commit_callbacks):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, json.dumps(body(option)), content_type="application/json")
    assert response.status_code == 201


def test_wrong_method_is_json(client):
    response = client.get(URL)
    assert response.status_code == 405 and "detail" in response.json()


@override_settings(REGISTRATION_RATE_LIMIT="1/m")
def test_api_rate_limit(api, option):
    assert api(body(option)).status_code == 201
    response = api(body(option, email="b@example.org"))
    assert response.status_code == 429 and "detail" in response.json()


def test_busy_lock_answers_503_with_retry_after(api, option, monkeypatch):
    from events.registration import services

    def busy(*args, **kwargs):
        raise services.RegistrationBusy()

    monkeypatch.setattr(services, "register", busy)
    response = api(body(option))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_kind_fields_are_validated_like_the_form(api, make_option):
    from django import forms

    from events.registration.kinds import RegistrationKind, register_kind

    class CompanyForm(forms.Form):
        company = forms.CharField(max_length=20)

    register_kind(RegistrationKind(name="testcompany", label="Company", form_class=CompanyForm))
    option = make_option(kind="testcompany")
    assert api(body(option)).json()["errors"]["company"]
    response = api(body(option, company="ACME"))
    assert response.status_code == 201
    assert Registration.objects.get().data == {"company": "ACME"}
