"""The in-house request form's rate limit: per client behind the proxy, with Retry-After."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def post(client, forwarded_for):
    return client.post("/en/schulungen/anfrage/", {}, REMOTE_ADDR="10.0.0.2",
                       headers={"X-Forwarded-For": forwarded_for})


@override_settings(REGISTRATION_RATE_LIMIT="1/m", EVENTS_TRUSTED_PROXY_COUNT=1)
def test_inhouse_form_limits_each_client_and_says_when_to_retry(client, programme):
    assert post(client, "198.51.100.7").status_code == 400
    assert post(client, "203.0.113.9").status_code == 400  # another visitor, same proxy
    limited = post(client, "1.1.1.1, 198.51.100.7")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "Too many requests" in limited.content.decode()
