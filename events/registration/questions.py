"""Registration questions that editors add to an event page (a StreamField of question blocks):
the form fields they become, the typed value stored per question, and how an answer reads.

An answer is stored in Registration.data["answers"] under the question block's id, which the
page's translations share: a registration on the English page fills the German page's column.
Choices are stored by their list item's id for the same reason; labels come from the page.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from ..blocks import CHOICE_TYPES, QuestionType

ANSWERS_KEY = "answers"
FIELD_PREFIX = "question_"
TEXT_MAX_LENGTH = 500
LONG_TEXT_MAX_LENGTH = 5000


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    type: str
    help_text: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    kinds: tuple[str, ...] = field(default=())

    @property
    def field_name(self):
        return FIELD_PREFIX + self.id

    def asked_of(self, kind_name):
        return not self.kinds or kind_name in self.kinds


def page_questions(page):
    """Every question of `page` (an event, training or job-fair page), in its language."""
    if page is None:
        return []
    if not hasattr(page, "registration_questions"):
        page = page.specific
    questions = []
    for child in getattr(page, "registration_questions", None) or []:
        if child.block_type != "question" or not child.id:
            continue
        value = child.value
        choices = ()
        if value.get("field_type") in CHOICE_TYPES:
            choices = tuple(Choice(item.id, str(item.value)) for item in value["choices"].bound_blocks
                            if item.id and str(item.value or "").strip())
        questions.append(Question(
            id=child.id, label=str(value.get("label") or ""), type=value.get("field_type"),
            help_text=str(value.get("help_text") or ""), required=bool(value.get("required")),
            choices=choices, kinds=tuple(value.get("kinds") or ())))
    return questions


def questions_for(page, kind_name):
    """The questions of `page` that people registering as `kind_name` are asked."""
    return [question for question in page_questions(page) if question.asked_of(kind_name)]


def questions_for_occurrence(occurrence_id, kind_name):
    """The questions of the date's page for `kind_name`; None if there is no such date."""
    from events.models import Occurrence

    occurrence = Occurrence.objects.select_related("page").filter(pk=occurrence_id).first()
    return questions_for(occurrence.page, kind_name) if occurrence is not None else None


def form_field(question):
    """The Django form field asking `question` (the HTML form and the API both use it)."""
    common = {"label": question.label, "help_text": question.help_text,
              "required": question.required}
    choices = [(choice.value, choice.label) for choice in question.choices]
    if question.type == QuestionType.LONG_TEXT:
        return forms.CharField(max_length=LONG_TEXT_MAX_LENGTH,
                               widget=forms.Textarea(attrs={"rows": 4}), **common)
    if question.type == QuestionType.NUMBER:
        return forms.DecimalField(max_digits=15, decimal_places=4,
                                  widget=forms.NumberInput(attrs={"step": "any"}), **common)
    if question.type == QuestionType.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               **common)
    if question.type == QuestionType.YES_NO:
        return forms.TypedChoiceField(
            choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))],
            coerce=lambda value: value == "yes", empty_value=None, widget=forms.RadioSelect,
            **common)
    if question.type == QuestionType.SINGLE_CHOICE:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.type == QuestionType.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple,
                                         **common)
    return forms.CharField(max_length=TEXT_MAX_LENGTH, **common)


def stored_value(value):
    """The cleaned answer as a JSON value: numbers as numbers, dates as ISO dates."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def is_unanswered(value):
    return value is None or value == "" or value == []


def form_value(question, value):
    """A JSON answer as the form field reads it, or raise ValidationError for a wrong type."""
    if value is None:
        return ""
    if question.type == QuestionType.MULTIPLE_CHOICE:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise forms.ValidationError(_("Send a list of choices (strings)."), code="invalid")
        return value
    if question.type == QuestionType.YES_NO:
        if not isinstance(value, bool):
            raise forms.ValidationError(_("Send true or false."), code="invalid")
        return "yes" if value else "no"
    if question.type == QuestionType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise forms.ValidationError(_("Send a number."), code="invalid")
        return str(value)
    if not isinstance(value, str):
        raise forms.ValidationError(_("Send a string."), code="invalid")
    return value


def display_value(question, value):
    """The stored answer as a person reads it: choice labels, yes/no, a local date."""
    if is_unanswered(value):
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    labels = {choice.value: choice.label for choice in question.choices} if question else {}
    if isinstance(value, list):
        return ", ".join(str(labels.get(item, item)) for item in value)
    if question is not None and question.type == QuestionType.DATE and isinstance(value, str):
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    if isinstance(value, int | float):
        return str(formats.localize(value))
    return str(labels.get(value, value))


def stored_answers(registration):
    return (registration.data or {}).get(ANSWERS_KEY) or {}


# The API's description of the questions (pages endpoint) ---------------------------------------

class QuestionChoiceSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=gettext_lazy("Send this value in `answers`."))
    label = serializers.CharField()


class QuestionSerializer(serializers.Serializer):
    id = serializers.CharField(help_text=gettext_lazy("Key of the answer in `answers`."))
    label = serializers.CharField()
    help_text = serializers.CharField()
    type = serializers.ChoiceField(
        choices=QuestionType.choices,
        help_text=gettext_lazy("Answer as: text, long_text and date (YYYY-MM-DD) a string, "
                               "number a number, yes_no true or false, single_choice one "
                               "choice `value`, multiple_choice a list of them."))
    required = serializers.BooleanField()
    choices = QuestionChoiceSerializer(many=True)
    kinds = serializers.ListSerializer(
        child=serializers.CharField(),
        help_text=gettext_lazy("Kinds of registration that are asked; empty: every kind."))


def export_value(question, value):
    """The answer for a spreadsheet cell: numbers and dates typed, choices as labels."""
    if is_unanswered(value):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if question.type == QuestionType.DATE and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return display_value(question, value)
