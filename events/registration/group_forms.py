"""Forms of a group registration: the contact's form (the kind's registration form with the
contact's choice when places run out) and one row per participant (a formset)."""

from django import forms
from django.conf import settings
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from events.models import GroupWhenFull

from .forms import PlainTextMixin, clean_text, html_form_class
from .services import normalise_email

# More people than this register through the registration managers (one message per row).
MAX_GROUP_SIZE = 20
MIN_GROUP_SIZE = 2
PREFIX = "participants"
ADD_PARTICIPANT = "add_participant"


class GroupFieldsMixin(forms.Form):
    """What a group registration asks its contact besides the kind's form."""

    organisation = forms.CharField(
        label=_("Organisation"), max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        help_text=_("The organisation the participants belong to."))
    when_full = forms.ChoiceField(
        label=_("If there are not enough places for everyone"),
        choices=GroupWhenFull.choices, initial=GroupWhenFull.ALL_OR_NOTHING,
        widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "Add participant" without JavaScript sends the form: shown again as entered, nothing
        # checked (events.registration.submission answers 200, outside the rate limit).
        self.adding_row = self.is_bound and ADD_PARTICIPANT in self.data
        self.fields["name"].label = _("Your name (contact person)")
        self.fields["email"].label = _("Your e-mail address")
        self.fields["email"].help_text = _("We send you a summary of the group's registrations.")
        self.fields["consent"].label = _(
            "I agree that my details and those of the participants are processed to handle "
            "the registration, and the participants have agreed to it.")
        # Contact first, then the kind's fields and questions, the choice and consent last.
        fields = dict(self.fields)
        order = ["name", "email", "organisation", "language"]
        last = ["when_full", "consent"]
        middle = [name for name in fields if name not in order + last]
        self.fields = {name: fields[name] for name in order + middle + last if name in fields}

    def full_clean(self):
        if self.adding_row:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()

    def clean_organisation(self):
        return clean_text(self.cleaned_data["organisation"])

    def extra_data(self):
        data = super().extra_data()
        data.pop("when_full", None)  # stored on the group, not per participant
        return data


_classes = {}


def group_form_class(kind):
    """The kind's public registration form, asked once of the contact for the whole group."""
    if kind.name not in _classes:
        _classes[kind.name] = type(f"{kind.name.title()}GroupRegistrationForm",
                                   (GroupFieldsMixin, html_form_class(kind)), {})
    return _classes[kind.name]


class ParticipantForm(PlainTextMixin, forms.Form):
    """One participant: who they are and the language of their own e-mails."""

    name = forms.CharField(label=_("Name"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "off"}),
                             help_text=_("Their own address: they confirm and can cancel "
                                         "with the link sent there."))
    language = forms.ChoiceField(
        label=_("Language of their e-mails"), required=False,
        choices=[("", _("Same as mine"))] + list(settings.LANGUAGES))

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please enter the participant's name."),
                                        code="required")
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class BaseParticipantFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": _("Please send the form again."),
        "too_many_forms": ngettext_lazy(
            "Please register at most %(num)d person at once.",
            "Please register at most %(num)d people at once.", "num"),
        "too_few_forms": ngettext_lazy(
            "Please enter at least %(num)d participant.",
            "Please enter at least %(num)d participants.", "num"),
    }

    def clean(self):
        seen = {}
        for form in self.forms:
            if not form.has_changed() and form.empty_permitted:
                continue
            address = normalise_email(form.cleaned_data.get("email")) if hasattr(
                form, "cleaned_data") else ""
            if not address:
                continue
            if address in seen:
                form.add_error("email", _(
                    "Another participant of this group has this e-mail address. Everyone "
                    "needs an address of their own (for their confirmation and cancel link)."))
            seen[address] = form

    def participants(self):
        """The filled rows as the service takes them."""
        return [{"name": form.cleaned_data["name"], "email": form.cleaned_data["email"],
                 "language": form.cleaned_data.get("language") or ""}
                for form in self.forms if form.has_changed() and form.cleaned_data]

    def without_errors(self):
        """A bound formset shown again as entered, without validating it (a row was added)."""
        self._errors = []
        self._non_form_errors = self.error_class(renderer=self.renderer)
        for form in self.forms:
            form._errors = ErrorDict()
        return self


ParticipantFormSet = forms.formset_factory(
    ParticipantForm, formset=BaseParticipantFormSet, extra=0, min_num=MIN_GROUP_SIZE,
    validate_min=True, max_num=MAX_GROUP_SIZE, validate_max=True, absolute_max=MAX_GROUP_SIZE)


def participant_formset(data=None, *, add_row=False):
    """The participants' formset; `add_row` shows the sent rows again with one empty row more."""
    if data is not None and add_row:
        data = data.copy()
        try:
            total = int(data.get(f"{PREFIX}-TOTAL_FORMS", MIN_GROUP_SIZE))
        except (TypeError, ValueError):
            total = MIN_GROUP_SIZE
        data[f"{PREFIX}-TOTAL_FORMS"] = str(max(MIN_GROUP_SIZE, min(total + 1, MAX_GROUP_SIZE)))
        return ParticipantFormSet(data, prefix=PREFIX).without_errors()
    return ParticipantFormSet(data, prefix=PREFIX)
