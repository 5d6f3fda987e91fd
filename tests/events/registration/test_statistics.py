"""Funders' statistics: anonymous facts recorded through the public form, following state
changes, surviving erasure; the Reports view (permissions, grouping, CSV/XLSX export)."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from events.models import Registration, RegistrationFact, RegistrationOption, RegistrationState
from events.registration import tokens
from events.registration.privacy_ops import erase_expired, erase_person
from events.registration.statistics import counts_by, grouping_choices

pytestmark = pytest.mark.django_db
S = RegistrationState
REPORT_URL = "/admin/reports/registration-statistics/"


def form_url(option, language="de"):
    return f"/{language}/registration/{option.occurrence.uid}/{option.kind}/"


def fresh_fields(client, url):
    html = client.get(url).content.decode()
    return {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("rendered", "form_token")}


@pytest.fixture
def post_form(client, django_capture_on_commit_callbacks):
    """Register through the public form as a visitor does; returns the Registration."""
    counter = {"n": 0}

    def run(option, language="de", form_language=None, **fields):
        counter["n"] += 1
        url = form_url(option, form_language or language)
        data = {"name": f"Erika Muster {counter['n']}", "email": f"erika{counter['n']}@example.org",
                "language": language, "consent": "on", "website": "",
                **fresh_fields(client, url), **fields}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return Registration.objects.get(email=data["email"])

    return run


PARTICIPANT = {"organisation": "Jobcenter Leipzig", "role": "Beraterin", "phone": "0341 123",
               "accessibility_needs": "Rampe bitte"}


@pytest.fixture
def participant_option(make_option):
    # The trainings plugin's kind declares organisation_type as a statistics dimension.
    return make_option(kind="participant", capacity=10, title="Interkulturell beraten")


def user_with(django_user_model, name, group=None, permissions=()):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def manager_client(client, django_user_model):
    """A registration manager whose admin speaks English (labels in the assertions)."""
    user = user_with(django_user_model, "manager", "Registration managers")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def test_the_public_form_records_an_anonymous_fact(post_form, participant_option):
    registration = post_form(participant_option, language="en",
                             organisation_type="employment_administration", **PARTICIPANT)
    fact = RegistrationFact.objects.get()
    occurrence = participant_option.occurrence
    assert (fact.kind, fact.state, fact.language) == ("participant", S.PENDING, "en")
    assert fact.title == "Interkulturell beraten"
    assert fact.page_key == occurrence.page.translation_key
    assert fact.date == occurrence.start_local.date()
    assert list(fact.values.values_list("dimension", "value")) == [
        ("organisation_type", "employment_administration")]
    # Nothing that names or reaches the person: no name, address, phone or free text.
    stored = " ".join(str(value) for value in RegistrationFact.objects.values().get().values())
    stored += " ".join(v for pair in fact.values.values_list("dimension", "value") for v in pair)
    for personal in (registration.name, registration.email, "Jobcenter", "0341", "Rampe",
                     registration.reference):
        assert personal not in stored


def test_the_cancel_link_changes_the_figures(client, post_form, option,
                                             django_capture_on_commit_callbacks):
    registration = post_form(option)
    assert RegistrationFact.objects.get().state == S.PENDING
    url = reverse("events_registration:cancel", args=[tokens.cancel_token(registration)])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert RegistrationFact.objects.get().state == S.CANCELLED
    assert counts_by(RegistrationFact.objects.all(), "state") == {S.CANCELLED: 1}


def test_retention_erasure_keeps_the_figures_and_cuts_the_link(post_form, participant_option,
                                                               committed):
    from events.registration import services

    first = post_form(participant_option, organisation_type="sme", **PARTICIPANT)
    post_form(participant_option, organisation_type="sme", **PARTICIPANT)
    post_form(participant_option, organisation_type="volunteers", **PARTICIPANT)
    committed(services.confirm, first)
    committed(services.mark_attended, Registration.objects.get(pk=first.pk))

    later = participant_option.occurrence.end + datetime.timedelta(days=400)
    assert erase_expired(now=later) == 3
    assert not Registration.objects.exclude(data={}).exists()  # personal data gone
    facts = RegistrationFact.objects.all()
    assert facts.count() == 3 and not facts.filter(registration__isnull=False).exists()
    assert counts_by(facts, "organisation_type") == {"sme": 2, "volunteers": 1}
    assert counts_by(facts, "state") == {S.ATTENDED: 1, S.PENDING: 2}


def test_erasing_a_person_keeps_an_anonymous_cancelled_fact(post_form, option):
    post_form(option)
    erase_person("erika1@example.org")
    fact = RegistrationFact.objects.get()
    assert fact.state == S.CANCELLED and fact.registration_id is None
    assert Registration.objects.get().erased_at is not None


def test_registrations_from_before_the_statistics_are_backfilled(register, option, capsys):
    registration = register(option, name="Alt")
    RegistrationFact.objects.all().delete()  # as before the feature
    call_command("record_registration_statistics")
    assert "1 registration" in capsys.readouterr().out
    assert RegistrationFact.objects.get().registration_id == registration.pk
    call_command("record_registration_statistics")  # repeating records nothing twice
    assert RegistrationFact.objects.count() == 1


def test_translations_of_a_page_count_as_one_module(post_form, option, locales):
    page = option.occurrence.page
    english = page.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Regional workshop"
    english.save_revision().publish()
    english_date = english.specific.occurrences.get()
    # A date added to the translation by hand keeps its own places.
    english_option = RegistrationOption.objects.create(occurrence=english_date, kind="attendee")
    post_form(option)
    post_form(english_option, language="en", form_language="en")
    facts = RegistrationFact.objects.all()
    assert counts_by(facts, "module") == {page.translation_key: 2}
    assert set(facts.values_list("title", flat=True)) == {"Regionalworkshop"}
    assert set(facts.values_list("source_page_id", flat=True)) == {page.pk}


# The report ---------------------------------------------------------------------------------

def test_report_is_for_registration_managers_and_statistics_viewers(
        client, django_user_model, post_form, option):
    post_form(option)
    client.force_login(user_with(django_user_model, "editor", "Editors"))
    assert client.get(REPORT_URL).status_code in (302, 403)
    assert "registration-statistics" not in client.get("/admin/").content.decode()

    client.force_login(user_with(django_user_model, "funder", "Statistics viewers"))
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "erika1" not in html and "Erika" not in html  # figures only
    assert client.get(REPORT_URL, {"group_by": "module"}).content.decode().count(
        "Regionalworkshop") >= 1
    # The funder sees no registration itself.
    assert client.get("/admin/snippets/events/registration/").status_code in (302, 403)

    client.force_login(user_with(django_user_model, "manager", "Registration managers"))
    assert client.get(REPORT_URL).status_code == 200
    assert "/admin/reports/registration-statistics/" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("group_by", [key for key, _label in grouping_choices()])
def test_report_groups_by_every_dimension(manager_client, post_form, participant_option,
                                          group_by):
    post_form(participant_option, organisation_type="sme", **PARTICIPANT)
    post_form(participant_option, organisation_type="teachers", language="en", **PARTICIPANT)
    response = manager_client.get(REPORT_URL, {"group_by": group_by})
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert rows[-1]["is_total"] and rows[-1]["registrations"] == 2
    results = manager_client.get(REPORT_URL + "results/", {"group_by": group_by})
    assert results.status_code == 200


def test_report_names_the_groups_and_filters_by_period_and_kind(
        manager_client, post_form, participant_option, option):
    post_form(participant_option, organisation_type="sme", **PARTICIPANT)
    post_form(option)
    html = manager_client.get(REPORT_URL, {"group_by": "organisation_type"}).content.decode()
    assert "Small or medium-sized enterprise" in html
    response = manager_client.get(REPORT_URL, {"group_by": "kind", "kind": "attendee"})
    assert [(row["group"], row["registrations"]) for row in response.context["object_list"]] == [
        ("Attendee", 1), ("Total", 1)]
    start = participant_option.occurrence.start_local
    quarter = (start.month - 1) // 3 + 1
    response = manager_client.get(REPORT_URL, {"year": start.year, "quarter": quarter})
    assert response.context["object_list"][-1]["registrations"] == 2
    response = manager_client.get(REPORT_URL, {"year": start.year, "quarter": quarter % 4 + 1})
    assert response.context["object_list"][-1]["registrations"] == 0
    # Nonsense in the filter: the form says why and no figures are shown, never all of them.
    response = manager_client.get(REPORT_URL, {"year": "zwanzig"})
    assert response.status_code == 200
    assert response.context["filters"].errors["year"]
    assert response.context["object_list"][-1]["registrations"] == 0


def test_csv_and_xlsx_exports_carry_the_totals_and_neutralise_formulas(
        manager_client, post_form, make_option):
    option = make_option(title='=HYPERLINK("http://evil.example","klick")')
    post_form(option)
    post_form(option)
    response = manager_client.get(REPORT_URL, {"group_by": "module", "export": "csv"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Event, module or fair", "Registrations", "Places taken"]
    assert rows[1][0] == "'" + '=HYPERLINK("http://evil.example","klick")'
    assert rows[1][1] == "2" and rows[-1][:2] == ["Total", "2"]

    xlsx = manager_client.get(REPORT_URL, {"group_by": "module", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = list(sheet.values)
    assert values[1][0].startswith("'=") and values[1][1] == 2
    assert values[-1][:2] == ("Total", 2)



def test_the_migration_backfill_counts_erased_registrations_once(register, option):
    from events.registration.statistics import record_missing

    register(option)
    erase_person("person1@example.org")
    RegistrationFact.objects.all().delete()  # erased before the statistics existed
    assert record_missing(include_erased=True) == 1
    fact = RegistrationFact.objects.get()
    assert fact.state == S.CANCELLED and fact.registration_id is None
    assert record_missing() == 0  # the command never adds erased ones again


def test_keeping_the_figures_costs_few_queries_per_registration(register, participant_option,
                                                                committed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events.registration import services

    with CaptureQueriesContext(connection) as created:
        registration = register(participant_option, data={"organisation_type": "sme"})
    with CaptureQueriesContext(connection) as confirmed:
        committed(services.confirm, registration)
    facts = [q["sql"] for q in created.captured_queries if "registrationfact" in q["sql"]]
    assert len(facts) <= 2  # the fact and its one value, no lookups
    facts = [q["sql"] for q in confirmed.captured_queries if "registrationfact" in q["sql"]]
    assert len(facts) <= 3  # read, update state, read values
