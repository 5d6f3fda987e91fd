"""CORS for the configured origins only; a per-client limit on every API write; open reads."""

import json

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db
ORIGIN = "https://frontend.example.org"


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_allowed_origin_gets_cors_headers(client):
    response = client.get("/api/v2/pages/", headers={"Origin": ORIGIN})
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_preflight_for_registration_post(client):
    response = client.options("/api/v2/registrations/", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,idempotency-key"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "idempotency-key" in response["Access-Control-Allow-Headers"]


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_other_origins_and_non_api_paths_get_none(client, home_page):
    response = client.get("/api/v2/pages/", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response
    response = client.get("/de/", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response


def test_default_allows_no_origin(client):
    response = client.get("/api/v2/pages/", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response


@override_settings(API_WRITE_RATE_LIMIT="3/m")
def test_writes_are_limited_per_client_address(client):
    def post(address):
        return client.post("/api/v2/registrations/", json.dumps({}),
                           content_type="application/json", REMOTE_ADDR=address)

    assert [post("10.0.0.1").status_code for _ in range(3)] == [400, 400, 400]
    limited = post("10.0.0.1")
    assert limited.status_code == 429 and limited.json()["detail"]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert post("10.0.0.2").status_code == 400  # another client has its own allowance


@override_settings(API_WRITE_RATE_LIMIT="1/m")
def test_reads_are_not_limited_and_need_no_key(client):
    for _ in range(5):
        assert client.get("/api/v2/pages/").status_code == 200
        assert client.get("/api/v2/occurrences/").status_code == 200
