"""Job postings: the employer adds them through their signed link, an editor approves them in
the admin, and only then do they show on the fair page and in the API."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from events.models import RegistrationState
from jobfairs.models import JobPosting, PostingStatus
from jobfairs.postings import add_posting, manage_token, review_posting, trade_for_slug

pytestmark = pytest.mark.django_db
API = "/api/v2/job-postings/"


def manage_url(registration):
    return reverse("jobfairs:employer", args=[manage_token(registration)])


def posting_form(**changes):
    return {"action": "posting", "trade": "maurer", "level": "skilled", "german_level": "B1",
            "start_date": "2027-03-01", "places": "2",
            "description": "Mauern, Putzen, Verfugen. Wir bieten Tariflohn.", **changes}


def make_posting(employer, status=PostingStatus.PENDING, **fields):
    posting = add_posting(employer, trade=trade_for_slug(fields.pop("trade", "maurer")),
                          level=fields.pop("level", "skilled"),
                          german_level=fields.pop("german_level", "A2"),
                          start_date=fields.pop("start_date", datetime.date(2027, 3, 1)),
                          places=fields.pop("places", 1),
                          description=fields.pop("description", "Maurerarbeiten im Hochbau."))
    if status != PostingStatus.PENDING:
        posting = review_posting(posting, approve=status == PostingStatus.APPROVED)
    return posting


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("manager", "manager@example.org", "pw")
    user.groups.add(Group.objects.get(name="Registration managers"))
    return user


def test_new_employer_gets_the_link_by_email_and_adds_a_posting(
        client, make_employer, mailoutbox):
    employer = make_employer(company="Muster Bau GmbH", approve=False)
    # The e-mail in the employer's language (German): found by its personal link.
    mail = [m for m in mailoutbox if f"/jobfairs/employer/{manage_token(employer)}/" in m.body]
    assert len(mail) == 1 and mail[0].to == [employer.email]
    assert f"/jobfairs/employer/{manage_token(employer)}/" in mail[0].body
    url = manage_url(employer)
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    assert b'name="trade"' in page.content and b"Bricklayer" not in page.content  # German page

    response = client.post(url, posting_form(), follow=True)
    assert response.status_code == 200
    posting = JobPosting.objects.get()
    assert (posting.employer, posting.trade.slug, posting.level, posting.german_level,
            posting.start_date, posting.places, posting.status) == (
        employer, "maurer", "skilled", "B1", datetime.date(2027, 3, 1), 2, PostingStatus.PENDING)
    assert "Warten auf Prüfung" in response.content.decode() or posting.get_status_display() \
        in response.content.decode()


@pytest.mark.parametrize("changes, field", [
    ({"trade": "astronaut"}, "trade"), ({"level": "boss"}, "level"),
    ({"german_level": "D1"}, "german_level"), ({"start_date": "morgen"}, "start_date"),
    ({"places": "0"}, "places"), ({"places": "1000"}, "places"),
    ({"description": ""}, "description"), ({"description": "x" * 601}, "description"),
    ({"description": "Hallo\x00"}, "description"),
])
def test_bad_posting_input_is_a_message_next_to_the_field_and_nothing_is_stored(
        client, make_employer, changes, field):
    employer = make_employer()
    response = client.post(manage_url(employer) + "?lang=en", posting_form(**changes))
    assert response.status_code == 400
    assert response.context["posting_form"].errors[field]
    assert f'id="id_{field}_error"' in response.content.decode() or \
        f'id="id_{field}_0"' in response.content.decode()
    assert not JobPosting.objects.exists()


def test_a_changed_or_foreign_link_opens_nothing(client, make_employer, make_jobseeker):
    employer = make_employer()
    assert client.get(manage_url(employer)[:-3] + "xyz/").status_code == 404
    assert client.get(reverse("jobfairs:employer", args=[employer.reference])).status_code == 404
    seeker = make_jobseeker()
    assert client.get(manage_url(seeker)).status_code == 404


def test_employer_removes_only_their_own_posting(client, make_employer):
    first, second = make_employer(), make_employer()
    theirs = make_posting(second)
    response = client.post(manage_url(first), {"action": "withdraw", "posting": str(theirs.uid)})
    assert response.status_code == 400 and JobPosting.objects.filter(pk=theirs.pk).exists()
    assert client.post(manage_url(first), {"action": "withdraw", "posting": "1"}).status_code == 400
    mine = make_posting(first)
    client.post(manage_url(first), {"action": "withdraw", "posting": str(mine.uid)})
    assert not JobPosting.objects.filter(pk=mine.pk).exists()


def test_cancelled_employer_can_no_longer_add(client, make_employer, committed):
    from events.registration import services as registration_services

    employer = make_employer()
    committed(registration_services.cancel, employer)
    response = client.post(manage_url(employer), posting_form())
    assert response.status_code == 400 and not JobPosting.objects.exists()


def test_only_approved_postings_of_listed_employers_show_on_the_page_and_in_the_api(
        client, fair, make_employer):
    listed = make_employer(company="Muster Bau GmbH")
    hidden = make_employer(company="Geheim KG", public=False)
    make_posting(listed, status=PostingStatus.APPROVED, trade="zimmerer",
                 description="Dachstühle abbinden.")
    make_posting(listed, description="Noch nicht geprüft.")
    make_posting(listed, status=PostingStatus.REJECTED, description="Abgelehnt.")
    make_posting(hidden, status=PostingStatus.APPROVED, description="Nicht genannt.")

    html = client.get(fair.url).content.decode()
    assert "Dachstühle abbinden." in html and 'id="postings"' in html
    for text in ("Noch nicht geprüft.", "Abgelehnt.", "Nicht genannt."):
        assert text not in html

    data = client.get(API, {"fair": fair.pk}).json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["company"] == "Muster Bau GmbH" and item["occupation"]["slug"] == "zimmerer"
    assert item["level"] == "skilled" and item["german_level"] == "A2"
    assert item["start_date"] == "2027-03-01" and item["places"] == 1
    assert len(item["id"]) == 36  # a UUID, not the row id
    assert "firma" not in json.dumps(data)


def test_api_names_the_occupation_in_the_requested_language(client, fair, make_employer):
    make_posting(make_employer(), status=PostingStatus.APPROVED)
    german = client.get(API, {"fair": fair.pk}).json()["items"][0]["occupation"]
    english = client.get(API, {"fair": fair.pk}, headers={"Accept-Language": "en"}).json()
    assert german["name"] == "Maurer/-in"
    assert english["items"][0]["occupation"]["name"] == "Bricklayer"


def test_api_refuses_bad_fair_ids(client, fair):
    assert client.get(API).status_code == 400
    assert client.get(API, {"fair": "x"}).status_code == 400
    assert client.get(API, {"fair": 999999}).status_code == 404


def test_fair_page_with_postings_and_exhibitors_keeps_its_query_count(
        client, fair, make_employer, django_assert_max_num_queries):
    for _n in range(2):
        employer = make_employer()
        make_posting(employer, status=PostingStatus.APPROVED)
        make_posting(employer, status=PostingStatus.APPROVED, trade="zimmerer")
    client.get(fair.url)
    cache.clear()  # measure the rendering, not the page cache
    with django_assert_max_num_queries(60) as few:
        client.get(fair.url)
    budget = len(few.captured_queries)
    assert budget
    for _n in range(3):  # the fair has five employer places
        employer = make_employer()
        make_posting(employer, status=PostingStatus.APPROVED)
    cache.clear()
    with django_assert_max_num_queries(budget):
        assert "Maurerarbeiten" in client.get(fair.url).content.decode()


# The editors' review ---------------------------------------------------------------------------

def test_registration_manager_sees_pending_postings_and_approves_one(
        client, fair, make_employer, reviewer, django_capture_on_commit_callbacks):
    posting = make_posting(make_employer(company="Muster Bau GmbH"))
    client.force_login(reviewer)
    listing = client.get(reverse("jobfair_postings:index"))
    assert listing.status_code == 200
    assert "Muster Bau GmbH" in listing.content.decode()
    pending = client.get(reverse("jobfair_postings:index"), {"status": "pending"})
    assert "Muster Bau GmbH" in pending.content.decode()

    inspect = reverse("jobfair_postings:inspect", args=[posting.pk])
    assert client.get(inspect).status_code == 200
    visitor = Client()
    assert "Maurerarbeiten im Hochbau." not in visitor.get(fair.url).content.decode()  # cached
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(inspect, {"decision": "approve"})
    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.status == PostingStatus.APPROVED and posting.reviewed_by == reviewer
    # The cached page is purged: the visitor sees the approved posting at once.
    assert "Maurerarbeiten im Hochbau." in visitor.get(fair.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(inspect, {"decision": "reject"})
    posting.refresh_from_db()
    assert posting.status == PostingStatus.REJECTED
    assert "Maurerarbeiten im Hochbau." not in visitor.get(fair.url).content.decode()


def test_approving_twice_is_a_message_not_an_error(client, make_employer, reviewer):
    posting = make_posting(make_employer(), status=PostingStatus.APPROVED)
    client.force_login(reviewer)
    inspect = reverse("jobfair_postings:inspect", args=[posting.pk])
    response = client.post(inspect, {"decision": "approve"}, follow=True)
    assert response.status_code == 200
    assert client.post(inspect, {"decision": "maybe"}).status_code == 302


def test_other_editors_neither_see_nor_review_postings(client, make_employer, django_user_model):
    posting = make_posting(make_employer())
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get(reverse("jobfair_postings:index")).status_code in (302, 403)
    inspect = reverse("jobfair_postings:inspect", args=[posting.pk])
    assert client.post(inspect, {"decision": "approve"}).status_code in (302, 403)
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PENDING


def test_review_is_in_the_audit_log(make_employer, staff):
    from wagtail.models import ModelLogEntry

    posting = make_posting(make_employer())
    review_posting(posting, approve=True, user=staff)
    actions = set(ModelLogEntry.objects.filter(object_id=str(posting.pk))
                  .values_list("action", flat=True))
    assert {"jobfairs.posting.submitted", "jobfairs.posting.approved"} <= actions


def test_erased_or_withdrawn_employer_hides_postings(client, fair, make_employer, committed):
    from events.registration import services as registration_services

    employer = make_employer()
    make_posting(employer, status=PostingStatus.APPROVED, description="Bald weg.")
    assert "Bald weg." in client.get(fair.url).content.decode()
    committed(registration_services.cancel, employer)
    employer.refresh_from_db()
    assert employer.state == RegistrationState.CANCELLED
    assert "Bald weg." not in client.get(fair.url).content.decode()
