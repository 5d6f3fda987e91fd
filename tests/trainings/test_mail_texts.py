"""The trainings plugin's registrant e-mails can be worded by editors like the core ones, with the
plugin's own placeholders ({certificate_url}); the certificate stays attached."""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from events.models import RegistrationMailText

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/events/registrationmailtext/add/"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("erna", "erna@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    # The assertions read the admin's messages in English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def test_certificate_mail_in_the_editors_words(editor_client, session, attended, mailoutbox):
    response = editor_client.post(f"{ADD_URL}?locale=en", {
        "message": "trainings.certificate", "kind": "participant",
        "subject": "Your certificate for {event}",
        "body": "Dear {name},\nhere it is again: {certificate_url}\n{details}"})
    assert response.status_code == 302
    registration = attended(session, language="en", name="Ann Trainee")
    (message,) = [m for m in mailoutbox if m.attachments and
                  m.attachments[0][2] == "application/pdf"]
    assert message.subject == f"Your certificate for {session.page.title}"
    assert message.body.startswith("Dear Ann Trainee,\nhere it is again: http")
    assert f"/certificate/{registration.reference}/" in message.body.split("\n")[1]
    assert registration.reference[:8] in message.body  # the {details} block


def test_placeholders_of_another_e_mail_are_refused(editor_client):
    response = editor_client.post(f"{ADD_URL}?locale=de", {
        "message": "trainings.certificate", "kind": "",
        "subject": "Zertifikat", "body": "Bitte bewerten Sie uns: {feedback_url}"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unknown placeholder {feedback_url}" in html and "{certificate_url}" in html
    assert not RegistrationMailText.objects.exists()
