"""Sessions in the calendar feeds (type and audience filters) and modules in the API v2."""

import pytest
from icalendar import Calendar

from tests.events import conftest as event_fixtures

event_index, make_event = event_fixtures.event_index, event_fixtures.make_event

pytestmark = pytest.mark.django_db


def summaries(client, query):
    response = client.get(f"/feeds/events.ics?{query}")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))


def test_feed_filters_trainings_by_type_and_audience(client, make_module, make_event):
    make_module(title="Schulung KMU", audiences=["sme"])
    make_module(title="Schulung Ehrenamt", audiences=["volunteers"])
    make_event(title="Netzwerktreffen")
    assert summaries(client, "type=training") == ["Schulung Ehrenamt", "Schulung KMU"]
    assert summaries(client, "type=training&audience=sme") == ["Schulung KMU"]
    assert "Netzwerktreffen" in summaries(client, "")
    assert "Schulung KMU" not in summaries(client, "type=event")


def test_api_lists_modules_with_all_fields_and_live_places(client, session, register):
    register(session)
    response = client.get("/api/v2/pages/?type=trainings.TrainingModulePage&fields=*")
    assert response.status_code == 200, response.content[:500]
    item = response.json()["items"][0]
    assert item["topic"] == "language_awareness" and item["max_group_size"] == 2
    assert item["trainer_list"][0]["name"] == "Dr. Amal Haddad"
    assert len(item["audiences"]) == 1
    [api_session] = item["sessions"]
    assert api_session["uid"] == str(session.uid)
    assert api_session["venue"]["city"] == "Leipzig"
    assert api_session["registration"] == [{"kind": "participant", "open": True, "capacity": 2,
                                            "remaining": 1, "waitlist": True}]
    register(session)
    again = client.get(f"/api/v2/pages/{session.page_id}/").json()
    assert again["sessions"][0]["registration"][0]["remaining"] == 0


def test_api_programme_fields(client, programme):
    response = client.get("/api/v2/pages/?type=trainings.TrainingProgrammePage&fields=*")
    assert response.status_code == 200
    assert "funding_notice" in response.json()["items"][0]
