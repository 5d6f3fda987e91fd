"""In Chromium on a phone-sized screen: a registration manager types a ticket code on the
check-in page, reads "checked in" and sees the count go up; axe-core finds nothing serious."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.users.models import UserProfile

from events.models import RegistrationState
from events.registration import services, tickets

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_types_a_code_on_a_phone_and_the_count_goes_up(live_server, make_option,
                                                               register, committed,
                                                               django_user_model, browser,
                                                               axe_check):
    option = make_option(capacity=5, title="Fachtag Anerkennung")
    ann = committed(services.confirm, register(option, name="Ann English", language="en"))
    committed(services.confirm, register(option, name="Олга Шевченко", language="uk"))
    manager = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    manager.groups.add(Group.objects.get(name="Registration managers"))
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(manager)

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                                  is_mobile=True, has_touch=True)
    try:
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                              "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/registrations/check-in/{option.occurrence_id}/")
        counts = page.locator("[data-counts]")
        assert re.search(r"Checked in:\s*0\s*of\s*2", counts.inner_text())
        axe_check(page)

        code = page.get_by_label("Ticket code")
        assert code.evaluate("element => element === document.activeElement")
        page.evaluate("window.stillTheSamePage = true")
        code.fill(tickets.short_code(ann.reference).lower())
        code.press("Enter")  # by keyboard
        answer = page.locator("[data-result] [data-status]")
        answer.wait_for()
        assert answer.get_attribute("data-status") == "checked_in"
        assert "Ann English checked in." in answer.inner_text()
        assert re.search(r"Checked in:\s*1\s*of\s*2", counts.inner_text())
        assert code.input_value() == ""  # ready for the next person
        # The page did not reload: the answer came as JSON.
        assert page.evaluate("window.stillTheSamePage") is True
        ann.refresh_from_db()
        assert ann.state == RegistrationState.ATTENDED

        code.fill(tickets.short_code(ann.reference))
        page.get_by_role("button", name="Check in", exact=True).click()
        page.locator("[data-result] [data-status=already]").wait_for()
        assert "already checked in at" in page.locator("[data-result]").inner_text()
        # Nothing overflows the phone's width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        axe_check(page)
    finally:
        context.close()


def test_the_check_in_page_works_without_javascript(live_server, make_option, register,
                                                    committed, django_user_model, browser):
    option = make_option(capacity=5)
    ann = committed(services.confirm, register(option, name="Ann English", language="en"))
    manager = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    manager.groups.add(Group.objects.get(name="Registration managers"))
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(manager)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                              "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/registrations/check-in/{option.occurrence_id}/")
        code = page.get_by_label("Ticket code")
        code.fill(tickets.short_code(ann.reference))
        # Enter, not a tap: without JavaScript Wagtail's unloaded sidebar lies over the
        # content of a phone-sized admin page (Wagtail's layout, not this form).
        with page.expect_navigation():
            code.press("Enter")
        assert "Ann English checked in." in page.locator("[data-result]").inner_text()
        assert re.search(r"Checked in:\s*1\s*of\s*1", page.locator("[data-counts]").inner_text())
    finally:
        context.close()


def test_the_personal_page_shows_the_ticket_accessibly_on_a_phone(live_server, make_option,
                                                                   register, committed,
                                                                   browser, axe_check):
    option = make_option(capacity=5)
    ann = committed(services.confirm, register(option, name="Ann English", language="en"))
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/registration/r/{ann.reference}/")
        qr = page.get_by_role("img", name=re.compile("QR code of your ticket"))
        assert qr.is_visible()
        assert qr.bounding_box()["width"] >= 150  # large enough for a scanner
        assert tickets.short_code(ann.reference) in page.locator(".registration-ticket").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        axe_check(page)
    finally:
        context.close()
