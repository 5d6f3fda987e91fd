"""Demo content: one module asks a small feedback survey with a self-assessment, in de and en."""

import pytest
from wagtail.models import Locale

from trainings.demo import DEMO_SURVEY_MODULE
from trainings.models import TrainingModulePage
from trainings.surveys import SELF_ASSESSMENT, survey_questions

pytestmark = pytest.mark.django_db


def test_demo_module_has_a_survey_with_a_self_assessment_in_both_languages(demo_content):
    german = TrainingModulePage.objects.get(slug=DEMO_SURVEY_MODULE)
    english = german.get_translation(Locale.objects.get(language_code="en")).specific
    questions_de, questions_en = survey_questions(german), survey_questions(english)
    assert [q.id for q in questions_de] == [q.id for q in questions_en]
    assert [q.type for q in questions_de].count(SELF_ASSESSMENT) == 1
    assert questions_de[0].label.startswith("Ich kann") and questions_en[0].label.startswith("I can")
    assert [c.value for c in questions_de[2].choices] == [c.value for c in questions_en[2].choices]
    # The other modules keep the four standard ratings.
    assert sum(bool(survey_questions(page)) for page in TrainingModulePage.objects.filter(
        locale=german.locale)) == 1
