"""Reminders at configurable offsets before a date: each sent once per registration (also when the
run repeats), only to people holding a settled place, never for cancelled or past dates, in
the registrant's language. The clock moves through the `now` argument."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from events.models import SentReminder
from events.models.occurrences import OccurrenceStatus
from events.registration import services
from events.registration.reminders import send_due_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(committed):
    def run_at(now):
        mail.outbox.clear()
        committed(send_due_reminders, now=now)
        return sorted((m.to[0], m.subject) for m in mail.outbox)

    return run_at


@pytest.fixture
def confirmed(register, committed):
    def build(option, **kwargs):
        registration = register(option, **kwargs)
        committed(services.confirm, registration)
        return registration

    return build


def test_two_offsets_send_two_reminders_each_once(make_option, confirmed, run):
    option = make_option(reminder_offsets="3d, 2h")
    start = option.occurrence.start
    confirmed(option, email="en@example.org", language="en")
    confirmed(option, email="de@example.org", language="de")

    assert run(start - datetime.timedelta(days=4)) == []  # not yet
    first = run(start - datetime.timedelta(days=3))
    assert [to for to, _subject in first] == ["de@example.org", "en@example.org"]
    subjects = dict(first)
    assert subjects["en@example.org"].startswith("Reminder")  # each in their language
    assert subjects["de@example.org"].startswith("Erinnerung")
    # The run repeats (cron twice, a second server): nothing goes out twice.
    assert run(start - datetime.timedelta(days=3)) == []
    assert run(start - datetime.timedelta(hours=30)) == []
    assert len(run(start - datetime.timedelta(hours=2))) == 2
    assert run(start - datetime.timedelta(hours=1)) == []
    assert run(start + datetime.timedelta(hours=1)) == []  # past: nothing
    assert sorted(SentReminder.objects.values_list("offset_minutes", flat=True)) == \
        [120, 120, 3 * 24 * 60, 3 * 24 * 60]


def test_a_late_registrant_gets_the_nearest_reminder_only(make_option, confirmed, run):
    option = make_option(reminder_offsets="7d, 1d, 2h")
    start = option.occurrence.start
    confirmed(option, email="late@example.org")
    assert len(run(start - datetime.timedelta(hours=20))) == 1  # the 1-day one, not three
    assert run(start - datetime.timedelta(hours=19)) == []
    assert len(run(start - datetime.timedelta(hours=1))) == 1
    assert SentReminder.objects.filter(offset_minutes=7 * 24 * 60).count() == 0


def test_waiting_list_cancelled_and_unconfirmed_get_no_reminder(make_option, register, confirmed,
                                                                 committed, run):
    option = make_option(capacity=2, reminder_offsets="1d")
    start = option.occurrence.start
    holders = [confirmed(option, email="holder@example.org"),
               confirmed(option, email="second@example.org")]
    waiting = register(option, email="waiting@example.org")
    assert waiting.state == "waitlisted"
    elsewhere = make_option(reminder_offsets="1d")  # a date at the same time
    gone = confirmed(elsewhere, email="gone@example.org")
    committed(services.cancel, gone)
    register(elsewhere, email="pending@example.org")  # address never confirmed
    assert [to for to, _s in run(start - datetime.timedelta(hours=23))] == \
        sorted(h.email for h in holders)


def test_no_reminder_for_a_cancelled_date(make_option, confirmed, run):
    option = make_option(reminder_offsets="1d")
    confirmed(option)
    option.occurrence.status = OccurrenceStatus.CANCELLED
    option.occurrence.save()
    assert run(option.occurrence.start - datetime.timedelta(hours=2)) == []


def test_site_default_by_kind_and_zero_for_none(make_option, confirmed, run, settings):
    settings.REGISTRATION_REMINDER_OFFSETS = {"attendee": "2d, 1h", "*": "0"}
    option = make_option()
    quiet = make_option(reminder_offsets="0")
    start = option.occurrence.start
    confirmed(option, email="a@example.org")
    confirmed(quiet, email="q@example.org")
    assert [to for to, _s in run(start - datetime.timedelta(days=2))] == ["a@example.org"]
    assert [to for to, _s in run(start - datetime.timedelta(minutes=30))] == ["a@example.org"]
    assert not SentReminder.objects.filter(registration__email="q@example.org").exists()
    settings.REGISTRATION_REMINDER_OFFSETS = None  # then REGISTRATION_REMINDER_DAYS (2) once
    other = make_option(title="Anderer Termin")
    confirmed(other, email="b@example.org")
    assert [to for to, _s in run(other.occurrence.start - datetime.timedelta(days=2))] == \
        ["b@example.org"]


def test_the_command_sends_due_reminders_once(option, confirmed, committed, settings):
    settings.REGISTRATION_REMINDER_DAYS = 10
    confirmed(option, language="en")
    mail.outbox.clear()
    out = io.StringIO()
    committed(call_command, "send_registration_reminders", stdout=out)
    committed(call_command, "send_registration_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["Queued 1 reminder(s).", "Queued 0 reminder(s)."]
    assert len(mail.outbox) == 1 and "Reminder" in mail.outbox[0].subject


def test_offsets_are_checked_in_the_admin(client, django_user_model, option):
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(editor)  # the assertions read English messages
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    url = f"/admin/registration_options/edit/{option.pk}/"
    html = client.get(url).content.decode()
    assert 'name="reminder_offsets"' in html
    form = {"occurrence": option.occurrence_id, "kind": option.kind, "part": option.part,
            "capacity": 5, "waitlist_enabled": "on", "hold_hours": 24,
            "reminder_offsets": "7 days"}
    response = client.post(url, form)
    assert response.status_code == 200
    assert "is not a time before the start" in response.content.decode().replace("&#x27;", "'")
    response = client.post(url, {**form, "reminder_offsets": "7d, 1d, 2h"})
    assert response.status_code == 302
    option.refresh_from_db()
    assert option.reminder_offsets == "7d, 1d, 2h"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_servers_running_at_once_send_each_reminder_once(make_option):
    """Two cron runs (two servers) at the same moment: the recorded row, not luck, decides."""
    import threading

    from django.db import connection

    option = make_option(capacity=20, reminder_offsets="1d")
    for index in range(12):
        registration = services.register(option, name=f"P {index}", language="de",
                                         email=f"p{index}@example.org", consent=True)
        services.confirm(registration)
    mail.outbox.clear()
    now = option.occurrence.start - datetime.timedelta(hours=12)
    barrier, counts, errors = threading.Barrier(2), [], []

    def server():
        try:
            connection.ensure_connection()
            barrier.wait()
            counts.append(send_due_reminders(now=now))
        except Exception as error:  # pragma: no cover - shown in the assertion
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=server) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sum(counts) == 12
    assert SentReminder.objects.count() == 12
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"p{i}@example.org" for i in range(12))
