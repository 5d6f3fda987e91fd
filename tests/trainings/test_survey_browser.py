"""In Chromium: a participant fills a module's feedback survey with a self-assessment (before
the training and now) through the link of the invitation, without and with errors; axe-core
finds no serious problem, and the right-to-left page lays the rows out from the right."""

import pytest

from trainings.models import FeedbackResponse

from .test_survey import STATEMENT, key, past, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SURVEY = [
    ("self_assessment", {"statement": STATEMENT, "help_text": "", "required": True}),
    ("rating", {"label": "Wie nützlich war der Inhalt?", "help_text": "", "required": True}),
    ("question", {"label": "Lieber wie?", "help_text": "", "field_type": "single_choice",
                  "required": False, "choices": ["Präsenz", "Online"]}),
    ("question", {"label": "Was nehmen Sie mit?", "help_text": "", "field_type": "long_text",
                  "required": False, "choices": []}),
]


def test_participant_fills_the_survey_with_a_self_assessment(live_server, make_module, attended,
                                                             browser_page, axe_check):
    module = make_module(title="Anerkennung verstehen")
    module.feedback_questions = SURVEY
    module.save_revision().publish()
    occurrence = module.occurrences.get()
    registration = attended(occurrence)
    past(occurrence)
    page = browser_page
    page.goto(live_server.url + url(registration, "en"))
    axe_check(page)

    page.get_by_role("button", name="Send feedback").click()
    assert page.locator(".form-errors").is_visible()
    axe_check(page)
    statement = page.get_by_role("group", name=STATEMENT)
    statement.get_by_role("group", name="Before the training").get_by_label("2").check()
    statement.get_by_role("group", name="Now").get_by_label("4").check()
    page.get_by_role("group", name="Wie nützlich war der Inhalt?").get_by_label("5").check()
    page.get_by_role("group", name="Lieber wie?").get_by_label("Online").check()
    page.get_by_label("Was nehmen Sie mit?").fill("Klare Schritte.")
    page.get_by_role("button", name="Send feedback").click()
    page.get_by_role("heading", name="Thank you for your feedback").wait_for()

    k = key(module)
    answers = FeedbackResponse.objects.get().answers
    assert answers[k[STATEMENT]] == {"before": 2, "now": 4}
    assert answers[k["Wie nützlich war der Inhalt?"]] == 5
    assert answers[k["Lieber wie?"]] == k["Lieber wie?/Online"]
    assert answers[k["Was nehmen Sie mit?"]] == "Klare Schritte."


def test_the_self_assessment_rows_read_from_the_right_in_arabic(live_server, make_module,
                                                                attended, browser_page):
    module = make_module(title="Anerkennung verstehen")
    module.feedback_questions = SURVEY[:1]
    module.save_revision().publish()
    occurrence = module.occurrences.get()
    registration = attended(occurrence)
    past(occurrence)
    page = browser_page
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(live_server.url + url(registration, "ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    row = page.locator(".self-assessment__row").first
    legend = row.locator("legend").bounding_box()
    first_radio = row.locator(".kern-form-check").first.bounding_box()
    # The legend is at the start (right), the scale follows to its left.
    assert legend["x"] > first_radio["x"]
    page.screenshot(path="/tmp/h3_survey_rtl.png", full_page=True)
