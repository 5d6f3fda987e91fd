"""DRF serializers of the registration API, derived from each kind's Django form.

The kind's form (`forms.api_form_class(kind)`) stays the one validation source: a serializer
checks the JSON types strictly (a number is no name, "true" is no consent), then runs the
same form the HTML page runs and reports its errors per field. The serializer's fields are
what the OpenAPI document shows: one request body per kind, told apart by `kind`.
"""


from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from .forms import (
    FORBIDDEN_IN_NAMES,
    FORBIDDEN_IN_TEXT,
    api_form_class,
    is_multiline,
    normalise_line_breaks,
)
from .kinds import all_kinds
from .questions import form_value, questions_for_occurrence

MAX_ID = 2**63 - 1


class StrictCharField(serializers.CharField):
    """Only a JSON string: DRF's CharField would turn 12 into "12"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """Only true or false: DRF's BooleanField would take "yes" and 1."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictIntegerField(serializers.IntegerField):
    """Only a JSON integer: not true, 1.0 or "1"."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field({"type": "boolean", "enum": [True]})
class RequiredTrueField(StrictBooleanField):
    """A box that must be ticked (consent): only true is a valid value."""


# What str.splitlines() reads as a line break: the form stores each as LF (normalise_line_breaks).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _char_class(forbidden, allowed=""):
    """The characters `forbidden` matches, but `allowed`, as \\uXXXX ranges for a pattern every
    regex engine reads; without the surrogates, which no JSON text carries alone."""
    codes = [code for code in range(0xD800) if forbidden.match(chr(code)) and chr(code) not in allowed]
    codes += [code for code in range(0xE000, 0x10000) if forbidden.match(chr(code))]
    ranges, start = [], None
    for index, code in enumerate(codes):
        if start is None:
            start = code
        if index + 1 == len(codes) or codes[index + 1] != code + 1:
            ranges.append(f"\\u{start:04x}" if start == code else f"\\u{start:04x}-\\u{code:04x}")
            start = None
    return "".join(ranges)


class TextValidator(RegexValidator):
    """What the form accepts in a text answer, as one pattern for the OpenAPI document: no
    character the form refuses (control, invisible; a single line also no line break) and,
    when required, not only blanks. Each failure keeps its own message."""

    def __init__(self, multiline, required):
        self.forbidden = FORBIDDEN_IN_TEXT if multiline else FORBIDDEN_IN_NAMES
        self.multiline = multiline
        self.required = required
        forbidden = _char_class(self.forbidden, allowed=LINE_BREAKS if multiline else "")
        pattern = (f"^[^{forbidden}]*[^{forbidden}\\s][^{forbidden}]*$" if required
                   else f"^[^{forbidden}]*$")
        super().__init__(pattern)

    def __call__(self, value):
        value = normalise_line_breaks(str(value)) if self.multiline else str(value)
        if self.forbidden.search(value):
            raise ValidationError(
                _("Please remove invisible or control characters from this field."),
                code="invalid")
        if self.required and not str(value).strip():
            raise ValidationError(serializers.CharField.default_error_messages["blank"],
                                  code="blank")

    def __eq__(self, other):
        return self is other

    __hash__ = object.__hash__


def _choices(field):
    return [(value, label) for value, label in field.choices if value != ""]


class VocabularyField(serializers.ChoiceField):
    """A code of a vocabulary that the form fills when it is built (trades): the current codes
    are the enum of the OpenAPI document; the value goes to the form, which checks it."""

    def __init__(self, codes, **kwargs):
        self.codes = codes
        super().__init__(choices=[], **kwargs)
        self.choice_strings_to_values = {}

    @property
    def choices(self):
        return dict(self.codes())

    @choices.setter
    def choices(self, value):
        pass

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return data

    def to_representation(self, value):
        return value


def serializer_field(form_field, required=None, codes=None):
    """The DRF field that carries what `form_field` accepts from a JSON body; `codes` gives
    the current choices of a field that the form fills when it is built."""
    required = form_field.required if required is None else required
    common = {"required": required, "label": form_field.label,
              "help_text": form_field.help_text or None}
    if hasattr(form_field, "api_field"):  # a plugin's compound field types its own JSON
        return form_field.api_field(**common)
    if isinstance(form_field, forms.MultipleChoiceField):
        choices = _choices(form_field)
        if choices:
            child = serializers.ChoiceField(choices=choices)
        elif codes is not None:
            child = VocabularyField(codes)
        else:
            child = StrictCharField(max_length=200)
        return serializers.ListField(child=child, max_length=200,
                                     min_length=1 if required else None, **common)
    if isinstance(form_field, forms.ChoiceField):
        if codes is not None and not _choices(form_field):
            # Filled when the form is built (a site's districts): the current codes.
            return VocabularyField(codes, allow_blank=not form_field.required, **common)
        return serializers.ChoiceField(choices=_choices(form_field),
                                       allow_blank=not form_field.required, **common)
    if isinstance(form_field, forms.BooleanField):
        return (RequiredTrueField if form_field.required else StrictBooleanField)(**common)
    if isinstance(form_field, forms.IntegerField):
        return StrictIntegerField(min_value=form_field.min_value,
                                  max_value=form_field.max_value, **common)
    if isinstance(form_field, forms.EmailField):
        return serializers.EmailField(max_length=form_field.max_length,
                                      allow_blank=not form_field.required, **common)
    if isinstance(form_field, forms.DateField):
        return serializers.DateField(**common)
    if isinstance(form_field, forms.CharField):
        validators = [TextValidator(is_multiline(form_field), form_field.required)]
        return StrictCharField(max_length=form_field.max_length, trim_whitespace=False,
                               allow_blank=not form_field.required, validators=validators,
                               **common)
    return serializers.JSONField(**common)


ANSWER_SCHEMA = {"oneOf": [
    {"type": "string"}, {"type": "number"}, {"type": "boolean"},
    {"type": "array", "items": {"type": "string"}}]}
MAX_ANSWERS = 100


def _is_answer(value):
    """What ANSWER_SCHEMA allows: a string, a number, a boolean or a list of strings."""
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return isinstance(value, str | int | float | bool)


@extend_schema_field({
    "type": "object", "additionalProperties": ANSWER_SCHEMA, "maxProperties": MAX_ANSWERS,
    "description": "Answers to the event's own registration questions, keyed by the "
                   "question's `id` (the page's `registration_questions` in the pages "
                   "endpoint lists them with their type, choices and kinds): text, long_text "
                   "and date (YYYY-MM-DD) as a string, number as a number, yes_no as true or "
                   "false, single_choice as a choice's `value`, multiple_choice as a list of "
                   "them. An error names the question as `answers.<id>`; answers to "
                   "questions the date does not ask this kind are ignored.",
})
class AnswersField(serializers.Field):
    """`{question id: answer}`; the page's questions check each answer (in the form)."""

    default_error_messages = {"invalid": _(
        "Send an object of answers keyed by question id: each a string, a number, true or "
        "false, or a list of strings.")}

    def to_internal_value(self, data):
        if not isinstance(data, dict) or len(data) > MAX_ANSWERS or not all(
                _is_answer(value) for value in data.values()):
            self.fail("invalid")
        return data

    def to_representation(self, value):
        return value


