"""What the registrant reads in the e-mails: the venue, dates in their language, and the note
about unconfirmed registrations only in the e-mail that asks to confirm."""

import datetime
import re

import pytest

from events.models import Registration, RegistrationOption, Venue

from .test_public_form import form_url, post

pytestmark = pytest.mark.django_db
UNCONFIRMED_NOTE = "unconfirmed registrations are deleted automatically"


@pytest.fixture
def option_at_venue(make_event, locales):
    venue = Venue.objects.create(name="Neues Rathaus Leipzig", street="Martin-Luther-Ring 4-6",
                                 postcode="04109", city="Leipzig", locale=locales["de"])
    start = datetime.datetime(2030, 1, 14, 10, 0)
    page = make_event(dates=[(start, start + datetime.timedelta(hours=3))], venue=venue)
    return RegistrationOption.objects.create(occurrence=page.occurrences.first(), kind="attendee",
                                             capacity=5)


def test_confirm_mail_gives_venue_and_note_confirmed_mail_no_note(
        client, option_at_venue, mailoutbox, django_capture_on_commit_callbacks):
    post(client, form_url(option_at_venue), django_capture_on_commit_callbacks, language="en")
    confirm = mailoutbox[-1].body
    assert "Neues Rathaus Leipzig, Martin-Luther-Ring 4-6, 04109 Leipzig" in confirm
    assert UNCONFIRMED_NOTE in confirm
    assert "Monday, Jan. 14, 2030, 10:00" in confirm  # not "14. January"

    confirm_path = re.search(r"https?://[^/\s]+(/\S*/registration/confirm/\S+)", confirm).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path)
    assert Registration.objects.get().state == "confirmed"
    confirmed = mailoutbox[-1].body
    assert "Neues Rathaus Leipzig" in confirmed
    assert UNCONFIRMED_NOTE not in confirmed


def test_ukrainian_mail_names_the_month_in_the_genitive(
        client, option_at_venue, mailoutbox, django_capture_on_commit_callbacks):
    post(client, form_url(option_at_venue), django_capture_on_commit_callbacks, language="uk")
    body = mailoutbox[-1].body
    assert "14 січня 2030" in body and "січень" not in body
