"""In Chromium: an editor words a registration e-mail in the admin, reads the error for an
unknown placeholder next to the text, fixes it and sees the preview with sample values."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.users.models import UserProfile

from events.models import RegistrationMailText

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_words_an_e_mail_and_previews_it(live_server, django_user_model, browser_page):
    editor = django_user_model.objects.create_user("erna", "erna@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(editor)
    page = browser_page
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    response = page.goto(
        f"{live_server.url}/admin/snippets/events/registrationmailtext/add/?locale=de")
    assert response.status == 200 and "/login/" not in page.url, (page.url, response.status)
    page.locator('select[name="message"]').select_option("waitlisted")
    page.locator('input[name="subject"]').fill("Warteliste: {event}")
    body = page.locator('textarea[name="body"]')
    body.fill("Hallo {vorname}, Sie stehen auf der Warteliste. {cancel_url}")
    page.locator('button[type="submit"]', has_text="Save").first.click()
    error = page.locator("#panel-child-body-section, [data-field-wrapper]").filter(
        has_text="Unknown placeholder {vorname}")
    error.first.wait_for()
    assert "{name}, {event}, {date}" in error.first.inner_text()
    assert body.input_value().startswith("Hallo {vorname}")  # nothing typed is lost
    assert not RegistrationMailText.objects.exists()

    body.fill("Hallo {name}, Sie stehen auf der Warteliste für {event}. {cancel_url}")
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("#w-preview-iframe")  # Wagtail swaps in a fresh one
    frame.locator(".html-part").wait_for()
    assert "Hallo Erika Mustermann, Sie stehen auf der Warteliste" in \
        frame.locator(".html-part").inner_text()
    page.locator('button[type="submit"]', has_text="Save").first.click()
    page.wait_for_url("**/admin/snippets/events/registrationmailtext/?locale=de")
    assert "'On the waiting list – all kinds' created" in page.locator(".messages").inner_text()
    text = RegistrationMailText.objects.get()
    assert text.message == "waitlisted" and text.locale.language_code == "de"
