"""The online join link of a date is for people holding a place: it is in their confirmation,
its calendar file and their personal calendar, never on the public page, in public feeds, the
single-date download or the add-to-calendar links, nor for someone on the waiting list."""

import datetime
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from events.models import Registration, RegistrationOption

from .test_public_form import form_url, post

pytestmark = pytest.mark.django_db
SECRET = "https://meet.example.org/iq-secret-room-4711"


@pytest.fixture
def online_option(make_event):
    start = datetime.datetime(2031, 3, 12, 10, 0)
    page = make_event(title="Online-Training Anerkennung",
                      dates=[{"start": start, "end": start + datetime.timedelta(hours=2),
                              "online_url": SECRET}])
    return RegistrationOption.objects.create(occurrence=page.occurrences.first(), kind="attendee",
                                             capacity=1, waitlist_enabled=True)


def attachment_text(message):
    """The text attachments (the calendar file); the ticket's QR image is not text."""
    return "".join(content.decode() if isinstance(content, bytes) else str(content)
                   for _name, content, mime in message.attachments if mime.startswith("text/"))


def unfold(ics_text):
    return ics_text.replace("\r\n ", "").replace("\n ", "")


def test_public_paths_never_show_the_join_link(client, online_option):
    page = online_option.occurrence.page.specific
    html = client.get(page.url).content.decode()
    with translation.override("de"):
        assert gettext("Online: the access link is sent to everyone holding a place.") in html
    public = [html,
              client.get("/feeds/events.ics").content.decode(),
              client.get(f"/feeds/events/{page.pk}.ics").content.decode(),
              client.get(f"/feeds/dates/{online_option.occurrence.uid}.ics").content.decode()]
    for text in public:
        assert "iq-secret-room" not in unfold(text)
    # The add-to-calendar links carry the text in URL-encoded form.
    assert "iq-secret-room" not in html.replace("%2F", "/").replace("%3A", ":")


def test_the_confirmation_its_calendar_file_and_the_personal_calendar_carry_it(
        client, online_option, mailoutbox, django_capture_on_commit_callbacks):
    post(client, form_url(online_option), django_capture_on_commit_callbacks, language="en")
    asking = mailoutbox[-1]
    assert SECRET not in asking.body  # no place yet: the address is not confirmed
    confirm = re.search(r"https?://[^/\s]+(/\S*/registration/confirm/\S+)", asking.body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    assert Registration.objects.get().state == "confirmed"
    confirmed = mailoutbox[-1]
    assert f"Online link (for you only, please do not pass it on): {SECRET}" in confirmed.body
    assert SECRET in unfold(attachment_text(confirmed))
    personal = re.search(r"https?://[^/\s]+(/feeds/personal/\S+\.ics)", confirmed.body).group(1)
    assert SECRET in unfold(client.get(personal).content.decode())


def test_the_waiting_list_does_not_get_it(client, online_option, mailoutbox,
                                          django_capture_on_commit_callbacks):
    for email in ("first@example.org", "second@example.org"):
        post(client, form_url(online_option), django_capture_on_commit_callbacks,
             email=email, language="en")
        confirm = re.search(r"https?://[^/\s]+(/\S*/registration/confirm/\S+)", mailoutbox[-1].body)
        if confirm:  # the full date puts the second person straight on the waiting list
            with django_capture_on_commit_callbacks(execute=True):
                client.post(confirm.group(1))
    waiting = Registration.objects.get(email="second@example.org")
    assert waiting.state == "waitlisted"
    mail = [m for m in mailoutbox if m.to == ["second@example.org"]][-1]
    assert "iq-secret-room" not in mail.body + unfold(attachment_text(mail))
