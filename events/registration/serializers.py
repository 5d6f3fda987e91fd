"""DRF serializers of the registration API, derived from each kind's Django form.

The kind's form (`forms.api_form_class(kind)`) stays the one validation source: a serializer
checks the JSON types strictly (a number is no name, "true" is no consent), then runs the
same form the HTML page runs and reports its errors per field. The serializer's fields are
what the OpenAPI document shows: one request body per kind, told apart by `kind`.
"""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from .forms import api_form_class
from .kinds import all_kinds

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


# What the forms refuse, stated in the document as patterns: NUL in any
# text; and, where an answer is required, text that is only whitespace (stripped, then empty).
# Django's and DRF's own (translated) messages.
PLAIN_TEXT = RegexValidator(r"^[^\x00]*$",
                            message=ProhibitNullCharactersValidator.message)
NOT_ONLY_WHITESPACE = RegexValidator(
    r"^[^\x00]*[^\s\x00][^\x00]*$", message=serializers.CharField.default_error_messages["blank"])


def _choices(field):
    return [(value, label) for value, label in field.choices if value != ""]


def serializer_field(form_field, required=None):
    """The DRF field that carries what `form_field` accepts from a JSON body."""
    required = form_field.required if required is None else required
    common = {"required": required, "label": form_field.label,
              "help_text": form_field.help_text or None}
    if isinstance(form_field, forms.MultipleChoiceField):
        choices = _choices(form_field)
        # Choices filled when the form is built (a vocabulary): any code, the form checks it.
        child = serializers.ChoiceField(choices=choices) if choices else StrictCharField(
            max_length=200)
        return serializers.ListField(child=child, max_length=200,
                                     min_length=1 if required else None, **common)
    if isinstance(form_field, forms.ChoiceField):
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
        validators = [NOT_ONLY_WHITESPACE if form_field.required else PLAIN_TEXT]
        return StrictCharField(max_length=form_field.max_length, trim_whitespace=False,
                               allow_blank=not form_field.required, validators=validators,
                               **common)
    return serializers.JSONField(**common)


class RegistrationSerializer(serializers.Serializer):
    """Common part of every kind's body; `for_kind()` adds the kind's form fields."""

    occurrence = StrictIntegerField(min_value=1, max_value=MAX_ID,
                                    help_text=_("`id` of a date (see the occurrences listing)."))
    form_class = None

    def to_internal_value(self, data):
        """The JSON types first, then the kind's form on the answers; both errors together."""
        try:
            errors, values = {}, super().to_internal_value(data)
        except serializers.ValidationError as error:
            errors, values = dict(error.detail), None
        if self.form_class is not None:
            answers = {key: value for key, value in data.items()
                       if key in self.fields and key not in ("occurrence", "kind")}
            answers.setdefault("language", self.context.get("language") or "de")
            self.form = self.form_class(data=answers)
            if not self.form.is_valid():
                for name, messages in self.form.errors.items():
                    name = "non_field_errors" if name == "__all__" else name
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
                 "form_class": form_class}
        for name, form_field in form_class.base_fields.items():
            # The language of the e-mails defaults to the request's.
            attrs[name] = serializer_field(form_field, required=False if name == "language"
                                           else None)
        name = "".join(part.title() for part in kind.name.split("_")) + "Registration"
        attrs["__doc__"] = f"A registration as {kind.name}: the common fields and the kind's own."
        _serializers[key] = type(f"{name}Serializer", (RegistrationSerializer,), attrs)
    return _serializers[key]


def registration_request_serializer():
    """The request body for the OpenAPI document: one schema per public kind, `oneOf` by kind."""
    return PolymorphicProxySerializer(
        component_name="RegistrationRequest",
        serializers=lambda: {kind.name: registration_serializer_class(kind)
                             for kind in all_kinds() if kind.public},
        resource_type_field_name="kind")


class RegistrationResultSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text=_("Opaque reference of the registration."))
    status = serializers.CharField(help_text=_("pending, confirmed, waitlisted …"))


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
