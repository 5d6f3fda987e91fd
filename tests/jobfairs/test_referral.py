"""Referral to recognition counselling (issue 19 item 5): a job-seeker whose qualification is
not yet recognised sees the centre of their district (from the directory's responsibility
matrix, wired by the site) on the confirmation page and in the confirmation e-mail; with their
consent the centre gets their contact data by e-mail. The plugin itself knows no directory."""

import ast
import datetime
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import jobfairs
from directory.models import (
    CentrePage,
    DirectoryIndexPage,
    District,
    Institution,
    ResponsibilityEntry,
)
from events.models import Registration
from events.registration.privacy_ops import erase_expired, erase_registration
from jobfairs.models import CounsellingReferral

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(home_page, locales):
    """As the demo has it: IBAS Leipzig for Leipzig, IBAS Dresden also for Landkreis Meißen."""
    index = DirectoryIndexPage(title="Beratungsstellen", slug="beratungsstellen")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    iq = Institution.objects.create(name="IQ Netzwerk Sachsen")
    leipzig, dresden, meissen = (District.objects.get(slug=s)
                                 for s in ("leipzig", "dresden", "meissen"))
    for title, city, postcode, district, regions, email in (
            ("IBAS Leipzig", "Leipzig", "04109", leipzig, [leipzig], "ibas-leipzig@example.org"),
            ("IBAS Dresden", "Dresden", "01067", dresden, [dresden, meissen],
             "ibas-dresden@example.org")):
        page = CentrePage(title=title, slug=title.lower().replace(" ", "-"), institution=iq,
                          street="Beispielstraße 1", postal_code=postcode, city=city,
                          district=district, email=email, phone="0341 000000-14")
        page.regions = regions
        index.add_child(instance=page)
        page.save_revision().publish()
    for district, department, phone, email in (
            (leipzig, "IBAS Leipzig", "0341 000000-14", "ibas-leipzig@example.org"),
            (meissen, "IBAS Dresden (zuständig für den Landkreis Meißen)", "0351 000000-14",
             "ibas-dresden@example.org")):
        ResponsibilityEntry.objects.create(
            district=district, topic="recognition", institution=iq, department=department,
            contact_name="Beispielname", phone=phone, email=email, locale=locales["de"])
        ResponsibilityEntry.objects.create(
            district=district, topic="work_permit", institution=iq, department="Ausländeramt",
            email="amt@example.org", locale=locales["de"])


def form_url(occurrence):
    return reverse("events_registration:form", args=[occurrence.uid, "jobseeker"])


@pytest.fixture
def sign_up(client, occurrence, django_capture_on_commit_callbacks):
    """A job-seeker signs up through the public form; returns (response, registration)."""
    def run(email="omar@example.org", **fields):
        html = client.get(form_url(occurrence)).content.decode()
        hidden = {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
                  for name in ("rendered", "form_token")}
        data = {"name": "Omar Haidari", "email": email, "language": "de", "consent": "on",
                "website": "", "trades": ["maurer"], "languages": ["fa", "de"],
                "german_level": "A2", "recognition": "none", "phone": "0176 555 1234",
                **hidden, **fields}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(form_url(occurrence), data)
        registration = Registration.objects.filter(email=email).first()
        return response, registration
    return run


def confirm_by_link(client, registration, capture):
    """The person clicks the link in their e-mail."""
    body = next(m.body for m in mail.outbox if m.to == [registration.email])
    path = re.search(r"https?://[^/\s]+(/\S*/confirm/\S+)", body).group(1)
    with capture(execute=True):
        response = client.get(path)
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"])


def test_the_form_asks_the_district_and_an_unticked_consent(client, occurrence, matrix):
    html = client.get(form_url(occurrence)).content.decode()
    assert re.search(r'<select name="home_district"[^>]*>', html)
    assert '<option value="meissen">Landkreis Meißen</option>' in html
    box = re.search(r'<input type="checkbox" name="counselling_referral"[^>]*>', html).group(0)
    assert "checked" not in box


