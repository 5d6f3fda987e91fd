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
from .questions import ANSWERS_KEY, form_field, is_unanswered, stored_value

# Control characters, direction overrides/isolates, other invisible format characters that
# disguise a name, and lone surrogates (a JSON "\ud800" that no database or encoder accepts);
# ordinary right-to-left and non-Latin letters are fine.
FORBIDDEN_IN_NAMES = re.compile(
    "[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff]")
# Free text (a Textarea) keeps tabs and line breaks, and the joiners and direction marks that
# Persian or Arabic prose needs (ZWNJ, ZWJ, LRM, RLM); overrides and isolates stay refused.
FORBIDDEN_IN_TEXT = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff]")
TIMESTAMP_SALT = "events.registration.rendered"


def normalise_line_breaks(value):
    """Every line break a browser or a pasted text brings (CR LF, CR, VT, U+2028…) as LF."""
    return "\n".join(value.splitlines())


def clean_text(value, multiline=False):
    """The text without surrounding blanks; ValidationError for characters it must not hold."""
    value = value or ""
    if multiline:
        value = normalise_line_breaks(value)
    if (FORBIDDEN_IN_TEXT if multiline else FORBIDDEN_IN_NAMES).search(value):
        raise forms.ValidationError(
            _("Please remove invisible or control characters from this field."), code="invalid")
    return value.strip()


def is_multiline(field):
    return isinstance(field.widget, forms.Textarea)


class PlainTextMixin(forms.Form):
    """Checks every text answer in the form's own validation, so a bad character is a message
    next to its field, never an error after validation (a 500): single-line fields refuse
    control characters, multi-line fields (a Textarea) keep line breaks and tabs."""

    def full_clean(self):
        # Before the fields' own checks, so a browser's CR LF counts as one character for
        # max_length, as the browser's own maxlength counted it.
        if self.is_bound:
            self.data = self._with_normal_line_breaks(self.data)
        super().full_clean()

    def _with_normal_line_breaks(self, data):
        names = [self.add_prefix(name) for name, field in self.fields.items() if is_multiline(field)]
        if not any(isinstance(data.get(name), str) for name in names):
            return data
        data = data.copy()
        for name in names:
            if isinstance(data.get(name), str):
                data[name] = normalise_line_breaks(data[name])
        return data

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if isinstance(cleaned.get(name), str):
                try:
                    cleaned[name] = clean_text(cleaned[name], multiline=is_multiline(field))
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class CoreRegistrationForm(PlainTextMixin, forms.Form):
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

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        self.fields["language"].initial = current
        self.add_questions(questions)

    def add_questions(self, questions):
        """The page's registration questions (events.registration.questions), before consent."""
        self.questions = list(questions)
        if not self.questions:
            return
        asked = {question.field_name: form_field(question) for question in self.questions}
        fields = {}
        for name, field in self.fields.items():
            if name == "consent":
                fields.update(asked)
            fields[name] = field
        fields.update(asked)  # no consent field: at the end
        self.fields = fields

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
        questions = {question.field_name: question for question in self.questions}
        data, answers = {}, {}
        for field, value in self.cleaned_data.items():
            if field in questions:
                # Typed, under the question's id (shared by the page's translations).
                if not is_unanswered(value):
                    answers[questions[field].id] = stored_value(value)
                continue
            if field in core:
                continue
            # Text was checked in clean() (PlainTextMixin), where an error is a field message.
            if not isinstance(value, str | bool | int | float | list | type(None)):
                value = str(value)
            data[field] = value
        if answers:
            data[ANSWERS_KEY] = answers
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


class RegistrationIdForm(forms.Form):
    """A staff POST naming one registration by id (attendance, check-in): anything but a
    database id is a 400, never a 500 from the query."""

    registration = forms.IntegerField(min_value=1, max_value=2**63 - 1)
