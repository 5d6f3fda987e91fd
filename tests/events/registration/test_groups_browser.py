"""In Chromium: a contact registers a group, adding a participant row in place; errors per
row, nothing lost; axe finds nothing on the form with errors nor on the group's page."""

import re

import pytest

from events.models import Registration, RegistrationGroup, RegistrationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
S = RegistrationState
NAME, EMAIL = re.compile(r"^Name\b"), re.compile(r"^E-mail\b")  # labels end in " *" (required)


def no_violations(page):
    """Zero axe violations of any impact (axe_check fails on serious and critical ones)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_a_contact_registers_a_group_with_the_rest_on_the_waiting_list(
        live_server, make_option, browser_page, axe_check):
    option = make_option(capacity=2, title="Fachtag Anerkennung")
    page = browser_page
    page.goto(f"{live_server.url}/en/registration/{option.occurrence.uid}/attendee/")
    page.get_by_role("link", name="Register several people of your organisation at once").click()
    page.wait_for_url(re.compile(r"\?group=1$"))

    contact = page.get_by_role("group", name="Contact person")
    contact.get_by_label("Your name (contact person)").fill("Erika Kontakt")
    contact.get_by_label("Your e-mail address").fill("erika@verein.example")
    contact.get_by_label("Organisation").fill("Verein Beispiel e.V.")
    first = page.get_by_role("group", name="Participant 1")
    first.get_by_role("textbox", name=NAME).fill("Ada Lovelace")
    first.get_by_role("textbox", name=EMAIL).fill("ada@verein.example")
    second = page.get_by_role("group", name="Participant 2")
    second.get_by_role("textbox", name=NAME).fill("Grace Hopper")
    second.get_by_role("textbox", name=EMAIL).fill("ADA@verein.example")  # a mistake

    # The third row is added in place (JavaScript), focused, nothing typed is lost.
    page.get_by_role("button", name="Add participant").click()
    third = page.get_by_role("group", name="Participant 3")
    assert third.get_by_role("textbox", name=NAME).evaluate("el => el === document.activeElement")
    third.get_by_role("textbox", name=NAME).fill("Katherine Johnson")
    third.get_by_role("textbox", name=EMAIL).fill("katherine@verein.example")
    assert first.get_by_role("textbox", name=NAME).input_value() == "Ada Lovelace"

    page.get_by_role("button", name="Register the group").click()  # no consent, same address
    assert page.locator(".form-errors").is_visible()
    assert "Another participant of this group has this e-mail address." in page.locator(
        "#id_participants-1-email_error").inner_text()
    assert page.get_by_role("group", name="Participant 3").get_by_role(
        "textbox", name=NAME).input_value() == "Katherine Johnson"
    assert Registration.objects.count() == 0
    axe_check(page)
    no_violations(page)

    page.get_by_role("group", name="Participant 2").get_by_role(
        "textbox", name=EMAIL).fill("grace@verein.example")
    page.get_by_label("Put the rest on the waiting list").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register the group").click()
    page.wait_for_url(re.compile(r"/en/registration/g/"))

    group = RegistrationGroup.objects.get()
    states = dict(group.registrations.values_list("name", "state"))
    assert states == {"Ada Lovelace": S.PENDING, "Grace Hopper": S.PENDING,
                      "Katherine Johnson": S.WAITLISTED}
    table = page.get_by_role("table")
    assert "Katherine Johnson" in table.inner_text() and "waiting list" in table.inner_text()
    axe_check(page)
    no_violations(page)
