"""Blocks of the feedback survey that editors configure per module: the registration question
block of the events core (without file uploads and without "asked of"), a 1–5 rating and a
self-assessment rated before the training and now."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from events.blocks import QuestionType, RegistrationQuestionBlock

# Question types of the events core that an anonymous survey does not ask: an uploaded file
# could name its author and is kept out even if the core offers it.
NOT_IN_SURVEYS = {"file", "file_upload", "upload"}


def survey_question_types():
    """The events core's question types minus uploads (read when the editor opens the form)."""
    return [(value, label) for value, label in QuestionType.choices if value not in NOT_IN_SURVEYS]


class SurveyQuestionBlock(RegistrationQuestionBlock):
    """A registration question (text, number, date, yes/no, choices) asked in the feedback."""

    field_type = blocks.ChoiceBlock(label=_("Type of answer"), choices=survey_question_types,
                                    default=QuestionType.TEXT)
    kinds = None  # every participant answers the same survey

    class Meta:
        icon = "help"
        label = _("Question")


class RatingBlock(blocks.StructBlock):
    """A question rated from 1 (poor) to 5 (very good)."""

    label = blocks.CharBlock(label=_("Question"), max_length=200,
                             help_text=_("E.g. “How useful was the content for your work?”"))
    help_text = blocks.CharBlock(label=_("Help text"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)

    class Meta:
        icon = "pick"
        label = _("Rating (1–5)")


class SelfAssessmentBlock(blocks.StructBlock):
    """A statement that participants rate twice: how true it was before the training, and now."""

    statement = blocks.CharBlock(
        label=_("Statement"), max_length=250,
        help_text=_("Written as the participant, e.g. “I can explain the steps of the "
                    "recognition procedure.” Rated 1–5 for before the training and now."))
    help_text = blocks.CharBlock(label=_("Help text"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)

    class Meta:
        icon = "resubmit"
        label = _("Self-assessment (before and now)")


class FeedbackQuestionsBlock(blocks.StreamBlock):
    question = SurveyQuestionBlock()
    rating = RatingBlock()
    self_assessment = SelfAssessmentBlock()
