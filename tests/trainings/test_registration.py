"""Participant registration per session through the registration engine: form, API, waitlist."""

import json
import re

import pytest

from events.models import Registration, RegistrationOption, RegistrationState
from events.registration.kinds import get_kind
from trainings.choices import OrganisationType

from .conftest import in_days

pytestmark = pytest.mark.django_db
S = RegistrationState
CODES = ["employment_administration", "sme", "counselling_services", "education_providers",
         "teachers", "chambers_and_companies", "municipal_administration", "volunteers"]


def form_url(occurrence, language="en"):
    return f"/{language}/registration/{occurrence.uid}/participant/"


def fresh_fields(client, url):
    html = client.get(url).content.decode()
    return {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("rendered", "form_token")}


def test_participant_kind_asks_the_organisation_type_with_the_audience_codes():
    kind = get_kind("participant")
    assert kind.default_waitlist and not kind.default_requires_approval and kind.public
    field = kind.form_class.base_fields["organisation_type"]
    assert [code for code, _label in field.choices if code] == CODES
    assert OrganisationType.values == CODES


def test_publishing_a_module_gives_each_session_its_places(make_module):
    module = make_module(max_group_size=12, sessions=[in_days(5), in_days(9)])
    options = RegistrationOption.objects.filter(occurrence__page=module)
    assert [(o.kind, o.capacity, o.waitlist_enabled) for o in options] == [
        ("participant", 12, True)] * 2


def test_places_changed_by_editors_survive_a_republish(session):
    option = session.registration_options.get()
    option.capacity = 30
    option.save()
    session.page.specific.save_revision().publish()
    assert session.registration_options.get().capacity == 30


def test_register_through_the_form_confirm_and_see_the_state(client, session, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    url = form_url(session)
    data = {"name": "Олена Шевченко", "email": "olena@example.org", "language": "en",
            "consent": "on", "website": "", "organisation": "Jobcenter Leipzig",
            "organisation_type": "employment_administration", "role": "Counsellor",
            "phone": "", "accessibility_needs": "Step-free access", **fresh_fields(client, url)}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.state == S.PENDING
    assert registration.data["organisation_type"] == "employment_administration"
    assert registration.data["accessibility_needs"] == "Step-free access"
    confirm = re.search(r"https?://\S+(/en/registration/confirm/\S+/)", mailoutbox[0].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(confirm)
    registration.refresh_from_db()
    assert registration.state == S.CONFIRMED


def test_the_form_refuses_an_unknown_organisation_type(client, session,
                                                       django_capture_on_commit_callbacks):
    url = form_url(session)
    data = {"name": "Ada", "email": "ada@example.org", "language": "en", "consent": "on",
            "organisation": "X", "organisation_type": "migrants", "role": "Y",
            **fresh_fields(client, url)}
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'id="id_organisation_type_error"' in response.content.decode()
    assert not Registration.objects.exists()


def api_post(client, body):
    return client.post("/api/v2/registrations/", json.dumps(body), content_type="application/json")


def test_register_through_the_api(client, session, django_capture_on_commit_callbacks):
    body = {"occurrence": session.pk, "kind": "participant", "name": "Ahmad Karimi",
            "email": "ahmad@example.org", "consent": True, "organisation": "IHK Chemnitz",
            "organisation_type": "chambers_and_companies", "role": "Ausbildungsberater"}
    with django_capture_on_commit_callbacks(execute=True):
        response = api_post(client, body)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    missing = api_post(client, {**body, "email": "b@example.org", "organisation_type": ""})
    assert missing.status_code == 400
    assert "organisation_type" in missing.json()["errors"]


def test_a_full_session_puts_people_on_the_waiting_list(client, session, register):
    # session: max group size 2
    first, second = register(session), register(session)
    third = register(session)
    assert (first.state, second.state, third.state) == (S.PENDING, S.PENDING, S.WAITLISTED)
    api = client.get("/api/v2/occurrences/").json()
    item = next(row for row in api["items"] if row["uid"] == str(session.uid))
    assert item["registration"] == [{"kind": "participant", "open": True, "capacity": 2,
                                     "remaining": 0, "waitlist": True}]
    html = client.get(form_url(session)).content.decode()
    assert "Join the waiting list" in html


def test_phone_is_stored_once_in_its_own_column_not_in_the_kind_data():
    from events.registration.forms import api_form_class

    form = api_form_class(get_kind("participant"))(data={
        "name": "Olena Kovalenko", "email": "olena@example.org", "consent": True,
        "organisation": "Jobcenter Leipzig", "organisation_type": "employment_administration",
        "role": "Beraterin", "phone": "0341 123456", "language": "uk",
    })
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "0341 123456"
    assert "phone" not in form.extra_data()
    assert form.extra_data()["organisation"] == "Jobcenter Leipzig"
