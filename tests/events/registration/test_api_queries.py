"""Registering through the JSON API costs a fixed, small number of queries, with everything a
registration brings along: the statistics fact, the audit-log entry and the e-mail task."""

import json

import pytest
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, ModelLogEntry

from events.models import Registration, RegistrationFact, RegistrationOption, Venue

pytestmark = pytest.mark.django_db
URL = "/api/v2/registrations/"
# Two for the public-date check (view restrictions; the option with its date, page, venue and
# the page's registration questions, so the serializer reads none), the row lock, one count
# (places and duplicate address), the registration, its statistics fact, its audit-log entry,
# and the e-mail task once committed: 8, as in production. PostgreSQL sets the lock timeout
# first. The test's own transaction adds a savepoint and its release around the service's.
# Before the public-date check, the fact's reads and the log entry were trimmed it was 16 (17 on
# PostgreSQL); 10 before the questions came with the option.
BUDGET = 8 + (connection.vendor == "postgresql") + 2


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_one_registration_through_the_api_stays_within_its_query_budget(
        client, make_event, django_assert_max_num_queries, django_capture_on_commit_callbacks):
    venue = Venue.objects.create(name="Rathaus", city="Leipzig", district="Mitte",
                                 locale=Locale.get_default())
    page = make_event(title="Bewerbungstraining", venue=venue)
    option = RegistrationOption.objects.create(occurrence=page.occurrences.get(), kind="attendee",
                                               capacity=5)
    body = {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
            "email": "warm@example.org", "consent": True}
    with django_capture_on_commit_callbacks(execute=True):  # caches of the first request
        assert client.post(URL, json.dumps(body), content_type="application/json").status_code == 201
    body["email"] = "ada@example.org"
    with django_assert_max_num_queries(BUDGET), \
            django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, json.dumps(body), content_type="application/json",
                               headers={"Idempotency-Key": "budget"})
    assert response.status_code == 201, response.content
    registration = Registration.objects.get(reference=response.json()["reference"])
    fact = RegistrationFact.objects.get(registration=registration)
    # What the fact stores was read with the date, before the lock: the page's venue's district.
    assert (fact.title, fact.district, fact.state) == ("Bewerbungstraining", "Mitte", "pending")
    assert fact.source_page_id == option.occurrence.page_id
    assert fact.date == timezone.localtime(option.occurrence.start).date()
    entry = ModelLogEntry.objects.get(object_id=str(registration.pk))
    assert entry.action == "events.registration.created" and entry.data == {"state": "pending"}
    assert entry.label == str(registration)
    # The confirmation e-mail waits in the task table (publishing the page queued others).
    assert [registration.pk, "confirm"] in [
        task.args_kwargs["args"][1] for task in DBTaskResult.objects.all()
        if task.args_kwargs["args"][:1] == ["events.registration.emails.send_registration_email"]]
