"""The group part of the registration API: a kind that takes groups accepts `participants`
(with `organisation` and `when_full`) in its body; the contact is the body's own person."""

from django.conf import settings
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from events.models import GroupWhenFull

from . import conf, services
from .group_forms import MAX_GROUP_SIZE
from .serializers import StrictCharField, TextValidator


class ParticipantSerializer(serializers.Serializer):
    """One participant of a group: their own e-mail gets their confirmation and cancel link."""

    name = StrictCharField(max_length=200, trim_whitespace=False,
                           validators=[TextValidator(False, True)],
                           help_text=gettext_lazy("The participant's name."))
    email = serializers.EmailField(max_length=254, help_text=gettext_lazy(
        "The participant's own address (one per participant)."))
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, required=False,
        help_text=gettext_lazy("Language of their e-mails; default: the contact's."))


def group_fields(existing):
    """Serializer fields a kind that takes groups adds to its body."""
    fields = {
        "participants": serializers.ListField(
            child=ParticipantSerializer(), min_length=1, max_length=MAX_GROUP_SIZE,
            required=False, help_text=gettext_lazy(
                "A group registration: the people to register, each with a registration and "
                "e-mails of their own. `name` and `email` of the body are then the contact's, "
                "who gets a summary; the answer lists every registration.")),
        "when_full": serializers.ChoiceField(
            choices=GroupWhenFull.choices, required=False, help_text=gettext_lazy(
                "Groups only: when there are fewer places than participants, register nobody "
                "(all_or_nothing, the default) or put the rest on the waiting list "
                "(waitlist_rest).")),
    }
    if "organisation" not in existing:
        fields["organisation"] = StrictCharField(
            max_length=200, required=False, allow_blank=True, trim_whitespace=False,
            validators=[TextValidator(False, False)],
            help_text=gettext_lazy("Groups only: the participants' organisation."))
    return fields


class GroupBodyMixin:
    """Errors of a participant as `participants.<index>.<field>`. Two participants with one
    address are a conflict (409, like an address already registered), not a 400: the body
    is valid by the schema."""

    def to_internal_value(self, data):
        try:
            values = super().to_internal_value(data)
        except serializers.ValidationError as error:
            raise serializers.ValidationError(_flat(error.detail)) from error
        return values


def _flat(detail):
    if not isinstance(detail, dict) or not isinstance(detail.get("participants"), dict):
        return detail
    detail = dict(detail)
    for index, errors in detail.pop("participants").items():
        if isinstance(errors, dict):
            for field, messages in errors.items():
                detail[f"participants.{index}.{field}"] = messages
        else:
            detail[f"participants.{index}"] = errors
    return detail


def register_group_body(option, serializer):
    """(status, data, headers) for a valid group body, as the view answers a single one."""
    form, values = serializer.form, serializer.validated_data
    cleaned = form.cleaned_data
    try:
        group, registrations = services.register_group(
            option, contact_name=cleaned["name"], contact_email=cleaned["email"],
            organisation=cleaned.get("organisation") or values.get("organisation") or "",
            language=cleaned["language"], consent=cleaned["consent"],
            when_full=values.get("when_full") or GroupWhenFull.ALL_OR_NOTHING,
            data=form.extra_data(),
            participants=[{"name": person["name"].strip(), "email": person["email"].strip(),
                           "language": person.get("language") or ""}
                          for person in values["participants"]])
    except services.RegistrationBusy as error:
        return 503, {"detail": str(error.message), "code": error.code}, {
            "Retry-After": str(conf.get("REGISTRATION_RETRY_AFTER"))}
    except services.GroupParticipantError as error:
        field = "email" if error.code.startswith("duplicate") else "name"
        body = {"detail": str(error.message), "code": error.code,
                "errors": {f"participants.{error.index}.{field}": [str(error.message)]}}
        return (400 if error.code == "invalid" else 409), body, None
    except services.RegistrationError as error:
        if error.code == "consent":
            return 400, {"errors": {"consent": [str(error.message)]}}, None
        return 409, {"detail": str(error.message), "code": error.code}, None
    first = registrations[0]
    return 201, {
        "reference": first.reference, "status": first.state, "group": str(group.reference),
        "registrations": [{"reference": item.reference, "status": item.state}
                          for item in registrations],
    }, None
