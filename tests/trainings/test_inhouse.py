"""In-house requests: public form, editor notification, admin status (audit log), session."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from events.models import Occurrence, RegistrationOption
from trainings import services
from trainings.models import InHouseRequest, InHouseRequestStatus

pytestmark = pytest.mark.django_db


def request_url(programme, language="en"):
    return f"/{language}/schulungen/anfrage/"


def fresh_fields(client, url):
    html = client.get(url).content.decode()
    return {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("rendered", "form_token")}


@pytest.fixture
def module(make_module):
    return make_module(title="Interkulturell handeln", topic="intercultural_competence")


def post_request(client, programme, module, capture, **overrides):
    url = request_url(programme)
    data = {"module": module.pk, "organisation": "Stadtverwaltung Chemnitz",
            "contact_name": "Maria Schmidt", "email": "maria@example.org", "phone": "",
            "preferred_period": "March, Tuesdays", "participants": "14", "place": "our_premises",
            "location": "Chemnitz", "message": "For our registry office team.", "consent": "on",
            "website": "", **fresh_fields(client, url), **overrides}
    with capture(execute=True):
        return client.post(url, data)


@override_settings(TRAININGS_NOTIFY_EMAILS=["schulungen@example.org"])
def test_request_is_stored_and_editors_are_notified(client, programme, module, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    response = post_request(client, programme, module, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    inhouse = InHouseRequest.objects.get()
    assert response["Location"].endswith(f"/anfrage/{inhouse.reference}/")
    assert inhouse.status == InHouseRequestStatus.NEW and inhouse.module_id == module.pk
    assert inhouse.language == "en"
    assert client.get(response["Location"]).status_code == 200
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["schulungen@example.org"] and mail.reply_to == ["maria@example.org"]
    assert "Stadtverwaltung Chemnitz" in mail.body and f"/edit/{inhouse.pk}/" in mail.body
    assert log_registry.get_logs_for_instance(inhouse).filter(
        action="trainings.inhouse_request.created").exists()


def test_without_addresses_the_training_editors_group_is_notified(
        client, programme, module, mailoutbox, django_user_model,
        django_capture_on_commit_callbacks):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    user.groups.add(Group.objects.get(name="Training editors"))
    post_request(client, programme, module, django_capture_on_commit_callbacks)
    assert mailoutbox[0].to == ["editor@example.org"]


def test_invalid_request_shows_errors_next_to_fields(client, programme, module,
                                                     django_capture_on_commit_callbacks):
    response = post_request(client, programme, module, django_capture_on_commit_callbacks,
                            participants="0", email="nope", consent="")
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("participants", "email", "consent"):
        assert f'id="id_{field}_error"' in html
    assert not InHouseRequest.objects.exists()


@pytest.fixture
def inhouse(programme, module):
    return services.submit_inhouse_request(programme=programme, data={
        "module": module, "organisation": "Jobcenter Dresden", "contact_name": "Paul Weber",
        "email": "paul@example.org", "preferred_period": "May", "participants": 10,
        "place": "online"})


def test_status_changes_in_the_admin_are_audit_logged(admin_client, inhouse):
    url = f"/admin/trainings/inhouse-requests/edit/{inhouse.pk}/"
    assert admin_client.get("/admin/trainings/inhouse-requests/?status=new").status_code == 200
    response = admin_client.post(url, {
        "status": "in_discussion", "module": inhouse.module_id, "notes": "Called back.",
        "organisation": inhouse.organisation, "contact_name": inhouse.contact_name,
        "email": inhouse.email, "phone": "", "preferred_period": "May", "participants": 10,
        "place": "online", "location": "", "message": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    inhouse.refresh_from_db()
    assert inhouse.status == "in_discussion" and inhouse.notes == "Called back."
    entry = log_registry.get_logs_for_instance(inhouse).get(
        action="trainings.inhouse_request.status_changed")
    assert entry.data["from"] == "new" and entry.data["status"] == "in_discussion"


def test_a_scheduled_request_becomes_a_published_session_in_one_step(admin_client, inhouse):
    services.set_request_status(inhouse, "scheduled")
    edit = admin_client.get(f"/admin/trainings/inhouse-requests/edit/{inhouse.pk}/")
    create_url = f"/admin/trainings/inhouse-requests/{inhouse.pk}/create-session/"
    assert create_url in edit.content.decode()
    start = timezone.localtime() + datetime.timedelta(days=30)
    response = admin_client.post(create_url, {
        "start": start.strftime("%Y-%m-%dT09:00"), "end": start.strftime("%Y-%m-%dT15:00"),
        "online_url": "https://meet.example.org/abc", "capacity": "10"})
    assert response.status_code == 302
    inhouse.refresh_from_db()
    session = Occurrence.objects.get(uid=inhouse.session_uid)
    assert session.page_id == inhouse.module_id and session.online_url
    assert RegistrationOption.objects.get(occurrence=session, kind="participant").capacity == 10
    module = inhouse.module.specific
    module.refresh_from_db()
    assert not module.has_unpublished_changes
    assert session in module.occurrences.all() and module.occurrences.count() == 2
    # A second attempt is refused: one session per request.
    with pytest.raises(services.TrainingsError):
        services.create_session_from_request(inhouse, start=start, end=start + datetime.timedelta(
            hours=2), capacity=5)


def test_a_draft_in_progress_is_not_published_by_creating_a_session(inhouse):
    services.set_request_status(inhouse, "scheduled")
    module = inhouse.module.specific
    module.title = "Draft title"
    module.save_revision()
    start = timezone.now() + datetime.timedelta(days=30)
    uid, published = services.create_session_from_request(
        inhouse, start=start, end=start + datetime.timedelta(hours=3), capacity=8)
    assert not published
    module.refresh_from_db()
    assert module.title == "Interkulturell handeln" and module.has_unpublished_changes
    draft = module.get_latest_revision_as_object()
    assert draft.title == "Draft title" and uid in [o.uid for o in draft.occurrences.all()]


def test_only_scheduled_requests_become_sessions(inhouse):
    start = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(services.TrainingsError) as error:
        services.create_session_from_request(inhouse, start=start,
                                             end=start + datetime.timedelta(hours=2), capacity=5)
    assert error.value.code == "state"
