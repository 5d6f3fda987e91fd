"""Editors word the registration e-mails in the admin (a translatable snippet with placeholders):
the public registration sends their text in the registrant's language, with the values filled
in and escaped; unknown placeholders are form errors; the preview shows sample values."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from events.models import Registration, RegistrationMailText, RegistrationState
from events.registration import services

from .test_public_form import form_url, post

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/events/registrationmailtext/add/"
PREVIEW_URL = "/admin/snippets/events/registrationmailtext/preview/"

CONFIRM_TEXT = {
    "message": "confirm", "kind": "",
    "subject": "Bitte bestätigen: {event}",
    "body": "Guten Tag {name},\n\nbitte bestätigen Sie Ihre Anmeldung für {event} am {date} "
            "({time}): {confirm_url}\n\nAbmelden: {cancel_url}\nIhr Team von {site_name}",
}


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("erna", "erna@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    # The assertions read the admin's messages in English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def create_text(client, locale="de", **fields):
    return client.post(f"{ADD_URL}?locale={locale}", {**CONFIRM_TEXT, **fields})


def register_publicly(client, option, django_capture_on_commit_callbacks, **fields):
    mail.outbox.clear()
    response = post(client, form_url(option), django_capture_on_commit_callbacks, **fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Registration.objects.get(email=fields.get("email", "ada@example.org"))


def test_editor_text_is_sent_with_the_placeholders_filled(editor_client, client, option,
                                                          django_capture_on_commit_callbacks):
    response = create_text(editor_client)
    assert response.status_code == 302
    text = RegistrationMailText.objects.get()
    assert text.locale.language_code == "de" and text.message == "confirm"

    client.logout()
    registration = register_publicly(client, option, django_capture_on_commit_callbacks,
                                     language="de", name="Ada Lovelace")
    (message,) = mail.outbox
    page = option.occurrence.page
    assert message.subject == f"Bitte bestätigen: {page.title}"
    assert message.body.startswith("Guten Tag Ada Lovelace,\n\nbitte bestätigen Sie Ihre "
                                   f"Anmeldung für {page.title} am ")
    assert "{" not in message.body and "Ihr Team von" in message.body
    # The link in the editor's text is the real one: it confirms the registration.
    confirm_url = re.search(r"https?://\S+/registration/confirm/\S+", message.body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(urlsplit(confirm_url).path).status_code == 302
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED
    # The HTML part links the URLs; the built-in e-mail for the next step is unchanged.
    html = message.alternatives[0][0]
    assert f'<a href="{confirm_url}">' in html
    assert mail.outbox[-1].subject != message.subject and not mail.outbox[-1].alternatives


def test_without_a_text_the_built_in_e_mail_is_sent(client, option,
                                                    django_capture_on_commit_callbacks):
    register_publicly(client, option, django_capture_on_commit_callbacks, language="de")
    (message,) = mail.outbox
    assert "Anmeldung" in message.subject and not message.alternatives
    assert "/registration/confirm/" in message.body


def test_english_translation_from_wagtail_localize_goes_to_english_registrants(
        editor_client, client, option, django_capture_on_commit_callbacks, django_user_model):
    create_text(editor_client)
    text = RegistrationMailText.objects.get()
    english = Locale.objects.get(language_code="en")
    translator = django_user_model.objects.create_user("tarek", "t@example.org", "pw")
    translator.groups.add(Group.objects.get(name="Translators"))
    TranslationCreator(translator, [english]).create_translations(text)
    translation = Translation.objects.get(source__object_id=text.translation_key,
                                          target_locale=english)
    po = translation.export_po()
    # wagtail-localize shows the text's line breaks as <br/> to translators.
    translated = {
        CONFIRM_TEXT["subject"]: "Please confirm: {event}",
        CONFIRM_TEXT["body"].replace("\n", "<br/>"): "Dear {name},<br/><br/>please confirm here: "
                                                      "{confirm_url}",
    }
    assert {entry.msgid for entry in po} == set(translated)  # not the e-mail or the kind
    for entry in po:
        entry.msgstr = translated[entry.msgid]
    assert not translation.import_po(po)
    translation.save_target(user=translator, publish=True)
    english_text = RegistrationMailText.objects.get(locale=english)
    assert english_text.message == "confirm" and english_text.kind == ""

    client.logout()
    register_publicly(client, option, django_capture_on_commit_callbacks, language="en",
                      name="Ann English", email="ann@example.org")
    (message,) = mail.outbox
    assert message.subject.startswith("Please confirm: ")
    assert message.body.startswith("Dear Ann English,\n\nplease confirm here: http")
    assert message.extra_headers["Content-Language"] == "en"
    # A language without its own translation gets the built-in text in that language.
    register_publicly(client, option, django_capture_on_commit_callbacks, language="uk",
                      name="Olena", email="olena@example.org")
    (message,) = mail.outbox
    assert not message.alternatives and "Please confirm" not in message.subject
    assert "Bitte bestätigen" not in message.subject


@pytest.mark.parametrize("field, value, shown", [
    ("body", "Hallo {vorname}", "{vorname}"),
    ("subject", "Termin {event.page.owner}", "{event.page.owner}"),
    ("body", "Hallo {name.__class__}", "{name.__class__}"),
    ("body", "Datum {date!r}", "{date!r}"),
])
def test_unknown_placeholders_are_form_errors_listing_the_allowed_ones(editor_client, field,
                                                                      value, shown):
    response = create_text(editor_client, **{field: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Unknown placeholder {shown}" in html.replace("&#x27;", "'")
    assert "{name}, {event}, {date}" in html and "{cancel_url}" in html
    assert not RegistrationMailText.objects.exists()


def test_a_lone_brace_is_a_form_error(editor_client):
    response = create_text(editor_client, body="Preis: 5 { Euro")
    assert response.status_code == 200
    assert "write {{ and }} for a brace itself" in response.content.decode()
    assert not RegistrationMailText.objects.exists()


def test_second_text_for_the_same_e_mail_kind_and_language_is_a_form_error(editor_client):
    assert create_text(editor_client).status_code == 302
    response = create_text(editor_client)
    assert response.status_code == 200
    assert "There is already a text for this e-mail and kind in this language." in \
        response.content.decode()
    assert RegistrationMailText.objects.count() == 1


def test_admin_preview_renders_sample_values(editor_client):
    data = {**CONFIRM_TEXT, "body": "Hallo {name} <b>fett</b>, {event} am {date}: {cancel_url}"}
    response = editor_client.post(f"{PREVIEW_URL}?locale=de", data)
    assert response.status_code == 200 and response.json()["is_valid"] is True
    response = editor_client.get(f"{PREVIEW_URL}?locale=de&mode=")
    assert response.status_code == 200
    html = response.content.decode()
    part = html.split('class="html-part">', 1)[1].split("</div>", 1)[0]
    assert part.startswith("<p>Hallo Erika Mustermann &lt;b&gt;fett&lt;/b&gt;, ")
    assert '<a href="https://www.example.org/registration/cancel/' in part
    assert "<b>fett" not in html
    assert "{cancel_url}" in html  # the table of placeholders


def test_preview_of_a_text_with_an_unknown_placeholder_is_refused(editor_client):
    response = editor_client.post(f"{PREVIEW_URL}?locale=de", {**CONFIRM_TEXT, "body": "{x}"})
    assert response.status_code == 200 and response.json()["is_valid"] is False


def test_html_in_a_registrants_name_is_escaped(editor_client, client, option,
                                               django_capture_on_commit_callbacks):
    create_text(editor_client, body="Guten Tag {name}, <i>willkommen</i>. {cancel_url}")
    client.logout()
    name = 'Ada <img src=x onerror="alert(1)">'
    response = post(client, form_url(option), django_capture_on_commit_callbacks, name=name,
                    language="de")
    if response.status_code == 400:  # the public form refuses the markup: try the service
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.register(option, name=name, email="ada@example.org", language="de",
                              consent=True)
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "<img" not in html and "<i>" not in html
    assert "Ada &lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;i&gt;willkommen&lt;/i&gt;" in html
    # The plain-text part carries the name as written (plain text is never rendered as HTML).
    assert message.body.startswith(f"Guten Tag {name},")


def test_text_for_one_kind_wins_over_the_text_for_all_kinds(editor_client, client, make_option,
                                                            django_capture_on_commit_callbacks):
    create_text(editor_client, subject="Für alle: {event}")
    create_text(editor_client, kind="attendee", subject="Für Teilnehmende ({kind}): {event}")
    client.logout()
    option = make_option()
    register_publicly(client, option, django_capture_on_commit_callbacks, language="de")
    assert mail.outbox[0].subject.startswith("Für Teilnehmende (Teilnehmer*in): ")
