"""The admin's CSV exports speak the admin's language: Wagtail switches to the user's preferred
language only while the view runs, and a CSV streams after the view has returned."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.utils.text import capfirst
from django.utils.translation import gettext, override
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from events.models import Registration, RegistrationOption, RegistrationState
from events.registration.kinds import get_kind
from trainings.models import InHouseRequest

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/events/registration/"
INHOUSE_URL = "/admin/trainings/inhouse-requests/"


def translated(text, language):
    with override(language):
        return gettext(text) if isinstance(text, str) else str(text)


def make_user(django_user_model, username, language, time_zone="", group=None, superuser=False):
    create = django_user_model.objects.create_superuser if superuser \
        else django_user_model.objects.create_user
    user = create(username, f"{username}@example.org", "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.current_time_zone = time_zone
    profile.save()
    return user


def csv_rows(response):
    raw = b"".join(response.streaming_content)
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def registration(make_option, register):
    option = make_option(kind="participant", title="Interkulturelle Kompetenz", capacity=12,
                         dates=[(datetime.datetime(2030, 7, 1, 10, 0),
                                 datetime.datetime(2030, 7, 1, 16, 0))])
    return register(option, name="Ada Lovelace", email="ada@example.org",
                    data={"organisation": "Stadt Leipzig", "organisation_type": "sme",
                          "role": "Beraterin", "phone": "", "accessibility_needs": ""})


def download(client, user, url=LIST_URL, export="csv"):
    client.force_login(user)
    response = client.get(url, {"export": export})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["en", "de"])
def test_registrations_csv_has_headings_and_labels_in_the_admins_language(
        client, django_user_model, registration, language):
    user = make_user(django_user_model, f"manager_{language}", language,
                     group="Registration managers")
    header, row = csv_rows(download(client, user))[:2]
    values = dict(zip(header, row, strict=True))
    fields = get_kind("participant").form_class().fields
    kind_heading = capfirst(RegistrationOption._meta.get_field("kind").verbose_name)
    created_heading = capfirst(Registration._meta.get_field("created_at").verbose_name)
    # The catalogue differs between the two languages, or the test would prove nothing.
    assert translated("Event", "en") != translated("Event", "de")
    for text in ("Reference", "Event", "Date", "State", kind_heading, created_heading,
                 fields["organisation"].label, fields["role"].label):
        assert translated(text, language) in header, (text, header)
    assert values[translated("Event", language)] == "Interkulturelle Kompetenz"
    assert values[translated("State", language)] == translated(RegistrationState.PENDING.label,
                                                               language)
    assert values[translated(kind_heading, language)] == translated(
        get_kind("participant").label, language)
    organisation_types = dict(fields["organisation_type"].choices)
    assert values[translated(fields["organisation_type"].label, language)] == translated(
        organisation_types["sme"], language)


def test_registrations_csv_times_follow_the_admins_time_zone_like_the_xlsx(
        client, django_user_model, registration):
    user = make_user(django_user_model, "manager_utc", "en", time_zone="UTC",
                     group="Registration managers")
    header, row = csv_rows(download(client, user))[:2]
    sheet = load_workbook(io.BytesIO(b"".join(
        download(client, user, export="xlsx").streaming_content))).active
    xlsx = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]], strict=True))
    csv_values = dict(zip(header, row, strict=True))
    # 10:00 in Berlin in summer is 08:00 UTC, in both files.
    assert xlsx["Date"] == datetime.datetime(2030, 7, 1, 8, 0)
    assert csv_values["Date"] == "2030-07-01 08:00"


def test_inhouse_requests_csv_has_headings_in_the_admins_language(client, django_user_model):
    InHouseRequest.objects.create(organisation="Stadtverwaltung Chemnitz", contact_name="Maria",
                                  email="maria@example.org", preferred_period="März",
                                  participants=14, place="our_premises")
    for language in ("en", "de"):
        user = make_user(django_user_model, f"admin_{language}", language, superuser=True)
        header = csv_rows(download(client, user, url=INHOUSE_URL))[0]
        for name in ("organisation", "contact_name", "participants"):
            heading = capfirst(InHouseRequest._meta.get_field(name).verbose_name)
            assert translated(heading, language) in header, (language, header)
