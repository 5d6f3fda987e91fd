"""Job fairs in the funders' statistics: job-seekers' trades and languages and employers'
trades, recorded through the public form, still counted after the retention erasure."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from events.models import Registration, RegistrationFact, RegistrationState
from events.registration import services as registration_services
from events.registration.privacy_ops import erase_expired
from events.registration.statistics import counts_by

pytestmark = pytest.mark.django_db
S = RegistrationState
REPORT_URL = "/admin/reports/registration-statistics/"


@pytest.fixture
def apply(client, occurrence, django_capture_on_commit_callbacks):
    """A job-seeker registers through the public form; returns the Registration."""
    counter = {"n": 0}

    def run(trades, languages, german_level="A2", kind="jobseeker", **fields):
        counter["n"] += 1
        url = reverse("events_registration:form", args=[occurrence.uid, kind])
        html = client.get(url).content.decode()
        hidden = {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
                  for name in ("rendered", "form_token")}
        email = f"gast{counter['n']}@example.org"
        data = {"name": f"Gast {counter['n']}", "email": email, "language": "de",
                "consent": "on", "website": "", "trades": list(trades),
                "languages": list(languages), **hidden, **fields}
        if kind == "jobseeker":
            data.update(german_level=german_level, recognition="none",
                        experience="10 Jahre Maurer in Kabul", phone="0176 555")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return Registration.objects.get(email=email)

    return run


@pytest.fixture
def manager(client, django_user_model):
    user = django_user_model.objects.create_user("manager", "m@example.org", "pw")
    user.groups.add(Group.objects.get(name="Registration managers"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_trades_and_languages_survive_the_retention_erasure(
        client, apply, occurrence, manager, committed, staff):
    first = apply(["maurer", "zimmerer"], ["ar", "fa"], german_level="B1")
    apply(["maurer"], ["ar"])
    apply(["fliesenleger"], ["uk"], german_level="none")
    employer = apply(["maurer"], ["de", "en"], kind="employer", company="Bau GmbH",
                     phone="0341 1", address="Hauptstr. 1", open_positions=2,
                     apprenticeships=1, interviews=4)
    committed(registration_services.approve, employer, user=staff)
    committed(registration_services.confirm, first)
    committed(registration_services.mark_attended, Registration.objects.get(pk=first.pk))

    later = occurrence.end + datetime.timedelta(days=400)
    assert erase_expired(now=later) == 4
    assert not Registration.objects.exclude(data={}).exists()
    assert not Registration.objects.exclude(name="").exists()

    seekers = RegistrationFact.objects.filter(kind="jobseeker")
    assert counts_by(seekers, "trades") == {"maurer": 2, "zimmerer": 1, "fliesenleger": 1}
    assert counts_by(seekers, "languages") == {"ar": 2, "fa": 1, "uk": 1}
    assert counts_by(seekers, "german_level") == {"B1": 1, "A2": 1, "none": 1}
    assert counts_by(RegistrationFact.objects.filter(kind="employer"), "trades") == {"maurer": 1}
    # Nothing personal or free text kept: no experience, phone, company or address.
    kept = str(list(RegistrationFact.objects.values())) + str(
        list(RegistrationFact.objects.values_list("values__value", flat=True)))
    for personal in ("Kabul", "0176", "Bau GmbH", "Hauptstr", "Gast", "example.org"):
        assert personal not in kept

    client.force_login(manager)
    response = client.get(REPORT_URL, {"group_by": "trades", "kind": "jobseeker"})
    rows = {row["group"]: (row["registrations"], row["attended"])
            for row in response.context["object_list"]}
    assert rows["Bricklayer (Maurer/-in)"] == (2, 1) and rows["Tiler (Fliesenleger/-in)"] == (1, 0)
    # Every job-seeker once in the total, though one of them named two trades.
    assert rows["Total"] == (3, 1)

    response = client.get(REPORT_URL, {"group_by": "languages", "kind": "jobseeker",
                                       "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    table = {row[0]: row[1] for row in csv.reader(io.StringIO(text), delimiter=";")}
    assert table["Language spoken"] == "Registrations"
    assert (table["Arabic"], table["Persian"], table["Ukrainian"], table["Total"]) == (
        "2", "1", "1", "3")


def test_a_changed_answer_before_erasure_changes_the_figures(apply, committed, staff):
    registration = apply(["maurer"], ["ar"])
    registration.data = {**registration.data, "trades": ["zimmerer"]}
    registration.save()
    assert counts_by(RegistrationFact.objects.all(), "trades") == {"zimmerer": 1}
