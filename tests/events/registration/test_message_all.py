"""Registration managers write to everyone registered for a date from the admin: preview, then
one e-mail per registrant (their language, their details), logged; others get a 403."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils.translation import ngettext, override
from wagtail.models import ModelLogEntry

from events.models import RegistrationState
from events.registration import services

pytestmark = pytest.mark.django_db
S = RegistrationState


def url(option):
    return f"/admin/registrations/message/{option.occurrence_id}/"


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    user.groups.add(Group.objects.get(name="Registration managers"))
    return user


@pytest.fixture
def people(make_option, register, committed):
    """On one date: two confirmed (English, German), one waiting, one cancelled."""
    option = make_option(capacity=2)
    english = register(option, language="en", email="en@example.org", name="Ann English")
    german = register(option, language="de", email="de@example.org", name="Dora Deutsch")
    committed(services.confirm, english)
    committed(services.confirm, german)
    waiting = register(option, language="en", email="wait@example.org")
    gone = register(make_option(), language="en", email="other@example.org")  # another date
    mail.outbox.clear()
    return option, english, german, waiting, gone


MESSAGE = {"subject": "Raumänderung", "text": "Wir treffen uns in Raum 2.04.",
           "states": ["confirmed", "approved"]}


def test_non_managers_get_403(client, django_user_model, people):
    option = people[0]
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url(option)).status_code == 403
    assert client.post(url(option), {**MESSAGE, "send": "1", "send_token": "t"}).status_code == 403
    assert not mail.outbox


def test_preview_then_send_to_the_chosen_states(client, manager, people,
                                                django_capture_on_commit_callbacks):
    option, english, german, waiting, gone = people
    client.force_login(manager)
    page = client.get(url(option))
    assert page.status_code == 200
    assert 'name="subject"' in page.content.decode()

    preview = client.post(url(option), {**MESSAGE, "preview": "1"})
    html = preview.content.decode()
    assert preview.status_code == 200
    with override("de"):  # the admin's language
        summary = ngettext("This message goes to %(counter)s person.",
                           "This message goes to %(counter)s people.", 2) % {"counter": 2}
    assert summary in html
    assert "Wir treffen uns in Raum 2.04." in html
    assert not mail.outbox  # a preview sends nothing
    token = re.search(r'name="send_token" value="([^"]+)"', html).group(1)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(option), {**MESSAGE, "send": "1", "send_token": token})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["de@example.org", "en@example.org"]
    to_english = next(m for m in mail.outbox if m.to == ["en@example.org"])
    to_german = next(m for m in mail.outbox if m.to == ["de@example.org"])
    assert to_english.subject == "Raumänderung"
    assert "Wir treffen uns in Raum 2.04." in to_english.body and "Ann English" in to_english.body
    assert to_english.extra_headers["Content-Language"] == "en"
    assert to_german.extra_headers["Content-Language"] == "de"
    assert "/de/registration/cancel/" in to_german.body
    logged = ModelLogEntry.objects.filter(action="events.registration.message_sent")
    assert sorted(int(entry.object_id) for entry in logged) == sorted([english.pk, german.pk])
    assert all(entry.user_id == manager.pk for entry in logged)

    # A second click on the same "Send" sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(option), {**MESSAGE, "send": "1", "send_token": token})
    assert len(mail.outbox) == 2


def test_the_waiting_list_only_when_chosen(client, manager, people,
                                           django_capture_on_commit_callbacks):
    option = people[0]
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(option), {**MESSAGE, "states": ["waitlisted"], "send": "1",
                                  "send_token": "once"})
    assert [m.to[0] for m in mail.outbox] == ["wait@example.org"]


def test_missing_or_hostile_input_is_a_message_next_to_the_field(client, manager, people):
    option = people[0]
    client.force_login(manager)
    response = client.post(url(option), {"subject": "", "text": "x", "states": ["nonsense"],
                                         "send": "1", "send_token": "t"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required" in html or "Dieses Feld" in html
    assert "Select a valid choice" in html or "gültige Auswahl" in html
    response = client.post(url(option), {**MESSAGE, "subject": "Hallo\u202eBetreff", "send": "1",
                                         "send_token": "t2"})
    assert "invisible or control characters" in response.content.decode() or \
        "unsichtbare" in response.content.decode()
    assert not mail.outbox


def test_the_filtered_registrations_list_links_to_the_message(client, manager, people):
    option = people[0]
    client.force_login(manager)
    html = client.get(f"/admin/snippets/events/registration/?occurrence={option.occurrence_id}"
                      ).content.decode()
    assert url(option) in html
