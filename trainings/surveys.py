"""Feedback surveys that editors configure per module (`TrainingModulePage.feedback_questions`):
the questions in the page's language, the form that asks them, the typed answers stored in
`FeedbackResponse.answers`, the report per question and the spreadsheet export.

As with registration questions (events.registration.questions), an answer is stored under the
block's id and a choice under its list item's id; the page's translations share both, so an
answer given on the English page fills the German page's column. A module without questions
of its own asks the four fixed ratings and the comment (the columns of FeedbackResponse); the
report reads those through the same `Question`s, so old and new answers line up.
"""

import csv
import datetime
import io
import random
from collections import Counter
from statistics import fmean

from django import forms
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from events.blocks import CHOICE_TYPES, QuestionType
from events.exports import BOM, CSV_DELIMITER, neutralise
from events.registration.forms import PlainTextMixin
from events.registration.questions import (
    Choice,
    Question,
    QuestionSerializer,
    display_value,
    export_value,
    form_field,
    is_unanswered,
    stored_value,
)

from .blocks import NOT_IN_SURVEYS
from .models.feedback import QUESTIONS

RATING = "rating"
SELF_ASSESSMENT = "self_assessment"
SCALE = tuple(range(1, 6))
RATING_CHOICES = [(str(value), str(value)) for value in SCALE]
BEFORE, NOW = "before", "now"
PARTS = ((BEFORE, gettext_lazy("Before the training")), (NOW, gettext_lazy("Now")))
COMMENT = "comment"
# Fewer answers than this for a session (or a module) are not shown on their own: with one or
# two participants the trainer would know who answered what.
MIN_ANSWERS = 3


# The questions ---------------------------------------------------------------------------------

def survey_questions(page):
    """The survey configured on `page` (a module, in its language); [] when it has none."""
    if page is None:
        return []
    questions = []
    for child in getattr(page, "feedback_questions", None) or []:
        if not child.id:
            continue
        value = child.value
        help_text = str(value.get("help_text") or "")
        required = bool(value.get("required"))
        if child.block_type == "question":
            field_type = value.get("field_type")
            if field_type in NOT_IN_SURVEYS:
                continue
            choices = ()
            if field_type in CHOICE_TYPES:
                choices = tuple(Choice(item.id, str(item.value))
                                for item in value["choices"].bound_blocks
                                if item.id and str(item.value or "").strip())
            questions.append(Question(id=child.id, label=str(value.get("label") or ""),
                                      type=field_type, help_text=help_text, required=required,
                                      choices=choices))
        elif child.block_type == RATING:
            questions.append(Question(id=child.id, label=str(value.get("label") or ""),
                                      type=RATING, help_text=help_text, required=required))
        elif child.block_type == SELF_ASSESSMENT:
            questions.append(Question(id=child.id, label=str(value.get("statement") or ""),
                                      type=SELF_ASSESSMENT, help_text=help_text,
                                      required=required))
    return questions


def default_questions():
    """The fixed questions of a module without its own survey (columns of FeedbackResponse)."""
    return [Question(id=name, label=str(label), type=RATING, required=True)
            for name, label in QUESTIONS.items()] + [
        Question(id=COMMENT, label=_("What should we keep or change? (optional)"),
                 type=QuestionType.LONG_TEXT)]


def answers_of(response):
    """The response's answers by question id: the survey's, and the fixed columns if filled."""
    answers = {name: getattr(response, name) for name in QUESTIONS
               if getattr(response, name) is not None}
    if response.comment:
        answers[COMMENT] = response.comment
    answers.update(response.answers or {})
    return answers


def part_name(question, part):
    return f"{question.field_name}_{part}"


# The form ------------------------------------------------------------------------------------

def rating_field(label, required, help_text=""):
    return forms.TypedChoiceField(label=label, help_text=help_text, required=required,
                                  choices=RATING_CHOICES, coerce=int, empty_value=None,
                                  widget=forms.RadioSelect)


class SurveyForm(PlainTextMixin, forms.Form):
    """The module's survey: one field per question, two (before, now) per self-assessment."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.type == SELF_ASSESSMENT:
                for part, part_label in PARTS:
                    # The full label names the statement in the error summary; the legend
                    # inside the statement's fieldset shows only the part.
                    field = rating_field(f"{question.label} – {part_label}", question.required)
                    field.part_label = part_label
                    self.fields[part_name(question, part)] = field
            elif question.type == RATING:
                self.fields[question.field_name] = rating_field(
                    question.label, question.required, question.help_text)
            else:
                self.fields[question.field_name] = form_field(question)

    def items(self):
        """What the template renders, in order: a field, or a self-assessment's two parts."""
        for question in self.questions:
            if question.type == SELF_ASSESSMENT:
                yield {"question": question,
                       "parts": [self[part_name(question, part)] for part, _label in PARTS]}
            else:
                yield {"question": question, "field": self[question.field_name],
                       "rating": question.type == RATING}

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.type != SELF_ASSESSMENT:
                continue
            names = [part_name(question, part) for part, _label in PARTS]
            given = [cleaned.get(name) is not None for name in names]
            if any(given) and not all(given) and not any(name in self.errors for name in names):
                missing = names[given.index(False)]
                self.add_error(missing, _("Rate both: before the training and now."))
        return cleaned

    def answers(self):
        """The typed answers by question id (JSON values), unanswered questions left out."""
        answers = {}
        for question in self.questions:
            if question.type == SELF_ASSESSMENT:
                before, now = (self.cleaned_data.get(part_name(question, part))
                               for part, _label in PARTS)
                if before is not None and now is not None:
                    answers[question.id] = {BEFORE: before, NOW: now}
                continue
            value = self.cleaned_data.get(question.field_name)
            if not is_unanswered(value):
                answers[question.id] = stored_value(value)
        return answers


