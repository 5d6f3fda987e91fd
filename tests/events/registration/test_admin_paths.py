"""The registration managers' paths in the admin: the places list, the registrations list and its
filters, a registration's detail page and the CSV export, read the way a manager reads them
(German admin, Europe/Berlin times, labels instead of codes)."""

import csv
import datetime
import io
import re

import pytest
from django.utils.text import capfirst
from django.utils.translation import gettext, override
from openpyxl import load_workbook

from events.models import Registration, RegistrationOption, RegistrationState
from events.registration.kinds import get_kind
from tests.admin_users import signed_in_member

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/events/registration/"
PLACES_URL = "/admin/registration_options/"
# 10:00 in Berlin on a summer day is 08:00 UTC: a UTC time in the admin shows as 08:00.
SUMMER_DATE = [(datetime.datetime(2030, 7, 1, 10, 0), datetime.datetime(2030, 7, 1, 16, 0))]
ANSWERS = {"organisation": "=HYPERLINK(\"http://evil\")", "organisation_type": "sme",
           "role": "Beraterin", "phone": "", "accessibility_needs": "Stufenloser Zugang"}


def german(text):
    """A message (or a lazy label) as the German admin shows it."""
    with override("de"):
        return gettext(text) if isinstance(text, str) else str(text)


@pytest.fixture
def manager_client(client, django_user_model):
    return signed_in_member(client, django_user_model, "manni", "Registration managers")


@pytest.fixture
def training_option(make_option):
    return make_option(kind="participant", title="Interkulturelle Kompetenz", dates=SUMMER_DATE,
                       capacity=12)


@pytest.fixture
def registration(training_option, register):
    # Registered at 06:30 UTC, 08:30 in Berlin.
    return register(training_option, name="Ada Lovelace", email="ada@example.org",
                    data=dict(ANSWERS), now=datetime.datetime(2030, 5, 1, 6, 30, tzinfo=datetime.UTC))


def organisation_type_label():
    field = get_kind("participant").form_class().fields["organisation_type"]
    return german(dict(field.choices)["sme"])


def test_places_list_links_each_row_to_its_edit_form_with_labels_and_local_times(
        manager_client, training_option):
    html = manager_client.get(PLACES_URL).content.decode()
    assert f'href="/admin/registration_options/edit/{training_option.pk}/"' in html
    assert german(get_kind("participant").label) in html
    assert ">participant<" not in re.sub(r"\s+", "", html)
    assert "01.07.2030 10:00" in html and "08:00" not in html
    # The kind filter offers the kinds by their names too.
    assert re.search(r'<option value="participant"[^>]*>\s*' + re.escape(
        german(get_kind("participant").label)), html)


def test_registrations_list_shows_state_labels_and_local_times(manager_client, registration):
    html = manager_client.get(LIST_URL).content.decode()
    assert german(RegistrationState.PENDING.label) in html
    assert "01.07.2030 10:00" in html and "08:00" not in html
    assert "08:30" in html and "06:30" not in html  # registered at
    assert german(get_kind("participant").label) in html


def test_registrations_are_filtered_by_event_and_date_by_name_not_page_id(
        manager_client, registration, make_option, register):
    other = register(make_option(title="Bewerbertag Bau", dates=SUMMER_DATE), name="Grace Hopper")
    html = manager_client.get(LIST_URL).content.decode()
    assert "page id" not in html.lower() and "Seiten-ID" not in html
    occurrence = registration.option.occurrence
    assert re.search(rf'<option value="{occurrence.pk}"[^>]*>\s*Interkulturelle Kompetenz – '
                     r"01\.07\.2030 10:00", html)
    assert re.search(rf'<option value="{occurrence.page_id}"[^>]*>\s*Interkulturelle Kompetenz',
                     html)
    for params in ({"occurrence": occurrence.pk}, {"event": occurrence.page_id}):
        html = manager_client.get(LIST_URL, params).content.decode()
        assert "Ada Lovelace" in html and other.name not in html


def test_registration_detail_shows_event_date_state_and_labelled_answers(manager_client,
                                                                         registration):
    html = manager_client.get(f"{LIST_URL}inspect/{registration.pk}/").content.decode()
    assert "Interkulturelle Kompetenz" in html
    assert "01.07.2030 10:00" in html and "08:00" not in html
    assert "01.05.2030 08:30" in html and "06:30" not in html
    assert german(RegistrationState.PENDING.label) in html
    fields = get_kind("participant").form_class().fields
    for name in ("organisation_type", "role", "accessibility_needs"):
        assert f"<dt>{german(fields[name].label)}</dt>" in html
    assert organisation_type_label() in html and "Stufenloser Zugang" in html
    assert "&quot;organisation_type&quot;" not in html and '"organisation_type"' not in html
    # The edit form shows the answers the same way, not as a JSON box.
    html = manager_client.get(f"{LIST_URL}edit/{registration.pk}/").content.decode()
    assert 'name="data"' not in html
    assert german(fields["role"].label) in html and "Beraterin" in html


def test_registrations_list_offers_the_export_as_a_visible_button(manager_client, registration):
    html = manager_client.get(LIST_URL).content.decode()
    buttons = re.findall(r'<a [^>]*class="[^"]*w-header-button[^"]*"[^>]*>', html)
    assert any("export=csv" in button for button in buttons), buttons


def test_csv_export_opens_in_german_excel(manager_client, registration):
    response = manager_client.get(LIST_URL, {"export": "csv"})
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads umlauts as UTF-8
    assert "charset=utf-8" in response["Content-Type"]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    fields = get_kind("participant").form_class().fields
    kind_heading = german(capfirst(RegistrationOption._meta.get_field("kind").verbose_name))
    for text in ("Event", "Date", "State", kind_heading,
                 capfirst(Registration._meta.get_field("created_at").verbose_name)):
        assert german(text) in header
    for name in ("organisation", "organisation_type", "role", "accessibility_needs"):
        assert german(fields[name].label) in header  # one column per answer
    assert row[german("Event")] == "Interkulturelle Kompetenz"
    assert row[german("Date")] == "2030-07-01 10:00"
    assert "2030-05-01 08:30" in row.values()  # registered at, consent given at
    assert row[german("State")] == german(RegistrationState.PENDING.label)
    assert row[kind_heading] == german(get_kind("participant").label)
    assert row[german(fields["organisation_type"].label)] == organisation_type_label()
    assert row[german(fields["organisation"].label)] == "'=HYPERLINK(\"http://evil\")"
    assert "{" not in raw.decode("utf-8-sig")  # no raw JSON column


def test_xlsx_export_has_local_times(manager_client, registration):
    response = manager_client.get(LIST_URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert values[german("Date")] == datetime.datetime(2030, 7, 1, 10, 0)
