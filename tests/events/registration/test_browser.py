"""In Chromium: register, confirm through the link in the e-mail, cancel; axe-clean form with errors."""

import re

import pytest
from django.core import mail

from events.models import Registration, RegistrationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def local(url, live_server):
    return live_server.url + re.sub(r"^https?://[^/]+", "", url)


def test_register_confirm_and_cancel_through_the_mailed_links(live_server, make_option,
                                                             browser_page, axe_check):
    option = make_option(capacity=3)
    page = browser_page
    page.goto(f"{live_server.url}/en/registration/{option.occurrence.uid}/attendee/")

    page.get_by_role("button", name="Register").click()  # empty: errors shown
    assert page.locator(".form-errors").is_visible()
    axe_check(page)

    page.get_by_label("Name").fill("محمد الأحمد")
    page.get_by_label("E-mail").fill("mohammed@example.org")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/en/registration/r/"))
    assert "confirm your registration" in page.content()

    confirm_url = re.search(r"https?://\S+/registration/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(local(confirm_url, live_server))
    registration = Registration.objects.get()
    assert registration.state == RegistrationState.CONFIRMED
    assert registration.name == "محمد الأحمد"

    cancel_url = re.search(r"https?://\S+/registration/cancel/\S+/", mail.outbox[-1].body).group(0)
    page.goto(local(cancel_url, live_server))
    page.get_by_role("button", name="Yes, cancel my registration").click()
    page.wait_for_url(re.compile(r"/en/registration/r/"))
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CANCELLED
