"""A registration's answers to its kind's own questions (Registration.data), as labelled,
readable values: for the admin's detail and edit pages and for the exports."""

from django import forms
from django.utils.formats import localize
from django.utils.translation import gettext as _

from .kinds import get_kind
from .questions import ANSWERS_KEY, display_value, questions_for, stored_answers


def kind_fields(kind_name):
    """{name: form field} of the kind's questions, in the form's order (labels translated)."""
    kind = get_kind(kind_name)
    return dict(kind.form_class().fields) if kind else {}


def display_answer(field, value):
    """The answer as the registrant saw it: choice labels rather than codes, yes/no, lists."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    choices = dict(getattr(field, "choices", None) or []) if field is not None else {}
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if isinstance(field, forms.ChoiceField):
        return str(choices.get(value, value))
    return str(localize(value))


def labelled_answers(registration, fields=None):
    """[(label, text)] of the kind's questions, then any stored answer the form no longer asks,
    then the answers to the page's own registration questions."""
    fields = kind_fields(registration.option.kind) if fields is None else fields
    data = registration.data or {}
    answers = [(str(field.label or name), display_answer(field, data.get(name)))
               for name, field in fields.items()]
    answers += [(name, display_answer(None, value)) for name, value in data.items()
                if name not in fields and name != ANSWERS_KEY]
    return answers + question_answers(registration)


def question_answers(registration):
    """[(label, text)] of the questions the registration's page asks its kind (labels in the
    page's language), then answers to questions an editor has since removed."""
    stored = stored_answers(registration)
    option = registration.option
    questions = questions_for(option.occurrence.page, option.kind)
    rows = [(question.label, display_value(question, stored.get(question.id)) or "—")
            for question in questions]
    asked = {question.id for question in questions}
    rows += [(_("Removed question (%(id)s)") % {"id": key[:8]}, display_value(None, value) or "—")
             for key, value in stored.items() if key not in asked]
    return rows
