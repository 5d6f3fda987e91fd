"""Registration forms: the common core plus each kind's fields, and the bot defences of the HTML form."""

import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import conf

# Direction overrides/isolates and other invisible format characters that disguise a name;
# ordinary right-to-left and non-Latin letters are fine.
FORBIDDEN_IN_NAMES = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
TIMESTAMP_SALT = "events.registration.rendered"


def clean_text(value, label=None):
    if FORBIDDEN_IN_NAMES.search(value or ""):
        raise forms.ValidationError(
            _("Please remove invisible or control characters from this field."), code="invalid")
    return value.strip()


class CoreRegistrationForm(forms.Form):
    """Fields every kind asks: name, e-mail, language of communication, consent."""

    name = forms.CharField(label=_("Name"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    language = forms.ChoiceField(
        label=_("Preferred language of communication"), choices=settings.LANGUAGES,
        help_text=_("We write to you in this language."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are processed to handle my registration."),
        error_messages={"required": _("Please agree to the processing of your data.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        self.fields["language"].initial = current

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def extra_data(self):
        """The kind's own answers, stored in Registration.data (JSON-safe values)."""
        # Phone has a column of its own (erased with the other personal columns): not repeated here.
        core = set(CoreRegistrationForm.base_fields) | set(BotDefenceMixin.base_fields) | {"phone"}
        data = {}
        for field, value in self.cleaned_data.items():
            if field in core:
                continue
            if isinstance(value, str):
                value = clean_text(value)
            elif not isinstance(value, bool | int | float | list | type(None)):
                value = str(value)
            data[field] = value
        return data


class BotDefenceMixin(forms.Form):
    """Honeypot, minimum time between rendering and sending, and a one-time token."""

    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    rendered = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rendered"].initial = signing.dumps(time.time(), salt=TIMESTAMP_SALT)
        self.fields["form_token"].initial = secrets.token_urlsafe(24)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your registration could not be processed."),
                                        code="honeypot")
        try:
            rendered = signing.loads(cleaned.get("rendered") or "", salt=TIMESTAMP_SALT,
                                     max_age=60 * 60 * 24)
        except signing.BadSignature:
            rendered = None
        if rendered is None or time.time() - float(rendered) < conf.get(
                "REGISTRATION_MIN_SUBMIT_SECONDS"):
            raise forms.ValidationError(
                _("Please check your details and send the form again."), code="too_fast")
        if not cleaned.get("form_token"):
            raise forms.ValidationError(_("Please send the form again."), code="token")
        return cleaned

    def fresh_bot_fields(self):
        """A re-rendered form with errors gets a new timestamp, keeping the one-time token."""
        data = self.data.copy()
        data["rendered"] = signing.dumps(time.time() - conf.get("REGISTRATION_MIN_SUBMIT_SECONDS"),
                                         salt=TIMESTAMP_SALT)
        self.data = data


_form_classes = {}


def api_form_class(kind):
    """Core fields plus the kind's fields: the API validates exactly what the HTML form does."""
    key = ("api", kind.name)
    if key not in _form_classes:
        _form_classes[key] = type(f"{kind.name.title()}RegistrationForm",
                                  (CoreRegistrationForm, kind.form_class), {})
    return _form_classes[key]


def html_form_class(kind):
    key = ("html", kind.name)
    if key not in _form_classes:
        _form_classes[key] = type(f"{kind.name.title()}PublicRegistrationForm",
                                  (api_form_class(kind), BotDefenceMixin), {})
    return _form_classes[key]
