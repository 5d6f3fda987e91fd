"""In Chromium: an employer adds a job posting through the link from their e-mail, an editor
approves it in the admin, a visitor sees it on the fair page; axe-core clean on both public pages."""

import re

import pytest
from django.test import Client

from jobfairs.models import JobPosting, PostingStatus
from tests.browser_helpers import fill_employer_sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    """The browser takes the session of a test client signed in as `user`."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])


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
    sign_in(page, live_server, manager)
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


def test_employer_signs_up_with_postings_editor_approves_jobseeker_marks_interest(
        live_server, occurrence, fair, browser_page, axe_check, staff, committed,
        make_jobseeker):
    from django.urls import reverse

    from events.models import Registration
    from events.registration import services as registration_services
    from jobfairs.models import Interest

    page = browser_page
    page.goto(live_server.url + reverse("events_registration:form",
                                        args=[occurrence.uid, "employer"]))
    axe_check(page)
    form = page.locator("form.registration-form")
    fill_employer_sign_up(form, company="Muster Bau GmbH", public_listing=True)
    form.locator("select[name='posting-0-trade']").select_option("maurer")
    form.locator("input[name='posting-0-level'][value=skilled]").check()
    form.locator("select[name='posting-0-german_level']").select_option("B1")
    form.locator("input[name='posting-0-start_date']").fill("2027-03-01")
    form.locator("input[name='posting-0-places']").fill("2")
    form.locator("textarea[name='posting-0-description']").fill(
        "Mauern und Verputzen im Hochbau.")
    # A second posting: the button sends the form and brings it back with one more row.
    form.locator("button[name=add_posting]").click()
    page.wait_for_load_state()
    form = page.locator("form.registration-form")
    assert form.locator("textarea[name='posting-0-description']").input_value() == (
        "Mauern und Verputzen im Hochbau.")
    assert form.locator("input[name=company]").input_value() == "Muster Bau GmbH"
    axe_check(page)
    form.locator("select[name='posting-1-trade']").select_option("zimmerer")
    form.locator("input[name='posting-1-level'][value=apprenticeship]").check()
    form.locator("input[name='posting-1-start_date']").fill("2027-08-01")
    form.locator("textarea[name='posting-1-description']").fill("Ausbildung zum Zimmerer.")
    form.locator("button[type=submit]:not([name]):not([data-default-submit])").click()
    page.wait_for_load_state()
    assert page.locator(".form-errors").count() == 0, page.locator(".posting-rows").inner_text()
    employer = Registration.objects.get(option__kind="employer")
    assert sorted(JobPosting.objects.filter(employer=employer).values_list(
        "description", "status")) == [("Ausbildung zum Zimmerer.", PostingStatus.PENDING),
                                      ("Mauern und Verputzen im Hochbau.", PostingStatus.PENDING)]

    # The fair's team confirms the employer (tested elsewhere) …
    if employer.state == "pending":
        employer = committed(registration_services.confirm, employer)
    committed(registration_services.approve, employer, user=staff)
    page.goto(f"{live_server.url}{fair.url}")
    assert page.get_by_text("Mauern und Verputzen im Hochbau.").count() == 0
    # … and an editor approves the bricklayer's posting in the admin.
    sign_in(page, live_server, staff)
    posting = JobPosting.objects.get(description="Mauern und Verputzen im Hochbau.")
    page.goto(f"{live_server.url}/admin/jobfair_postings/")
    page.locator(f"a[href*='/{posting.pk}/']").first.click()
    page.locator("button[name=decision][value=approve]").click()
    page.wait_for_load_state()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.APPROVED

    # A job-seeker sees it on the fair page and marks it on their own page.
    page.context.clear_cookies()
    seeker = make_jobseeker(name="Amal Haddad")
    page.goto(f"{live_server.url}{fair.url}")
    postings = page.locator("#postings")
    assert postings.get_by_text("Mauern und Verputzen im Hochbau.").is_visible()
    assert postings.get_by_text("Ausbildung zum Zimmerer.").count() == 0  # not yet approved
    page.goto(live_server.url + reverse("jobfairs:jobseeker", args=[seeker.reference]))
    page.locator(f"label[for='posting-{posting.uid}']").click()
    page.locator("form.interests-form button[type=submit]").click()
    page.wait_for_load_state()
    interest = Interest.objects.get()
    assert (interest.jobseeker, interest.employer, interest.posting) == (seeker, employer,
                                                                        posting)
