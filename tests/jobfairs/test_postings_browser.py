"""In Chromium: an employer adds a job posting through the link from their e-mail, an editor
approves it in the admin, a visitor sees it on the fair page; axe-core clean on both public pages."""

import re

import pytest
from django.test import Client

from jobfairs.models import JobPosting, PostingStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_employer_adds_posting_editor_approves_visitor_sees_it(
        live_server, fair, make_employer, browser_page, axe_check, mailoutbox, staff):
    employer = make_employer(company="Muster Bau GmbH")
    (mail,) = [m for m in mailoutbox if m.to == [employer.email] and "/employer/" in m.body]
    link = re.search(r"https?://\S+/employer/\S+/", mail.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    page = browser_page
    page.goto(f"{live_server.url}/{path}")
    axe_check(page)
    form = page.locator("form:has(input[name=action][value=posting])")
    form.locator("select[name=trade]").select_option("maurer")
    form.locator("input[name=level][value=skilled]").check()
    form.locator("select[name=german_level]").select_option("B1")
    form.locator("input[name=start_date]").fill("2027-03-01")
    form.locator("input[name=places]").fill("2")
    form.locator("textarea[name=description]").fill("Mauern und Verputzen im Hochbau.")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").first.is_visible()
    posting = JobPosting.objects.get()
    assert posting.status == PostingStatus.PENDING and posting.employer == employer

    # Not shown before the review.
    page.goto(f"{live_server.url}{fair.url}")
    assert page.get_by_text("Mauern und Verputzen im Hochbau.").count() == 0

    # An editor approves it on the posting's review page in the admin (which groups may do
    # so is tested in test_postings.py; transactional tests flush the groups' permissions).
    manager = staff
    client = Client()
    client.force_login(manager)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/jobfair_postings/")
    page.get_by_role("link", name="Muster Bau GmbH").first.click()
    page.locator("button[name=decision][value=approve]").click()
    page.wait_for_load_state()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.APPROVED and posting.reviewed_by == manager

    # A visitor (signed out) sees it on the fair page.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{fair.url}")
    postings = page.locator("#postings")
    assert postings.get_by_text("Mauern und Verputzen im Hochbau.").is_visible()
    assert postings.get_by_text("Muster Bau GmbH").is_visible()
    axe_check(page)
