"""In Chromium: the editors' registration questions in the public form, with errors next to
them, nothing lost, no serious axe violation; the answers stored typed."""

import pytest

from events.models import Registration, RegistrationOption

from .test_questions import QUESTIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_questions_are_answered_in_the_browser_after_an_error(live_server, make_option,
                                                              browser_page, axe_check):
    option = make_option(capacity=3, title="Fachtag Anerkennung")
    event = option.occurrence.page.specific
    event.registration_questions = QUESTIONS
    event.save_revision().publish()
    option = RegistrationOption.objects.get(pk=option.pk)
    page = browser_page
    page.goto(f"{live_server.url}/en/registration/{option.occurrence.uid}/attendee/")

    page.get_by_label("Was möchten Sie lernen?").fill("Mehr über Anerkennung")
    page.get_by_role("group", name="Interessen").get_by_label("Sprache").check()
    page.get_by_role("button", name="Register").click()  # required answers missing
    assert page.locator(".form-errors").is_visible()
    function = page.get_by_label("Ihre Funktion")
    assert "This field is required." in page.locator(
        f"#{function.get_attribute('aria-describedby').split()[-1]}").inner_text()
    # Nothing typed is lost.
    assert page.get_by_label("Was möchten Sie lernen?").input_value() == "Mehr über Anerkennung"
    assert page.get_by_role("group", name="Interessen").get_by_label("Sprache").is_checked()
    axe_check(page)

    page.get_by_label("Name").fill("Ada Lovelace")
    page.get_by_label("E-mail").fill("ada@example.org")
    function.fill("Beraterin")
    page.get_by_label("Jahre Berufserfahrung").fill("4")
    page.get_by_label("Seit wann in Sachsen?").fill("2019-04-01")
    page.get_by_role("group", name="Brauchen Sie Kinderbetreuung?").get_by_label("Yes").check()
    page.get_by_role("group", name="Mittagessen").get_by_label("Vegan").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/registration/r/**")

    answers = Registration.objects.get().data["answers"]
    assert sorted(answers.values(), key=str) == sorted(
        [4, "2019-04-01", True, "Beraterin", "Mehr über Anerkennung",
         answers_of(event, "Mittagessen", "Vegan"), [answers_of(event, "Interessen", "Sprache")]],
        key=str)


def answers_of(event, label, choice):
    event.refresh_from_db()
    for child in event.registration_questions:
        if child.value["label"] == label:
            return next(item.id for item in child.value["choices"].bound_blocks
                        if item.value == choice)
    raise LookupError(label)
