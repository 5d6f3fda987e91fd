"""The form a registrant fills in for the colleague who takes their place: the kind's own
questions as the registration form asks them, worded for someone else."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import api_form_class
from .kinds import ATTENDEE

_classes = {}


class SubstituteFormMixin(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "substitute")
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["name"].label = _("Your colleague's name")
        fields["email"].label = _("Your colleague's e-mail address")
        fields["email"].help_text = _("We send the confirmation and their own links there.")
        fields["language"].label = _("Your colleague's preferred language of communication")
        fields["language"].help_text = ""
        fields["consent"].label = _("My colleague agrees that their details are processed to "
                                    "handle the registration.")
        fields["consent"].error_messages["required"] = _(
            "Please confirm that your colleague agrees to the processing of their data.")


def substitute_form_class(kind):
    """The kind's registration form (core and own fields, same validation) for a colleague."""
    kind = kind or ATTENDEE
    if kind.name not in _classes:
        _classes[kind.name] = type(f"{kind.name.title()}SubstituteForm",
                                   (SubstituteFormMixin, api_form_class(kind)), {})
    return _classes[kind.name]
