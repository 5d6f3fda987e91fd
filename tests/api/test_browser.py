"""In Chromium: the example front end (examples/headless) lists dates and registers through the
API against a live server; its field errors and the result are announced (aria-live)."""

import pytest
from django.test import override_settings

from events.models import Registration, RegistrationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(SERVE_EXAMPLES=True)
@pytest.mark.parametrize("lang,labels", [
    ("de", {"register": "Anmelden", "name": "Name", "email": "E-Mail-Adresse",
            "consent": "Ich bin mit", "submit": "Verbindlich anmelden", "state": "wartet"}),
    ("en", {"register": "Register", "name": "Name", "email": "E-mail address",
            "consent": "I agree", "submit": "Register", "state": "waiting"}),
])
def test_example_front_end_lists_dates_and_registers(live_server, make_option, browser_page,
                                                     axe_check, lang, labels):
    option = make_option(capacity=3, title="Regionalworkshop Leipzig")
    page = browser_page
    page.goto(f"{live_server.url}/examples/headless/index.html?lang={lang}")
    item = page.locator(f'li[data-occurrence="{option.occurrence_id}"]')
    item.wait_for()
    assert "Regionalworkshop Leipzig" in item.inner_text()
    assert "3" in item.inner_text()
    axe_check(page)

    item.get_by_role("button", name=labels["register"]).click()
    page.get_by_role("button", name=labels["submit"], exact=True).click()  # empty: field errors
    page.locator("#name-error:not(:empty)").wait_for()
    assert page.get_attribute("#email", "aria-invalid") == "true"
    axe_check(page)

    page.get_by_label(labels["name"], exact=True).fill("Ada Lovelace")
    page.get_by_label(labels["email"]).fill("ada@example.org")
    page.get_by_label(labels["consent"]).check()
    page.get_by_role("button", name=labels["submit"], exact=True).click()
    status = page.locator("#result [data-status]")
    status.wait_for()
    assert status.get_attribute("data-status") == "pending"
    assert labels["state"] in status.inner_text()
    registration = Registration.objects.get()
    assert registration.state == RegistrationState.PENDING
    assert registration.reference in page.locator("#result").inner_text()
    # The list reloads with one place fewer.
    page.wait_for_function("document.querySelector('#dates li') && "
                           "document.querySelector('#dates li').innerText.includes('2')")
