"""In Chromium: an employer signs up, an editor approves, it appears on the page; a job-seeker
registers; axe-core clean on the fair page and both forms."""

import re

import pytest
from django.test import Client

from events.models import Registration, RegistrationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_employer_signup_approval_exhibitor_and_jobseeker(live_server, fair, occurrence,
                                                          browser_page, axe_check, staff):
    page = browser_page
    page.goto(f"{live_server.url}/en/registration/{occurrence.uid}/employer/")
    axe_check(page)
    page.get_by_label(re.compile(r"^Name")).fill("Anna Muster")
    page.get_by_label("E-mail").fill("anna@muster.example")
    page.get_by_label(re.compile(r"^Company")).fill("Muster Bau GmbH")
    page.get_by_label("Phone").fill("0341 123")
    page.get_by_label("Address of the company").fill("Musterweg 1, 04109 Leipzig")
    page.get_by_label("Bricklayer").check()
    page.get_by_label("Short interviews you can hold").fill("5")
    page.get_by_label("You may name our company").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/en/registration/r/"))
    employer = Registration.objects.get(option__kind="employer")
    assert employer.state == RegistrationState.AWAITING_APPROVAL

    # The editor approves it with the bulk action of the registrations listing.
    client = Client()
    client.force_login(staff)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/bulk/events/registration/approve/?id={employer.pk}")
    page.get_by_role("button", name=re.compile("Yes|Ja", re.I)).first.click()  # admin in German
    page.wait_for_load_state()
    employer.refresh_from_db()
    assert employer.state == RegistrationState.APPROVED

    page.goto(f"{live_server.url}{fair.url}")
    assert page.locator("#exhibitors").get_by_text("Muster Bau GmbH").is_visible()
    axe_check(page)

    page.goto(f"{live_server.url}/en/registration/{occurrence.uid}/jobseeker/")
    axe_check(page)
    page.get_by_label(re.compile(r"^Name")).fill("Mariam Rahimi")
    page.get_by_label("E-mail").fill("mariam@example.org")
    page.get_by_label("Your German level").select_option("B1")
    page.get_by_label("Bricklayer").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/en/registration/r/"))
    assert Registration.objects.get(option__kind="jobseeker").data["german_level"] == "B1"
