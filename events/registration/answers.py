"""A registration's answers to its kind's own questions (Registration.data), as labelled,
readable values: for the admin's detail and edit pages and for the exports."""

from django import forms
from django.utils.formats import localize
from django.utils.translation import gettext as _

from .kinds import get_kind


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
    """[(label, text)] of the kind's questions, then any stored answer the form no longer asks."""
    fields = kind_fields(registration.option.kind) if fields is None else fields
    data = registration.data or {}
    answers = [(str(field.label or name), display_answer(field, data.get(name)))
               for name, field in fields.items()]
    answers += [(name, display_answer(None, value)) for name, value in data.items()
                if name not in fields]
    return answers
