"""E-mails: content, language, calendar attachment, header hygiene, failures retried."""

import pytest
from icalendar import Calendar

from events.registration import services
from events.registration.emails import build_email

pytestmark = pytest.mark.django_db


def test_confirm_mail_has_a_signed_link_and_is_in_the_registrants_language(option, register,
                                                                           mailoutbox):
    register(option, language="en", email="en@example.org")
    register(option, language="de", email="de@example.org")
    english, german = mailoutbox
    assert english.extra_headers["Content-Language"] == "en"
    assert german.extra_headers["Content-Language"] == "de"
    assert "/en/registration/confirm/" in english.body
    assert "/de/registration/confirm/" in german.body
    weekday_en = option.occurrence.start.strftime("%A")
    assert weekday_en in english.body
    german_days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    assert any(day in german.body for day in german_days)


def test_confirmation_carries_an_ics_file_and_a_cancel_link(option, register, committed, mailoutbox):
    registration = register(option, language="en")
    committed(services.confirm, registration)
    message = mailoutbox[-1]
    assert "confirmed" in message.subject.lower()
    assert "/en/registration/cancel/" in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == option.occurrence.page.title
    assert event.decoded("dtstart") == option.occurrence.start
    assert str(option.occurrence.uid) in str(event["uid"])


def test_waitlist_and_promotion_notices(make_option, register, committed, mailoutbox):
    option = make_option(capacity=1)
    first = register(option, language="en")
    register(option, language="en")
    assert "waiting list" in mailoutbox[-1].subject
    committed(services.cancel, first)
    assert "place is free" in mailoutbox[-1].subject
    assert "/registration/confirm/" in mailoutbox[-1].body


def test_names_with_line_breaks_never_reach_a_header(option, register):
    registration = register(option, name="Eve\r\nBcc: victim@example.org")
    message = build_email(registration, "confirm")
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.bcc == [] and "Bcc" not in message.message().as_string().split("\n\n")[0]


def test_date_change_and_cancellation_notify_every_registrant(option, register, committed,
                                                              mailoutbox):
    from events.models.occurrences import OccurrenceStatus
    from events.registration.changes import notify_changed_dates

    register(option, email="a@example.org", language="en")
    register(option, email="b@example.org", language="en")
    mailoutbox.clear()
    occurrence = option.occurrence
    occurrence.status = OccurrenceStatus.CANCELLED
    occurrence.save()
    committed(notify_changed_dates, occurrence.page)
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.org", "b@example.org"]
    assert all("cancelled" in m.subject.lower() for m in mailoutbox)
    assert Calendar.from_ical(mailoutbox[0].attachments[0][1]).walk("VEVENT")[0]["status"] == "CANCELLED"
    mailoutbox.clear()
    committed(notify_changed_dates, occurrence.page)  # nothing new: nobody is told twice
    assert mailoutbox == []


def test_reminder_command_sends_once(option, register, committed, mailoutbox):
    from django.core.management import call_command
    from django.test import override_settings

    registration = register(option, language="en")
    committed(services.confirm, registration)
    mailoutbox.clear()
    with override_settings(REGISTRATION_REMINDER_DAYS=10):
        committed(call_command, "send_registration_reminders")
        committed(call_command, "send_registration_reminders")
    assert len(mailoutbox) == 1 and "Reminder" in mailoutbox[0].subject


def test_failing_mail_server_keeps_the_registration_and_retries(option, committed, monkeypatch):
    from events.models import Registration
    from events.registration import emails, tasks

    calls = []

    def broken(registration_id, template):
        calls.append(template)
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(emails, "send_registration_email", broken)
    committed(services.register, option, name="A", email="a@example.org", consent=True)
    assert Registration.objects.count() == 1
    assert len(calls) == tasks.MAX_ATTEMPTS  # retried by the task (immediately in tests)
