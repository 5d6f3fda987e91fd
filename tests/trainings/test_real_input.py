"""Input people really send through the trainings forms: line breaks kept, bad characters as
field errors, one-time tokens that are spent once and only by a request that succeeded."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

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
from trainings.models import InHouseRequest

pytestmark = pytest.mark.django_db
INHOUSE_URL = "/de/schulungen/anfrage/"


def participant(**overrides):
    return {"name": "Olena Shevchenko", "email": "olena@example.org", "language": "de",
            "consent": "on", "organisation": "Jobcenter Leipzig",
            "organisation_type": "employment_administration", "role": "Beraterin",
            "phone": "", "accessibility_needs": MULTILINE, **overrides}


def test_participant_form_keeps_line_breaks_and_tabs_of_the_accessibility_needs(
        client, session, django_capture_on_commit_callbacks):
    url = registration_url(session, "participant")
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**participant(), **hidden_fields(client, url)})
    assert response.status_code == 302, response.content
    assert Registration.objects.get().data["accessibility_needs"] == STORED_MULTILINE
    assert client.get(response["Location"]).status_code == 200


def test_participant_control_character_in_a_single_line_field_then_the_same_token_works(
        client, session, django_capture_on_commit_callbacks):
    url = registration_url(session, "participant")
    hidden = hidden_fields(client, url)
    refused = post_committed(client, django_capture_on_commit_callbacks, url,
                             {**participant(role="Berater\r\nin"), **hidden})
    assert refused.status_code == 400
    assert refused.context["form"].errors["role"] == [CONTROL_MESSAGE_DE]
    assert CONTROL_MESSAGE_DE in refused.content.decode()
    again = rerendered_fields(refused)
    assert again["form_token"] == hidden["form_token"]
    response = post_committed(client, django_capture_on_commit_callbacks, url,
                              {**participant(), **again})
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_participant_api_keeps_line_breaks(client, session, django_capture_on_commit_callbacks):
    response = api_post(client, django_capture_on_commit_callbacks, {
        "occurrence": session.pk, "kind": "participant", "name": "Ahmad Karimi",
        "email": "ahmad@example.org", "consent": True, "organisation": "IHK Chemnitz",
        "organisation_type": "chambers_and_companies", "role": "Ausbildungsberater",
        "accessibility_needs": MULTILINE}, **{"Idempotency-Key": "participant-1"})
    assert response.status_code == 201, response.content
    assert Registration.objects.get().data["accessibility_needs"] == STORED_MULTILINE


@pytest.fixture
def module(make_module):
    return make_module(title="Interkulturell handeln", topic="intercultural_competence")


def inhouse(module, **overrides):
    return {"module": module.pk, "organisation": "Stadtverwaltung Chemnitz",
            "contact_name": "Maria Schmidt", "email": "maria@example.org", "phone": "",
            "preferred_period": "März, dienstags", "participants": "14",
            "place": "our_premises", "location": "Chemnitz", "message": MULTILINE,
            "consent": "on", **overrides}


@override_settings(TRAININGS_NOTIFY_EMAILS=["schulungen@example.org"])
def test_inhouse_form_token_is_spent_once_two_sends_give_one_request_and_one_notice(
        client, programme, module, mailoutbox, django_capture_on_commit_callbacks):
    hidden = hidden_fields(client, INHOUSE_URL)
    first = post_committed(client, django_capture_on_commit_callbacks, INHOUSE_URL,
                           {**inhouse(module), **hidden})
    assert first.status_code == 302, first.content
    second = post_committed(client, django_capture_on_commit_callbacks, INHOUSE_URL,
                            {**inhouse(module), **hidden})
    assert second.status_code == 302 and second["Location"] == first["Location"]
    request = InHouseRequest.objects.get()
    assert request.message == STORED_MULTILINE
    assert len(mailoutbox) == 1
    assert client.get(first["Location"]).status_code == 200


def test_inhouse_control_character_is_a_field_error_and_the_token_still_works(
        client, programme, module, django_capture_on_commit_callbacks):
    hidden = hidden_fields(client, INHOUSE_URL)
    refused = post_committed(client, django_capture_on_commit_callbacks, INHOUSE_URL,
                             {**inhouse(module, contact_name="Maria\x1bSchmidt"), **hidden})
    assert refused.status_code == 400
    assert refused.context["form"].errors["contact_name"] == [CONTROL_MESSAGE_DE]
    assert CONTROL_MESSAGE_DE in refused.content.decode()
    refused_message = post_committed(client, django_capture_on_commit_callbacks, INHOUSE_URL,
                                     {**inhouse(module, message="Hallo\u202eWelt"),
                                      **rerendered_fields(refused)})
    assert refused_message.status_code == 400
    assert list(refused_message.context["form"].errors) == ["message"]
    response = post_committed(client, django_capture_on_commit_callbacks, INHOUSE_URL,
                              {**inhouse(module), **rerendered_fields(refused_message)})
    assert response.status_code == 302
    assert InHouseRequest.objects.count() == 1


@pytest.mark.parametrize("value", ["abc", "", "1.5", "²", "99999999999999999999", "-1"])
def test_attendance_post_with_a_bad_registration_id_is_a_400(client, django_user_model,
                                                             session, value):
    manager = django_user_model.objects.create_user("door", "door@example.org", "x")
    manager.groups.add(Group.objects.get(name="Registration managers"))
    client.force_login(manager)
    response = client.post(f"/admin/trainings/attendance/{session.pk}/",
                           {"registration": value, "action": "attended"})
    assert response.status_code == 400
    assert response.content
