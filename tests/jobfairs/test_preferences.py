"""Preferences through the personal links and the admin: a job-seeker marks postings or
employers on their page, a partner counsellor does so for a client, and an employer sees the
fair's job-seekers anonymously (opaque per-fair references, no name, e-mail or id) and
shortlists them."""

import re

import pytest
from django.urls import reverse

from events.registration import services as registration_services
from jobfairs.matching import MUTUAL, ONE_SIDED
from jobfairs.models import Interest, PostingStatus, Shortlist
from jobfairs.postings import manage_token
from jobfairs.preferences import fair_reference, preferences_for

from .test_postings import make_posting

pytestmark = pytest.mark.django_db


def seeker_url(registration):
    return reverse("jobfairs:jobseeker", args=[registration.reference])


def candidates_url(employer):
    return reverse("jobfairs:candidates", args=[manage_token(employer)])


def test_jobseeker_marks_a_posting_and_an_employer_on_their_page(
        client, make_employer, make_jobseeker):
    bau = make_employer(company="Muster Bau GmbH")
    holz = make_employer(company="Holz & Dach", trades=("zimmerer",))
    posting = make_posting(bau, status=PostingStatus.APPROVED)
    hidden = make_posting(holz)  # not approved: not offered
    seeker = make_jobseeker(name="Amal Haddad")
    page = client.get(seeker_url(seeker))
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    html = page.content.decode()
    assert "Muster Bau GmbH" in html and "Holz &amp; Dach" in html
    assert str(posting.uid) in html and str(hidden.uid) not in html

    response = client.post(seeker_url(seeker), {
        "action": "interests", "posting": [str(posting.uid)],
        "employer": [fair_reference(holz)]})
    assert response.status_code == 302
    marked = set(Interest.objects.filter(jobseeker=seeker)
                 .values_list("employer_id", "posting_id"))
    assert marked == {(bau.pk, posting.pk), (holz.pk, None)}
    page = client.get(seeker_url(seeker)).content.decode()
    assert re.search(rf'value="{posting.uid}"[^>]*checked', page)

    # Unticking everything removes the marks.
    client.post(seeker_url(seeker), {"action": "interests"})
    assert not Interest.objects.filter(jobseeker=seeker).exists()


def test_a_posting_of_another_fair_or_not_approved_is_refused_with_a_message(
        client, make_employer, make_jobseeker):
    employer = make_employer()
    pending = make_posting(employer)
    seeker = make_jobseeker()
    response = client.post(seeker_url(seeker), {"action": "interests",
                                                "posting": [str(pending.uid)]})
    assert response.status_code == 400
    assert "not offered at this fair" in response.content.decode() \
        or "nicht" in response.content.decode()
    response = client.post(seeker_url(seeker), {"action": "interests", "employer": ["NOPE"]})
    assert response.status_code == 400
    assert not Interest.objects.exists()


def test_unknown_or_erased_link_is_404(client, make_jobseeker):
    assert client.get(reverse("jobfairs:jobseeker", args=["x" * 32])).status_code == 404


def test_cancelled_jobseeker_cannot_mark(client, make_employer, make_jobseeker, committed):
    employer = make_employer()
    seeker = make_jobseeker()
    committed(registration_services.cancel, seeker)
    response = client.post(seeker_url(seeker), {"action": "interests",
                                                "employer": [fair_reference(employer)]})
    assert response.status_code == 400 and not Interest.objects.exists()


def test_counsellor_marks_interests_for_their_own_client_in_the_admin(
        client, counsellor, staff, occurrence, make_employer, committed):
    from jobfairs.services import register_client
    from tests.jobfairs.conftest import option_of

    employer = make_employer(company="Muster Bau GmbH")
    posting = make_posting(employer, status=PostingStatus.APPROVED)
    mine = committed(register_client, option_of(occurrence, "jobseeker"), name="Client Eins",
                     phone="0176 1", data={"trades": ["maurer"], "german_level": "A1"},
                     user=counsellor)
    other = committed(register_client, option_of(occurrence, "jobseeker"), name="Client Zwei",
                      phone="0176 2", data={"trades": ["maurer"], "german_level": "A1"},
                      user=staff)
    client.force_login(counsellor)
    clients = client.get(reverse("jobfairs_admin:clients")).content.decode()
    url = reverse("jobfairs_admin:interests", args=[mine.pk])
    assert url in clients
    page = client.get(url)
    assert page.status_code == 200 and "Muster Bau GmbH" in page.content.decode()
    response = client.post(url, {"posting": [str(posting.uid)]})
    assert response.status_code == 302
    interest = Interest.objects.get(jobseeker=mine)
    assert interest.posting == posting and interest.created_by == counsellor
    # Someone else's client: not found for this counsellor.
    other_url = reverse("jobfairs_admin:interests", args=[other.pk])
    # (The locale middleware redirects a 404 to the language-prefixed address first.)
    assert client.get(other_url, follow=True).status_code == 404
    assert client.post(other_url, {"posting": [str(posting.uid)]}, follow=True).status_code == 404
    assert not Interest.objects.filter(jobseeker=other).exists()


