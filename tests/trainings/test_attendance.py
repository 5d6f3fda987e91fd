"""Attendance at the door, the certificate PDF (read back with pypdf), e-mail and download."""

import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from pypdf import PdfReader

from events.models import RegistrationState
from events.registration import services as registration_services
from trainings import certificates

pytestmark = pytest.mark.django_db
S = RegistrationState


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("door", "door@example.org", "x")
    user.groups.add(Group.objects.get(name="Registration managers"))
    return user


def test_registration_managers_mark_attendance_per_person(client, manager, session, register,
                                                         committed, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    present = committed(registration_services.confirm, register(session, name="Mila Novak"))
    absent = committed(registration_services.confirm, register(session, name="Jonas Berg"))
    client.force_login(manager)
    url = f"/admin/trainings/attendance/{session.pk}/"
    assert str(session.pk) in client.get("/admin/trainings/attendance/").content.decode()
    page = client.get(url).content.decode()
    assert "Mila Novak" in page and "Jonas Berg" in page
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"registration": present.pk, "action": "attended"})
    assert response.status_code == 302
    client.post(url, {"registration": absent.pk, "action": "no_show"})
    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.state, absent.state) == (S.ATTENDED, S.NO_SHOW)
    # The attendee receives the certificate as a PDF attachment.
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [present.email]
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert mimetype == "application/pdf" and "Mila Novak" in pdf_text(content)
    assert f"/trainings/certificate/{present.reference}/" in mailoutbox[0].body


def test_attendance_needs_the_registration_managers_permission(client, django_user_model,
                                                               session):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(f"/admin/trainings/attendance/{session.pk}/").status_code in (302, 403)
    assert client.get("/admin/trainings/attendance/").status_code in (302, 403)


def test_marking_attended_in_the_registrations_listing_also_sends_the_certificate(
        session, register, committed, mailoutbox):
    registration = committed(registration_services.confirm, register(session))
    mailoutbox.clear()
    committed(registration_services.mark_attended, registration)
    assert [mail.attachments[0][2] for mail in mailoutbox] == ["application/pdf"]


def test_certificate_pdf_names_person_module_date_duration_trainer_and_funding(session, attended):
    registration = attended(session, name="Олена Шевченко", language="en")
    text = pdf_text(certificates.render_certificate(registration))
    flat = " ".join(text.split())
    assert "Teilnahmebescheinigung" in flat and "Certificate of attendance" in flat
    assert "Олена Шевченко" in flat
    assert "Sprachsensibel beraten" in flat
    assert "1 Tag (6 Stunden)" in flat
    assert "Dr. Amal Haddad" in flat
    assert "Bundesministerium für Arbeit und Soziales" in flat
    start = session.start_local
    assert str(start.year) in flat and "10:00–16:00" in flat


def test_without_the_unicode_font_names_are_transliterated(session, attended, settings):
    settings.TRAININGS_CERTIFICATE_FONT_DIR = "/nonexistent"
    registration = attended(session, name="Zoë Łukasiewicz")
    flat = " ".join(pdf_text(certificates.render_certificate(registration)).split())
    assert "Zoë Lukasiewicz" in flat


def test_certificate_download_behind_the_reference(client, session, attended, register):
    registration = attended(session)
    response = client.get(f"/en/trainings/certificate/{registration.reference}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert registration.name in pdf_text(response.content)
    not_attended = register(session)
    assert client.get(f"/en/trainings/certificate/{not_attended.reference}/").status_code == 404
    assert client.get("/en/trainings/certificate/guess/").status_code == 404


def test_attendance_page_is_usable_on_a_phone(client, manager, session, register, committed):
    committed(registration_services.confirm, register(session, name="Mila Novak"))
    client.force_login(manager)
    html = client.get(f"/admin/trainings/attendance/{session.pk}/").content.decode()
    assert re.search(r'<button type="submit" class="button">Anwesend', html)  # German admin
    assert "min-block-size: 3rem" in html and "csrfmiddlewaretoken" in html
