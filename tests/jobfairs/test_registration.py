"""Employers and job-seekers register: approval, public exhibitor list with consent, the form,
the API (trades as slugs or German names), counsellors (phone only), the optional e-mail core."""

import json

import pytest
from django.urls import reverse

from events.models import Registration, RegistrationState
from events.registration import services as registration_services
from jobfairs.models import JobFairPage

from .conftest import option_of

pytestmark = pytest.mark.django_db
S = RegistrationState


def test_publishing_the_fair_creates_both_registration_places(fair, occurrence):
    employer, jobseeker = option_of(occurrence, "employer"), option_of(occurrence, "jobseeker")
    assert employer.requires_approval and employer.capacity == 5
    assert not jobseeker.requires_approval and jobseeker.capacity == 20
    fair.jobseeker_capacity = 30
    fair.save_revision().publish()
    assert option_of(occurrence, "jobseeker").capacity == 30


def test_employer_waits_for_approval_and_only_consenting_approved_ones_are_listed(
        client, fair, make_employer, committed, staff, django_assert_max_num_queries):
    waiting = make_employer(company="Wartend GmbH", approve=False)
    assert waiting.state == S.AWAITING_APPROVAL
    make_employer(company="Bau Muster GmbH", trades=["maurer", "zimmerer"])
    make_employer(company="Geheim KG", public=False)
    page = JobFairPage.objects.get(pk=fair.pk)
    with django_assert_max_num_queries(5):  # locale, registrations, approved postings, trades
        listed = page.exhibitors()
    assert [(e.company, [t.slug for t in e.trades]) for e in listed] == [
        ("Bau Muster GmbH", ["maurer", "zimmerer"])]
    content = client.get(fair.url).content.decode()
    assert "Bau Muster GmbH" in content and "Geheim KG" not in content
    assert "Wartend GmbH" not in content
    committed(registration_services.approve, waiting, user=staff)
    assert "Wartend GmbH" in client.get(fair.url).content.decode()


def test_english_page_lists_exhibitors_with_english_trade_names(client, fair, make_employer,
                                                                locales):
    make_employer(company="Bau Muster GmbH", trades=["zimmerer"])
    english = fair.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    content = client.get(english.specific.url).content.decode()
    assert "Bau Muster GmbH" in content and "Carpenter" in content


def test_api_exposes_exhibitors_without_contact_data_and_places(client, fair, make_employer):
    make_employer(company="Bau Muster GmbH", trades=["maurer"])
    data = client.get(f"/api/v2/pages/{fair.pk}/").json()
    # An employer without a profile: its fields are there, empty.
    assert data["exhibitors"] == [{"company": "Bau Muster GmbH", "trades": ["maurer"],
                                   "logo": None, "description": "", "description_language": "",
                                   "website": ""}]
    assert "firma" not in json.dumps(data)  # no contact e-mail anywhere
    (places,) = data["places"]
    kinds = {item["kind"]: item for item in places["registration"]}
    assert kinds["employer"]["remaining"] == 4 and kinds["jobseeker"]["remaining"] == 20
    assert {t["slug"] for t in data["trades"]} == {"maurer", "zimmerer", "fliesenleger"}


def api_post(client, payload, capture):
    with capture(execute=True):
        return client.post("/api/v2/registrations/", json.dumps(payload),
                           content_type="application/json")


def test_api_employer_signup_with_german_occupation_names(client, occurrence,
                                                          django_capture_on_commit_callbacks):
    response = api_post(client, {
        "kind": "employer", "occurrence": occurrence.pk, "company": "Muster Bau",
        "name": "Anna Muster", "email": "anna@muster.example", "phone": "0341 1",
        "address": "Musterweg 1, Leipzig", "trades": ["Maurer", "zimmerer"],
        "open_positions": 3, "apprenticeships": 1, "interviews": 5, "public_listing": True,
        "consent": True}, django_capture_on_commit_callbacks)
    assert response.status_code == 201, response.json()
    registration = Registration.objects.get()
    assert registration.state == S.AWAITING_APPROVAL
    assert registration.data["trades"] == ["maurer", "zimmerer"]
    assert registration.data["company"] == "Muster Bau"