# The report ----------------------------------------------------------------------------------

def _number(value):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _rating(value):
    return value if isinstance(value, int) and not isinstance(value, bool) and value in SCALE \
        else None


def _mean(values):
    return fmean(values) if values else None


def summarise(question, answers):
    """What the report shows for `question` over `answers` (dicts by question id)."""
    values = [answer.get(question.id) for answer in answers]
    values = [value for value in values if not is_unanswered(value)]
    summary = {"question": question, "answered": len(values), "kind": "texts"}
    if question.type == SELF_ASSESSMENT:
        pairs = [(_rating(value.get(BEFORE)), _rating(value.get(NOW)))
                 for value in values if isinstance(value, dict)]
        pairs = [pair for pair in pairs if None not in pair]
        summary.update(kind="self_assessment", answered=len(pairs),
                       mean_before=_mean([before for before, _now in pairs]),
                       mean_now=_mean([now for _before, now in pairs]),
                       mean_change=_mean([now - before for before, now in pairs]))
    elif question.type == RATING:
        ratings = [rating for rating in map(_rating, values) if rating is not None]
        counts = Counter(ratings)
        summary.update(kind="rating", answered=len(ratings), mean=_mean(ratings),
                       counts=[(str(value), counts[value]) for value in SCALE])
    elif question.type == QuestionType.NUMBER:
        numbers = [number for number in map(_number, values) if number is not None]
        summary.update(kind="number", answered=len(numbers), mean=_mean(numbers))
    elif question.type in CHOICE_TYPES or question.type == QuestionType.YES_NO:
        counts = Counter()
        for value in values:
            counts.update(value if isinstance(value, list) else [value])
        if question.type == QuestionType.YES_NO:
            options = [(True, _("Yes")), (False, _("No"))]
        else:
            options = [(choice.value, choice.label) for choice in question.choices]
        summary.update(kind="choices", counts=[(label, counts[value]) for value, label in options])
    else:
        texts = [display_value(question, value) for value in values]
        # Shuffled: the order of the texts must not follow the order of the answers.
        random.shuffle(texts)
        summary["texts"] = texts
    return summary


def report(questions, answers):
    return [summarise(question, answers) for question in questions]


# The export ----------------------------------------------------------------------------------

def export_columns(questions):
    """(heading, question, part) per column: one per question, before and now of each
    self-assessment."""
    columns = []
    for question in questions:
        if question.type == SELF_ASSESSMENT:
            columns += [(f"{question.label} – {label}", question, part) for part, label in PARTS]
        else:
            columns.append((question.label, question, None))
    return columns


def export_cell(question, part, answers):
    value = answers.get(question.id)
    if is_unanswered(value):
        return ""
    if part is not None:
        return _rating(value.get(part)) or "" if isinstance(value, dict) else ""
    if question.type == RATING:
        return _rating(value) or ""
    return export_value(question, value)


def export_rows(questions, rows):
    """The heading and one line per response; `rows` are (session text, answers) pairs."""
    columns = export_columns(questions)
    yield [_("Session")] + [heading for heading, _question, _part in columns]
    for session, answers in rows:
        yield [session] + [export_cell(question, part, answers) for _h, question, part in columns]


def csv_response(lines, filename):
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)
    for line in lines:
        writer.writerow([neutralise(value) for value in line])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(lines, filename):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Feedback")[:31])
    for line in lines:
        sheet.append([value if isinstance(value, int | float | datetime.date)
                      else neutralise(str(value)) for value in line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


# The pages API: what the survey asks, never its answers ----------------------------------------

def survey_type_choices():
    from .blocks import survey_question_types

    return survey_question_types() + [
        (RATING, gettext_lazy("Rating (1–5)")),
        (SELF_ASSESSMENT, gettext_lazy("Self-assessment (before and now)"))]


class SurveyQuestionSerializer(QuestionSerializer):
    type = serializers.ChoiceField(
        choices=survey_type_choices(),
        help_text=gettext_lazy("rating: one value from 1 to 5; self_assessment: a statement "
                               "rated 1 to 5 for before the training and now."))
    kinds = None