def test_a_user_without_permission_cannot_open_the_interests_view(
        client, django_user_model, make_jobseeker):
    seeker = make_jobseeker()
    user = django_user_model.objects.create_user("nobody", "n@example.org", "pw")
    client.force_login(user)
    response = client.get(reverse("jobfairs_admin:interests", args=[seeker.pk]), follow=True)
    assert response.status_code == 403 or b"login" in response.content.lower()


def test_employer_sees_anonymous_profiles_and_shortlists(client, make_employer, make_jobseeker):
    employer = make_employer(company="Muster Bau GmbH")
    amal = make_jobseeker(name="Amal Haddad", experience="5 Jahre Maurer in Aleppo",
                          languages=("ar", "en"), german_level="B1")
    type(amal).objects.filter(pk=amal.pk).update(email="amal.haddad@example.org")
    karim = make_jobseeker(name="Karim Nasser", trades=("zimmerer",))
    Interest.objects.create(jobseeker=karim, employer=employer)
    page = client.get(candidates_url(employer))
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    html = page.content.decode()
    for secret in ("Amal", "Haddad", "Karim", "Nasser", "amal.haddad", amal.reference,
                   karim.reference, amal.phone, f'value="{amal.pk}"', f'value="{karim.pk}"'):
        assert secret not in html, secret
    assert "5 Jahre Maurer in Aleppo" in html and "B1" in html
    assert fair_reference(amal) in html and fair_reference(karim) in html
    # Who marked this employer comes first.
    assert html.index(fair_reference(karim)) < html.index(fair_reference(amal))

    response = client.post(candidates_url(employer), {"shortlist": [fair_reference(karim),
                                                                    fair_reference(amal)]})
    assert response.status_code == 302
    assert set(Shortlist.objects.filter(employer=employer)
               .values_list("jobseeker_id", flat=True)) == {amal.pk, karim.pk}
    assert preferences_for(employer.occurrence) == {(karim.pk, employer.pk): MUTUAL,
                                                    (amal.pk, employer.pk): ONE_SIDED}
    client.post(candidates_url(employer), {"shortlist": [fair_reference(karim)]})
    assert list(Shortlist.objects.values_list("jobseeker_id", flat=True)) == [karim.pk]


def test_references_are_per_fair_and_not_sequential(make_employer, make_jobseeker):
    seekers = [make_jobseeker() for _ in range(5)]
    references = [fair_reference(s) for s in seekers]
    assert len(set(references)) == 5
    assert all(str(s.pk) != r for s, r in zip(seekers, references, strict=True))
    assert all(re.fullmatch(r"[0-9A-F]{10}", r) for r in references)


def test_employer_shortlist_with_a_foreign_reference_is_refused(
        client, make_employer, make_jobseeker):
    employer = make_employer()
    response = client.post(candidates_url(employer), {"shortlist": ["ABCDEF0123"]})
    assert response.status_code == 400 and not Shortlist.objects.exists()


def test_bad_employer_link_is_404(client):
    assert client.get(reverse("jobfairs:candidates", args=["nope"])).status_code == 404


def test_employer_page_links_to_the_candidates(client, make_employer):
    employer = make_employer()
    html = client.get(reverse("jobfairs:employer", args=[manage_token(employer)])).content
    assert candidates_url(employer).encode() in html


def test_the_personal_status_page_links_to_the_jobseekers_fair_page(client, make_jobseeker):
    seeker = make_jobseeker()
    page = client.get(reverse("events_registration:status", args=[seeker.reference]))
    assert page.status_code == 200
    assert seeker_url(seeker) in page.content.decode()


def test_no_fair_page_link_before_the_place_is_confirmed(client, occurrence, committed):
    from tests.jobfairs.conftest import option_of

    pending = committed(registration_services.register, option_of(occurrence, "jobseeker"),
                        name="Noch Offen", email="offen@example.org", consent=True,
                        data={"trades": ["maurer"], "german_level": "A1"})
    assert pending.state == "pending"
    page = client.get(reverse("events_registration:status", args=[pending.reference]))
    assert seeker_url(pending) not in page.content.decode()
