"""In Chromium: a job-seeker opens their personal page, marks a job posting of interest and
saves; the employer then sees an interested anonymous candidate. axe-core clean on both pages."""

import pytest
from django.urls import reverse

from jobfairs.models import Interest, PostingStatus
from jobfairs.postings import manage_token
from jobfairs.preferences import fair_reference

from .test_postings import make_posting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_jobseeker_marks_a_posting_of_interest(live_server, fair, make_employer,
                                               make_jobseeker, browser_page, axe_check):
    employer = make_employer(company="Muster Bau GmbH")
    posting = make_posting(employer, status=PostingStatus.APPROVED)
    seeker = make_jobseeker(name="Amal Haddad")

    page = browser_page
    page.goto(live_server.url + reverse("jobfairs:jobseeker", args=[seeker.reference]))
    assert axe_check(page).response["violations"] == []
    box = page.locator(f"input[name=posting][value='{posting.uid}']")
    assert not box.is_checked()
    # The label names the posting: clicking it ticks the box.
    page.locator(f"label[for='posting-{posting.uid}']").click()
    assert box.is_checked()
    page.locator("form.interests-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").first.is_visible()
    assert page.locator(f"input[name=posting][value='{posting.uid}']").is_checked()
    assert axe_check(page).response["violations"] == []
    interest = Interest.objects.get()
    assert (interest.jobseeker, interest.employer, interest.posting) == (seeker, employer, posting)

    page.goto(live_server.url + reverse("jobfairs:candidates", args=[manage_token(employer)]))
    assert axe_check(page).response["violations"] == []
    row = page.locator(f"tr[data-reference='{fair_reference(seeker)}']")
    assert row.is_visible() and row.locator(".badge").is_visible()
    assert "Amal" not in page.content() and "Haddad" not in page.content()
