"""Privacy: retention erasure keeps counts, per-person export and erasure."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration
from events.registration.privacy_ops import erase_expired

pytestmark = pytest.mark.django_db


def test_retention_erases_personal_data_but_keeps_counts(make_option, register):
    now = timezone.now()
    option = make_option()
    registration = register(option, name="Ada", email="ada@example.org", phone="123")
    assert erase_expired(now=now) == 0
    later = option.occurrence.end + datetime.timedelta(days=181)
    assert erase_expired(now=later) == 1
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.phone, registration.data) == ("", "", "", {})
    assert registration.erased_at == later
    assert option.registrations.filter(state=registration.state).count() == 1


def test_registrant_data_command_exports_and_erases(option, register, capsys, committed):
    register(option, name="Ada", email="Ada@Example.org")
    call_command("registrant_data", "--email", "ada@example.org", "--export")
    exported = json.loads(capsys.readouterr().out)
    assert exported[0]["name"] == "Ada" and exported[0]["consent_version"]
    committed(call_command, "registrant_data", "--email", " ADA@example.org", "--erase")
    registration = Registration.objects.get()
    assert registration.erased_at and registration.name == "" and registration.state == "cancelled"


def test_erase_command_runs(capsys):
    call_command("erase_expired_registrations")
    assert "Erased" in capsys.readouterr().out
