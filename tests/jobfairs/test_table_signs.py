"""Table signs of a fair date: one PDF page per employer with its company and table, for the
registration managers only."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader

from jobfairs.models import Interview

pytestmark = pytest.mark.django_db


def url(occurrence):
    return f"/admin/jobfairs/{occurrence.pk}/table-signs/"


def test_table_signs_name_each_employer_and_its_table(client, staff, occurrence, make_employer,
                                                      make_jobseeker):
    bau = make_employer(company="Muster Bau GmbH")
    make_employer(company="شركة البناء")  # an Arabic company name must not break the PDF
    make_employer(company="Будівельна компанія")
    make_employer(company="Noch Nicht Freigegeben", approve=False)  # awaits approval: holds a place
    seeker = make_jobseeker()
    Interview.objects.create(occurrence=occurrence, employer=bau, jobseeker=seeker,
                             start=occurrence.start,
                             end=occurrence.start + datetime.timedelta(minutes=15), table="7")
    client.force_login(staff)
    response = client.get(url(occurrence))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) == 4
    bau_page = next(text for text in pages if "Muster Bau GmbH" in text)
    assert "7" in bau_page
    assert any("Будівельна компанія" in text for text in pages)
    assert any("شركة البناء" in text for text in pages)


def test_table_signs_are_for_registration_managers_only(client, django_user_model, occurrence):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url(occurrence)).status_code == 403
    manager = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    manager.groups.add(Group.objects.get(name="Registration managers"))
    client.force_login(manager)
    assert client.get(url(occurrence)).status_code == 200
