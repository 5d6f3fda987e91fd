"""`/api/v2/exhibitors/?fair=<id>`: the public exhibitor list of a job fair, nothing more."""

import json

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v2/exhibitors/"


def test_lists_consenting_approved_exhibitors_without_contact_data(client, fair, make_employer):
    make_employer(company="Bau Muster GmbH", trades=["maurer"])
    make_employer(company="Geheim KG", public=False)
    make_employer(company="Wartend GmbH", approve=False)
    response = client.get(URL, {"fair": fair.pk})
    data = response.json()
    assert data["meta"]["total_count"] == 1
    assert data["items"][0]["company"] == "Bau Muster GmbH"
    assert [trade["slug"] for trade in data["items"][0]["trades"]] == ["maurer"]
    text = json.dumps(data)
    assert "firma" not in text and "Kontakt" not in text and "Geheim" not in text
    assert response["ETag"]


def test_wrong_or_missing_fair(client, fair, event_index):
    assert client.get(URL).json()["errors"]["fair"]
    assert client.get(URL, {"fair": "x"}).status_code == 400
    assert client.get(URL, {"fair": event_index.pk}).status_code == 404
    fair.unpublish()
    assert client.get(URL, {"fair": fair.pk}).status_code == 404