def test_not_recognised_with_consent_shows_and_refers_to_the_districts_centre(
        client, occurrence, matrix, sign_up, django_capture_on_commit_callbacks):
    response, registration = sign_up(home_district="meissen", counselling_referral="on")
    assert response.status_code == 302, response.content.decode()[:2000]
    status_page = client.get(response["Location"]).content.decode()
    # The centre responsible for Meißen is IBAS Dresden (not the one in Leipzig).
    assert "IBAS Dresden (zuständig für den Landkreis Meißen)" in status_page
    assert "0351 000000-14" in status_page and "ibas-dresden@example.org" in status_page
    assert "Beispielstraße 1, 01067 Dresden" in status_page
    assert "IBAS Leipzig" not in status_page and "Ausländeramt" not in status_page
    # Not yet referred: the e-mail address is not confirmed.
    assert 'data-referral="after-confirmation"' in status_page
    assert not CounsellingReferral.objects.exists()
    assert not [m for m in mail.outbox if "ibas-dresden@example.org" in m.to]

    page = confirm_by_link(client, registration, django_capture_on_commit_callbacks)
    assert 'data-referral="sent"' in page.content.decode()
    confirmed = [m for m in mail.outbox if m.to == ["omar@example.org"]][-1]
    assert "IBAS Dresden (zuständig für den Landkreis Meißen)" in confirmed.body
    assert "0351 000000-14" in confirmed.body
    to_centre = [m for m in mail.outbox if m.to == ["ibas-dresden@example.org"]]
    assert len(to_centre) == 1
    body = to_centre[0].body
    for expected in ("Omar Haidari", "omar@example.org", "0176 555 1234", occurrence.page.title,
                     "Persisch"):
        assert expected in body
    assert to_centre[0].reply_to == ["omar@example.org"]
    referral = CounsellingReferral.objects.get()
    assert (referral.registration_id, referral.district) == (registration.pk, "meissen")
    assert referral.sent_at is not None

    # A later change of the registration (attended) refers nobody twice.
    from events.registration import services
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attended(Registration.objects.get(pk=registration.pk))
    assert len([m for m in mail.outbox if m.to == ["ibas-dresden@example.org"]]) == 1


def test_without_consent_the_centre_is_shown_but_gets_nothing(
        client, occurrence, matrix, sign_up, django_capture_on_commit_callbacks):
    response, registration = sign_up(home_district="leipzig", recognition="in_progress")
    status_page = client.get(response["Location"]).content.decode()
    assert "IBAS Leipzig" in status_page and "Beispielstraße 1, 04109 Leipzig" in status_page
    assert "data-referral" not in status_page
    confirm_by_link(client, registration, django_capture_on_commit_callbacks)
    assert "IBAS Leipzig" in [m for m in mail.outbox if m.to == ["omar@example.org"]][-1].body
    assert not [m for m in mail.outbox if "ibas-leipzig@example.org" in m.to]
    assert not CounsellingReferral.objects.exists()


def test_a_recognised_qualification_gets_no_centre(client, occurrence, matrix, sign_up):
    response, registration = sign_up(home_district="leipzig", recognition="recognised")
    assert response.status_code == 302
    assert "IBAS" not in client.get(response["Location"]).content.decode()


def test_consent_without_district_or_for_a_recognised_qualification_is_a_form_error(
        client, occurrence, matrix, sign_up):
    response, registration = sign_up(counselling_referral="on")
    assert response.status_code == 400 and registration is None
    with translation.override("de"):  # the form speaks the page's language
        missing, unknown = (
            gettext("Choose your district, so that we know which centre is responsible."),
            gettext("Choose your district from the list."))
    assert missing in response.content.decode()
    response, registration = sign_up(home_district="atlantis")
    assert response.status_code == 400 and registration is None
    assert unknown in response.content.decode()
    response, registration = sign_up(home_district="leipzig", recognition="recognised",
                                     counselling_referral="on")
    assert response.status_code == 400 and registration is None