class RegistrationSerializer(serializers.Serializer):
    """Common part of every kind's body; `for_kind()` adds the kind's form fields."""

    occurrence = StrictIntegerField(min_value=1, max_value=MAX_ID,
                                    help_text=_("`id` of a date (see the occurrences listing)."))
    part = serializers.ChoiceField(
        choices=[("onsite", _("On site")), ("online", _("Online"))], required=False,
        help_text=_("Hybrid dates only: the places on site or online (see `registration` in "
                    "the occurrences listing)."))
    answers = AnswersField(required=False)
    form_class = None
    kind_name = None

    def questions(self, data):
        """The questions the date's page asks this kind; None without such a date (the view
        answers 404 for it, not a 400 about answers nobody can check)."""
        occurrence = data.get("occurrence")
        if self.kind_name is None or type(occurrence) is not int or not 0 < occurrence <= MAX_ID:
            return None
        if self.context.get("questions") is not None:  # read by the view with the date's option
            return self.context["questions"]
        return questions_for_occurrence(occurrence, self.kind_name)

    def answer_data(self, data, questions, errors):
        """The JSON answers as form data; wrong types and unknown ids go into `errors`."""
        answers = data.get("answers")
        if not isinstance(answers, dict) or questions is None:
            return {}
        by_id = {question.id: question for question in questions}
        form_data = {}
        # Answers to questions not asked here are ignored, as unknown body fields are: a
        # question removed or limited to other kinds meanwhile does not break a client.
        for key, value in answers.items():
            if key in by_id:
                try:
                    form_data[by_id[key].field_name] = form_value(by_id[key], value)
                except ValidationError as error:
                    errors.setdefault(f"answers.{key}", error.messages)
        return form_data

    def to_internal_value(self, data):
        """The JSON types first, then the kind's form on the answers; both errors together."""
        try:
            errors, values = {}, super().to_internal_value(data)
        except serializers.ValidationError as error:
            errors, values = dict(error.detail), None
        if self.form_class is not None:
            answers = {key: value for key, value in data.items()
                       if key in self.fields
                       and key not in ("occurrence", "kind", "part", "answers")}
            answers.setdefault("language", self.context.get("language") or "de")
            questions = self.questions(data)
            answers.update(self.answer_data(data, questions, errors))
            questions = questions or []
            self.form = self.form_class(data=answers, questions=questions)
            question_ids = {question.field_name: question.id for question in questions}
            if not self.form.is_valid():
                for name, messages in self.form.errors.items():
                    name = "non_field_errors" if name == "__all__" else name
                    if name in question_ids:
                        name = f"answers.{question_ids[name]}"
                    errors.setdefault(name, [str(message) for message in messages])
        if errors:
            raise serializers.ValidationError(errors)
        return values


