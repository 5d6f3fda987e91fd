"""In Chromium: Enter in a text field of the employer sign-up form registers (the form's default
button is "Register", not "Add another posting"); the add button stays reachable by keyboard."""

import pytest
from django.urls import reverse

from events.models import Registration
from tests.browser_helpers import fill_employer_sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enter_in_a_field_registers_the_employer(live_server, occurrence, browser_page):
    page = browser_page
    page.goto(live_server.url + reverse("events_registration:form",
                                        args=[occurrence.uid, "employer"]))
    form = page.locator("form.registration-form")
    fill_employer_sign_up(form)  # all but the company, which the test fills in last
    # The add button is reached with Tab and pressed with the keyboard: one row more.
    add = form.locator("button[name=add_posting]")
    add.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    form = page.locator("form.registration-form")
    assert form.locator("select[name='posting-1-trade']").count() == 1
    assert not Registration.objects.exists()
    field = form.locator("input[name=company]")
    field.fill("Muster Bau GmbH")
    with page.expect_navigation():
        field.press("Enter")
    assert page.locator(".form-errors").count() == 0
    registration = Registration.objects.get(option__kind="employer")
    assert registration.data["company"] == "Muster Bau GmbH"
