"""Forms of the trainings plugin: participant fields (registration kind), module filters,
in-house requests and the anonymous feedback form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.filters import Vocabulary
from events.models import Venue
from events.registration.forms import BotDefenceMixin, PlainTextMixin, clean_text

from .choices import DeliveryMode, Format, OrganisationType, Topic
from .models import InHouseRequest, TrainingModulePage
from .models.feedback import QUESTIONS
from .models.requests import PlaceChoice


class ParticipantFields(forms.Form):
    """What the `participant` kind asks besides name, e-mail, language and consent."""

    organisation = forms.CharField(
        label=_("Organisation"), max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=[("", "—")] + OrganisationType.choices,
        help_text=_("Where you work or volunteer."))
    role = forms.CharField(label=_("Role or position"), max_length=150,
                           widget=forms.TextInput(attrs={"autocomplete": "organization-title"}))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=50, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. step-free access, sign language interpretation, large print."))

    def clean_organisation(self):
        return clean_text(self.cleaned_data["organisation"])

    def clean_role(self):
        return clean_text(self.cleaned_data["role"])


class ModuleFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False,
                              choices=[("", _("All"))] + Topic.choices)
    format = forms.ChoiceField(label=_("Format"), required=False,
                               choices=[("", _("All"))] + Format.choices)
    delivery_mode = forms.ChoiceField(label=_("Delivery"), required=False,
                                      choices=[("", _("All"))] + DeliveryMode.choices)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    upcoming = forms.BooleanField(label=_("Only modules with upcoming sessions"), required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        vocabulary = Vocabulary(locale)  # the three in one query, when first read
        for name in ("audience", "language", "city"):
            self.fields[name].choices = vocabulary.choices(name)

    def filters(self):
        data = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        return {name: data.get(name) or "" for name in self.fields}


class InHouseRequestForm(PlainTextMixin, BotDefenceMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that my details are processed to handle this request."),
        error_messages={"required": _("Please agree to the processing of your data.")})

    class Meta:
        model = InHouseRequest
        fields = ["module", "organisation", "contact_name", "email", "phone",
                  "preferred_period", "participants", "place", "location", "message"]
        labels = {"phone": _("Phone (optional)"), "location": _("Address or town (optional)"),
                  "message": _("Message (optional)")}
        help_texts = {
            "preferred_period": _("E.g. “March or April, on a Tuesday”."),
            "participants": _("About how many people would take part."),
            "location": _("Where the training would take place, if at your premises."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 5}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        module = self.fields["module"]
        module.queryset = (TrainingModulePage.objects.live().child_of(programme).order_by("path")
                           if programme else TrainingModulePage.objects.none())
        module.required = True
        module.label_from_instance = lambda page: page.title
        self.fields["place"].choices = PlaceChoice.choices
        self.fields["participants"].min_value = 1
        self.fields["participants"].widget.attrs.update(min=1, max=500)
        self.order_fields(["module", "organisation", "contact_name", "email", "phone",
                           "preferred_period", "participants", "place", "location", "message",
                           "consent"])

    def clean_participants(self):
        value = self.cleaned_data["participants"]
        if not 1 <= value <= 500:
            raise forms.ValidationError(_("Enter a number between 1 and 500."))
        return value


RATING_CHOICES = [(str(value), str(value)) for value in range(1, 6)]


class FeedbackForm(PlainTextMixin, forms.Form):
    """Ratings 1 (poor) to 5 (very good) and a free-text comment; nothing identifies the person."""

    overall = forms.TypedChoiceField(label=QUESTIONS["overall"], choices=RATING_CHOICES,
                                     coerce=int, widget=forms.RadioSelect)
    content = forms.TypedChoiceField(label=QUESTIONS["content"], choices=RATING_CHOICES,
                                     coerce=int, widget=forms.RadioSelect)
    trainer = forms.TypedChoiceField(label=QUESTIONS["trainer"], choices=RATING_CHOICES,
                                     coerce=int, widget=forms.RadioSelect)
    organisation = forms.TypedChoiceField(label=QUESTIONS["organisation"], choices=RATING_CHOICES,
                                          coerce=int, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("What should we keep or change? (optional)"), required=False, max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Please do not write names: your answers stay anonymous."))


class SessionFromRequestForm(forms.Form):
    """Admin: the date, place and places of the session created from a scheduled request."""

    start = forms.DateTimeField(label=_("Start"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    end = forms.DateTimeField(label=_("End"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    venue = forms.ModelChoiceField(label=_("Venue"), queryset=Venue.objects.none(), required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500)

    def __init__(self, *args, module=None, **kwargs):
        super().__init__(*args, **kwargs)
        if module is not None:
            self.fields["venue"].queryset = Venue.objects.filter(locale=module.locale)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] <= cleaned["start"]:
            self.add_error("end", _("The end must be after the start."))
        return cleaned