def test_the_api_takes_the_district_and_the_consent(
        client, occurrence, matrix, django_capture_on_commit_callbacks):
    def post(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/api/v2/registrations/", json.dumps({
                "kind": "jobseeker", "occurrence": occurrence.pk, "name": "Lena Koval",
                "email": "lena@example.org", "trades": ["maurer"], "german_level": "B1",
                "recognition": "none", "consent": True, **fields}),
                content_type="application/json")

    bad = post(home_district="atlantis", counselling_referral=True)
    assert bad.status_code == 400 and "home_district" in bad.json()["errors"]
    assert post(home_district="leipzig", counselling_referral="yes").status_code == 400
    response = post(home_district="leipzig", counselling_referral=True)
    assert response.status_code == 201, response.json()
    registration = Registration.objects.get(email="lena@example.org")
    assert registration.data["home_district"] == "leipzig"
    assert registration.data["counselling_referral"] is True


def test_without_the_setting_nothing_is_asked_or_shown(
        client, occurrence, matrix, sign_up, settings):
    settings.JOBFAIRS_COUNSELLING_LOOKUP = None
    html = client.get(form_url(occurrence)).content.decode()
    assert "<select name=\"home_district\"" not in html
    assert 'type="checkbox" name="counselling_referral"' not in html
    response, registration = sign_up(home_district="leipzig", counselling_referral="on")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "IBAS" not in client.get(response["Location"]).content.decode()
    assert registration.data["counselling_referral"] is False


def test_a_failing_lookup_breaks_nothing(client, occurrence, matrix, sign_up, settings):
    settings.JOBFAIRS_COUNSELLING_LOOKUP = "tests.jobfairs.test_referral.broken_lookup"
    response, registration = sign_up(home_district="leipzig")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and "IBAS" not in page.content.decode()


def broken_lookup(district, language):
    raise RuntimeError("directory down")


def test_erasure_removes_the_referral_with_the_registration(
        client, occurrence, matrix, sign_up, django_capture_on_commit_callbacks):
    response, registration = sign_up(home_district="meissen", counselling_referral="on")
    confirm_by_link(client, registration, django_capture_on_commit_callbacks)
    assert CounsellingReferral.objects.count() == 1
    second, other = sign_up(email="second@example.org", home_district="leipzig",
                            counselling_referral="on")
    confirm_by_link(client, other, django_capture_on_commit_callbacks)
    assert CounsellingReferral.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        erase_registration(Registration.objects.get(pk=registration.pk))
    assert list(CounsellingReferral.objects.values_list("registration_id", flat=True)) == [other.pk]
    erase_expired(now=occurrence.end + datetime.timedelta(days=400))
    assert not CounsellingReferral.objects.exists()


def test_the_jobfairs_plugin_imports_no_directory_and_no_site_module():
    package = Path(jobfairs.__file__).parent
    offenders = []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offenders += [f"{path.name}: {name}" for name in names
                          if name.split(".")[0] in ("directory", "cms", "home")]
    assert offenders == []
    # Nor does any template or string name it as a dotted path to import at run time.
    texts = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    assert not re.search(r"[\"']directory\.", texts)


@pytest.mark.parametrize("fields, accepted", [
    ({"counselling_referral": True, "recognition": "recognised", "home_district": "leipzig"},
     False),
    ({"counselling_referral": True, "recognition": "none"}, False),
    ({"counselling_referral": True, "recognition": "in_progress", "home_district": "leipzig"},
     True),
    ({"counselling_referral": False, "recognition": "recognised"}, True),
    ({"recognition": "recognised"}, True),
])
def test_the_api_document_says_when_a_referral_is_accepted(
        client, occurrence, matrix, fields, accepted, django_capture_on_commit_callbacks):
    """The OpenAPI document ties the referral to recognition and district as the form does, so
    a body valid by the document is accepted and one it refuses answers 400 (schemathesis found
    a referral with a recognised qualification that the document accepted and the API refused)."""
    import jsonschema

    document = client.get("/api/schema/?format=json").json()
    schema = {**document["components"]["schemas"]["JobseekerRegistration"],
              "components": document["components"]}
    body = {"kind": "jobseeker", "occurrence": occurrence.pk, "name": "Lena Koval",
            "email": "lena@example.org", "trades": ["maurer"], "german_level": "B1",
            "consent": True, **fields}
    valid = jsonschema.Draft4Validator(schema).is_valid(body)  # "#/components/…" refs resolve in it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v2/registrations/", json.dumps(body),
                               content_type="application/json")
    assert (valid, response.status_code) == (accepted, 201 if accepted else 400), response.json()