def test_api_refuses_unknown_trades_with_a_field_error(client, occurrence,
                                                      django_capture_on_commit_callbacks):
    response = api_post(client, {
        "kind": "jobseeker", "occurrence": occurrence.pk, "name": "Omar", "email": "o@example.org",
        "trades": ["Astronaut"], "german_level": "B1", "recognition": "none", "consent": True,
    }, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "Astronaut" in response.json()["errors"]["trades"][0]


def test_api_jobseeker_needs_an_email(client, occurrence, django_capture_on_commit_callbacks):
    payload = {"kind": "jobseeker", "occurrence": occurrence.pk, "name": "Omar",
               "phone": "0176 1", "languages": ["ar", "en"], "german_level": "A2",
               "interpreter_language": "ar", "trades": ["Fliesenleger/-in"],
               "recognition": "in_progress", "consent": True}
    assert api_post(client, payload, django_capture_on_commit_callbacks).status_code == 400
    payload["email"] = "omar@example.org"
    response = api_post(client, payload, django_capture_on_commit_callbacks)
    assert response.status_code == 201
    registration = Registration.objects.get()
    assert registration.state == S.PENDING  # confirm link by e-mail
    assert registration.data["languages"] == ["ar", "en"]
    assert registration.data["interpreter_language"] == "ar"
    assert registration.data["trades"] == ["fliesenleger"]
    assert "nationality" not in registration.data and "residence" not in str(registration.data)


def test_jobseeker_registers_through_the_form(client, occurrence, mailoutbox,
                                              django_capture_on_commit_callbacks):
    url = reverse("events_registration:form", args=[occurrence.uid, "jobseeker"])
    page = client.get("/en" + url[3:] if url.startswith("/de/") else url)
    assert page.status_code == 200 and b'name="german_level"' in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {
            "name": "Mariam", "email": "mariam@example.org", "language": "en",
            "consent": "on", "trades": ["maurer"], "german_level": "B1",
            "languages": ["fa", "en"], "recognition": "recognised",
            "rendered": page.context["form"]["rendered"].value(), "form_token": "t1"})
    assert response.status_code == 302, response.content
    assert Registration.objects.get().data["recognition"] == "recognised"
    assert len(mailoutbox) == 1


def test_counsellor_registers_a_client_with_phone_only(client, counsellor, occurrence,
                                                       mailoutbox,
                                                       django_capture_on_commit_callbacks):
    client.force_login(counsellor)
    url = reverse("jobfairs_admin:clients")
    assert client.get(url).status_code == 200
    form = {"occurrence": occurrence.pk, "name": "Yusuf Ahmadi", "email": "", "phone": "",
            "language": "de", "consent": "on", "trades": ["maurer"], "german_level": "none",
            "interpreter_language": "fa", "recognition": "not_needed"}
    response = client.post(url, form)
    assert response.status_code == 200 and not Registration.objects.exists()  # phone needed
    form["phone"] = "0176 123"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.state == S.CONFIRMED and registration.email == ""
    assert registration.phone == "0176 123" and registration.created_by == counsellor
    assert mailoutbox == []
    assert "Yusuf Ahmadi" in client.get(url).content.decode()


def test_counsellors_see_only_their_own_clients_and_no_other_admin_views(
        client, counsellor, staff, occurrence, make_jobseeker, django_user_model):
    make_jobseeker(name="Fremde Person")  # created by the admin
    client.force_login(counsellor)
    assert "Fremde Person" not in client.get(reverse("jobfairs_admin:clients")).content.decode()
    assert client.get(reverse("jobfairs_admin:check_in", args=[occurrence.pk])).status_code == 302 \
        or client.get(reverse("jobfairs_admin:check_in", args=[occurrence.pk])).status_code == 403


def test_two_phone_only_registrations_do_not_clash_on_the_empty_address(occurrence,
                                                                        make_jobseeker):
    first, second = make_jobseeker(), make_jobseeker()
    assert first.email == second.email == "" and first.state == second.state == S.CONFIRMED


def test_public_registration_without_email_is_refused_even_for_the_jobseeker_kind(occurrence):
    with pytest.raises(registration_services.RegistrationError) as error:
        registration_services.register(option_of(occurrence, "jobseeker"), name="X", email="",
                                       consent=True)
    assert error.value.code == "email"


def test_staff_cannot_leave_out_the_email_for_kinds_that_require_it(occurrence, staff):
    with pytest.raises(registration_services.RegistrationError):
        registration_services.register(option_of(occurrence, "employer"), name="X", email="",
                                       consent=True, created_by=staff)


def test_waiting_phone_only_registration_is_confirmed_when_a_place_frees(make_fair, committed,
                                                                        staff):
    fair = make_fair(jobseekers=1, days=20)
    option = option_of(fair.occurrences.get(), "jobseeker")
    first = committed(registration_services.register, option, name="A", email="a@example.org",
                      consent=True)
    waiting = committed(registration_services.register, option, name="B", email="",
                        consent=True, created_by=staff)
    assert waiting.state == S.WAITLISTED
    committed(registration_services.cancel, first)
    waiting.refresh_from_db()
    assert waiting.state == S.CONFIRMED


def test_api_listing_names_exhibitor_trades_the_fair_does_not_list(client, fair, make_employer,
                                                                   trades):
    """The listing takes exhibitors' trades from the fair's prefetched trades and looks up
    only the others: a trade the fair does not list is still named."""
    fair.trades = [trades["maurer"]]
    fair.save_revision().publish()
    make_employer(company="Bau Muster GmbH", trades=["maurer", "fliesenleger"])
    items = client.get("/api/v2/pages/?type=jobfairs.JobFairPage&fields=exhibitors").json()["items"]
    (item,) = [item for item in items if item["id"] == fair.pk]
    assert [e["trades"] for e in item["exhibitors"]] == [["maurer", "fliesenleger"]]
