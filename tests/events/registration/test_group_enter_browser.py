"""In Chromium: Enter in a text field of the group form registers the group (the form's
default button is "Register the group", not "Add participant")."""

import re

import pytest

from events.models import RegistrationGroup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NAME, EMAIL = re.compile(r"^Name\b"), re.compile(r"^E-mail\b")


def test_enter_in_a_name_field_registers_the_group(live_server, make_option, browser_page):
    option = make_option(capacity=5, title="Fachtag Anerkennung")
    page = browser_page
    page.goto(f"{live_server.url}/en/registration/{option.occurrence.uid}/attendee/?group=1")
    contact = page.get_by_role("group", name="Contact person")
    contact.get_by_label("Your name (contact person)").fill("Erika Kontakt")
    contact.get_by_label("Your e-mail address").fill("erika@verein.example")
    contact.get_by_label("Organisation").fill("Verein Beispiel e.V.")
    page.get_by_role("checkbox", name=re.compile("I agree")).check()
    first = page.get_by_role("group", name="Participant 1")
    first.get_by_role("textbox", name=EMAIL).fill("ada@verein.example")
    second = page.get_by_role("group", name="Participant 2")
    second.get_by_role("textbox", name=NAME).fill("Grace Hopper")
    second.get_by_role("textbox", name=EMAIL).fill("grace@verein.example")
    # Only the visible register button is exposed to assistive technology.
    assert page.get_by_role("button", name="Register the group").count() == 1
    name = first.get_by_role("textbox", name=NAME)
    name.fill("Ada Lovelace")
    name.press("Enter")
    page.wait_for_url(re.compile(r"/registration/g/"))
    group = RegistrationGroup.objects.get()
    assert sorted(group.registrations.values_list("name", flat=True)) == [
        "Ada Lovelace", "Grace Hopper"]
