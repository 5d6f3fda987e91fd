"""Registry of registration kinds: plugins register theirs (with their extra form fields) in ready()."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _


class NoExtraFields(forms.Form):
    """Kinds that ask only the common core (name, e-mail, consent, language)."""


@dataclass(frozen=True)
class StatisticsDimension:
    """One anonymous figure a kind keeps for the funders' statistics after erasure.

    `key` names a value of Registration.data: a choice (a code such as "kita") or a list of
    choices (trade slugs, language codes). Only choices belong here, never free text: the value
    outlives the registrant's personal data. `choices` returns (code, label) pairs for display.
    """

    key: str
    label: str
    choices: Callable[[], object] | None = None


@dataclass(frozen=True)
class RegistrationKind:
    name: str
    label: str
    # A plain Django form with the kind's own fields; the HTML form and the API both use it, so
    # validation is identical. Cleaned values are stored in Registration.data.
    form_class: type[forms.Form] = NoExtraFields
    default_waitlist: bool = True
    default_requires_approval: bool = False
    public: bool = True
    # False: staff (a counsellor, the check-in desk) may register someone without an e-mail
    # address. Public web and API registrations always need one (the confirmation link).
    email_required: bool = True
    # What the anonymous statistics keep of Registration.data (events/registration/statistics.py).
    statistics_dimensions: tuple[StatisticsDimension, ...] = ()
    # Optional: `(registration, medium) -> (template name, context) | None`, a paragraph of the
    # kind's own on the registrant's status page (medium "html") and in the confirmation e-mail
    # ("txt"), rendered by `{% kind_notice registration "html" %}` (events/templatetags).
    notice: Callable[[object, str], tuple[str, dict] | None] | None = None
    # True: one contact may register several people at once (events and trainings).
    allows_groups: bool = False


_registry: dict[str, RegistrationKind] = {}


def register_kind(kind: RegistrationKind):
    _registry[kind.name] = kind
    return kind


def get_kind(name) -> RegistrationKind | None:
    return _registry.get(name)


def all_kinds():
    return list(_registry.values())


def kind_choices():
    return [(kind.name, kind.label) for kind in _registry.values()]


ATTENDEE = RegistrationKind(name="attendee", label=_("Attendee"), allows_groups=True)