_serializers = {}


def registration_serializer_class(kind):
    """One serializer class per kind (and its form), built once from the form's fields."""
    form_class = api_form_class(kind)
    key = (kind.name, form_class)
    if key not in _serializers:
        attrs = {"kind": serializers.ChoiceField(choices=[(kind.name, kind.label)],
                                                 help_text=str(kind.label)),
                 "form_class": form_class, "kind_name": kind.name}
        for name, form_field in form_class.base_fields.items():
            # The language of the e-mails defaults to the request's.
            attrs[name] = serializer_field(
                form_field, required=False if name == "language" else None,
                codes=lambda name=name, form_class=form_class: _choices(
                    form_class().fields[name]))
        name = "".join(part.title() for part in kind.name.split("_")) + "Registration"
        attrs["__doc__"] = f"A registration as {kind.name}: the common fields and the kind's own."
        bases = (RegistrationSerializer,)
        if kind.allows_groups:  # `participants` makes it a group registration
            from .group_api import GroupBodyMixin, group_fields

            attrs.update(group_fields(attrs))
            bases = (GroupBodyMixin, RegistrationSerializer)
        _serializers[key] = type(f"{name}Serializer", bases, attrs)
    return _serializers[key]


def add_body_rules(result, generator, request, public):
    """drf-spectacular post-processing hook: rules that tie fields of a kind's body together
    (JSON Schema fragments from its form's `api_body_rules()`, e.g. "a referral needs a
    district"), so that a schema-valid body is one the form accepts."""
    schemas = result.get("components", {}).get("schemas", {})
    for kind in all_kinds():
        rules = getattr(kind.form_class, "api_body_rules", None)
        name = registration_serializer_class(kind).__name__.removesuffix("Serializer")
        if kind.public and rules is not None and name in schemas:
            fragments = rules()
            if fragments:
                schemas[name]["allOf"] = [*schemas[name].get("allOf", []), *fragments]
    return result


def registration_request_serializer():
    """The request body for the OpenAPI document: one schema per public kind, `oneOf` by kind."""
    return PolymorphicProxySerializer(
        component_name="RegistrationRequest",
        serializers=lambda: {kind.name: registration_serializer_class(kind)
                             for kind in all_kinds() if kind.public},
        resource_type_field_name="kind")


class RegistrationItemSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text=_("Opaque reference of the registration."))
    status = serializers.CharField(help_text=_("pending, confirmed, waitlisted …"))


class RegistrationResultSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text=_("Opaque reference of the registration."))
    status = serializers.CharField(help_text=_("pending, confirmed, waitlisted …"))
    group = serializers.UUIDField(required=False, help_text=_(
        "Group registrations only: the group's reference (`reference` and `status` are then "
        "the first participant's)."))
    registrations = serializers.ListField(
        child=RegistrationItemSerializer(), required=False,
        help_text=_("Group registrations only: every participant's registration, in the "
                    "order of `participants`."))


class ErrorSerializer(serializers.Serializer):
    """`{"detail": "..."}`, with a `code` where the client can act on it."""

    detail = serializers.CharField()
    code = serializers.CharField(required=False)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                   required=False)


class FieldErrorsSerializer(serializers.Serializer):
    """`{"errors": {"field": ["message", …]}}`."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


def bad_request_response(description):
    """A 400: field errors, or `detail` when the address itself is refused (control characters)."""
    from drf_spectacular.utils import OpenApiResponse

    return OpenApiResponse(PolymorphicProxySerializer(
        component_name="BadRequest", serializers=[FieldErrorsSerializer, ErrorSerializer],
        resource_type_field_name=None), description)
