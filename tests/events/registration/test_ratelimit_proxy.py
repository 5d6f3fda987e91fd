"""Rate limits behind a reverse proxy: one allowance per client (not per proxy), spoofed
X-Forwarded-For entries do not help, every 429 says when to retry, bad rates fail `check`."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"  # REMOTE_ADDR of every request: the reverse proxy


def form_url(option):
    return f"/de/registration/{option.occurrence.uid}/{option.kind}/"


def post_form(client, option, forwarded_for):
    # The limit counts before validation: an empty form is enough to use up the allowance.
    return client.post(form_url(option), {}, REMOTE_ADDR=PROXY,
                       headers={"X-Forwarded-For": forwarded_for})


def post_api(client, option, forwarded_for=None, email="ada@example.org"):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post("/api/v2/registrations/", json.dumps({
        "occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
        "email": email, "consent": True}), content_type="application/json",
        REMOTE_ADDR=PROXY, headers=headers)


@override_settings(REGISTRATION_RATE_LIMIT="1/m", EVENTS_TRUSTED_PROXY_COUNT=1)
def test_two_visitors_behind_one_proxy_each_get_their_own_allowance(client, option):
    assert post_form(client, option, "198.51.100.7").status_code == 400
    assert post_form(client, option, "203.0.113.9").status_code == 400  # not the proxy's 429
    assert post_form(client, option, "198.51.100.7").status_code == 429


@override_settings(REGISTRATION_RATE_LIMIT="1/m", EVENTS_TRUSTED_PROXY_COUNT=1)
def test_a_spoofed_leftmost_forwarded_for_does_not_reset_the_allowance(client, option):
    # The proxy appends the address it saw; whatever the client sent stays on the left.
    assert post_form(client, option, "1.1.1.1, 198.51.100.7").status_code == 400
    assert post_form(client, option, "2.2.2.2, 198.51.100.7").status_code == 429
    assert post_form(client, option, "198.51.100.8, 198.51.100.7").status_code == 429


@override_settings(REGISTRATION_RATE_LIMIT="1/m", EVENTS_TRUSTED_PROXY_COUNT=1)
def test_ports_and_brackets_in_the_header_name_the_same_client(client, option):
    assert post_form(client, option, "198.51.100.7:51000").status_code == 400
    assert post_form(client, option, "198.51.100.7").status_code == 429
    assert post_form(client, option, "[2001:db8::1]:443").status_code == 400
    assert post_form(client, option, "2001:db8:0::1").status_code == 429


@override_settings(REGISTRATION_RATE_LIMIT="1/m", EVENTS_TRUSTED_PROXY_COUNT=2)
def test_two_proxies_key_on_the_second_entry_from_the_right(client, option):
    assert post_form(client, option, "6.6.6.6, 198.51.100.7, 10.1.0.1").status_code == 400
    assert post_form(client, option, "7.7.7.7, 198.51.100.7, 10.1.0.1").status_code == 429
    assert post_form(client, option, "6.6.6.6, 203.0.113.9, 10.1.0.1").status_code == 400


@override_settings(REGISTRATION_RATE_LIMIT="1/m")
def test_without_trusted_proxies_the_header_is_ignored(client, option):
    assert post_form(client, option, "198.51.100.7").status_code == 400
    assert post_form(client, option, "203.0.113.9").status_code == 429


@override_settings(REGISTRATION_RATE_LIMIT="1/m")
def test_the_registration_form_429_carries_retry_after(client, option):
    post_form(client, option, "")
    limited = post_form(client, option, "")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60


@override_settings(REGISTRATION_RATE_LIMIT="1/h")
def test_the_registrations_api_429_carries_retry_after(client, option):
    assert post_api(client, option).status_code == 201
    limited = post_api(client, option, email="ben@example.org")
    assert limited.status_code == 429 and limited.json()["detail"]
    assert 1 <= int(limited["Retry-After"]) <= 3600


@override_settings(API_WRITE_RATE_LIMIT="1/m", EVENTS_TRUSTED_PROXY_COUNT=1)
def test_api_writes_behind_the_proxy_are_limited_per_client(client, option):
    assert post_api(client, option, "198.51.100.7").status_code == 201
    assert post_api(client, option, "203.0.113.9", email="ben@example.org").status_code == 201
    limited = post_api(client, option, "9.9.9.9, 198.51.100.7", email="cy@example.org")
    assert limited.status_code == 429 and int(limited["Retry-After"]) >= 1


@pytest.mark.parametrize("name", ["REGISTRATION_RATE_LIMIT", "API_WRITE_RATE_LIMIT"])
@pytest.mark.parametrize("value", ["10/x", "abc", "-3/m", "ten/m"])
def test_check_fails_for_a_rate_that_is_not_one(name, value):
    with override_settings(**{name: value}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert name in str(error.value) and "events.E001" in str(error.value)


@pytest.mark.parametrize("value", ["two", "-1"])
def test_check_fails_for_a_bad_proxy_count(value):
    with override_settings(EVENTS_TRUSTED_PROXY_COUNT=value), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert "EVENTS_TRUSTED_PROXY_COUNT" in str(error.value)


@override_settings(REGISTRATION_RATE_LIMIT="5/h", API_WRITE_RATE_LIMIT="0",
                   EVENTS_TRUSTED_PROXY_COUNT="1")
def test_check_accepts_good_rates():
    call_command("check")
