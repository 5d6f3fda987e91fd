"""The employer and job-seeker questions (registration kinds), used by the HTML form, the API
and the counsellors' admin form alike."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.registration.forms import clean_text

# ISO 639-1 codes offered for languages spoken and interpreters; names in the visitor's language.
LANGUAGE_CHOICES = [
    ("de", _("German")), ("en", _("English")), ("ar", _("Arabic")), ("fa", _("Persian")),
    ("uk", _("Ukrainian")), ("ru", _("Russian")), ("tr", _("Turkish")), ("ku", _("Kurdish")),
    ("ps", _("Pashto")), ("ti", _("Tigrinya")), ("so", _("Somali")), ("fr", _("French")),
    ("es", _("Spanish")), ("pl", _("Polish")), ("ro", _("Romanian")), ("bg", _("Bulgarian")),
    ("sq", _("Albanian")), ("sr", _("Serbian")), ("vi", _("Vietnamese")), ("zh", _("Chinese")),
]
LANGUAGE_CODES = {code for code, _label in LANGUAGE_CHOICES}




GERMAN_LEVELS = [("none", _("No German yet")), ("A1", "A1"), ("A2", "A2"), ("B1", "B1"),
                 ("B2", "B2"), ("C1", "C1"), ("C2", "C2")]
RECOGNITION_CHOICES = [
    ("none", _("Not applied for")), ("in_progress", _("Applied for, in progress")),
    ("recognised", _("Recognised")), ("not_needed", _("Not needed")),
]


def trade_choices():
    """(slug, label) of every trade, named in the current language where translated."""
    from .models import Trade

    language = (get_language() or "de").split("-")[0]
    rows = Trade.objects.select_related("locale").order_by("slug")
    best = {}
    default = Locale.get_default().language_code
    for trade in rows:
        code = trade.locale.language_code
        if trade.slug not in best or code == language or (
                code == default and best[trade.slug].locale.language_code != language):
            best[trade.slug] = trade
    return sorted(((slug, f"{trade.name} ({trade.german_name})" if trade.name != trade.german_name
                    else trade.name) for slug, trade in best.items()), key=lambda c: c[1].lower())


def normalise_trades(values):
    """Slugs for trade slugs or German occupation names (“Maurer”, “Maurer/-in”); the unknown."""
    from .models import Trade

    wanted = [str(value).strip() for value in values if str(value).strip()]
    if not wanted:
        return [], []
    # A short vocabulary (a few dozen trades): one query, matching done here.
    lookup = {}
    for slug, german_name, name in Trade.objects.values_list("slug", "german_name", "name"):
        lookup[slug.casefold()] = slug
        lookup[german_name.casefold()] = slug
        lookup[Trade.base_german_name(german_name)] = slug
        lookup.setdefault(name.casefold(), slug)
    slugs, unknown = [], []
    for value in wanted:
        slug = lookup.get(value.casefold()) or lookup.get(Trade.base_german_name(value))
        if slug is None:
            unknown.append(value)
        elif slug not in slugs:
            slugs.append(slug)
    return slugs, unknown


class TradesField(forms.MultipleChoiceField):
    """Check boxes in the form; in the API a list of slugs or German occupation names."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        return super().to_python(value)

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def clean(self, value):
        value = self.to_python(value)
        self.validate(value)
        slugs, unknown = normalise_trades(value)
        if unknown:
            raise forms.ValidationError(
                _("Unknown trade: %(values)s. Use a trade code or the German occupation name."),
                code="invalid_choice", params={"values": ", ".join(unknown)})
        return slugs


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        return [str(v).strip().lower() for v in super().to_python(value)]


class TradesMixin(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trades"].choices = trade_choices()


class EmployerForm(TradesMixin, forms.Form):
    company = forms.CharField(label=_("Company"), max_length=200,
                              widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    phone = forms.CharField(label=_("Phone"), max_length=50,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    address = forms.CharField(
        label=_("Address of the company"), max_length=400,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}))
    trades = TradesField(label=_("Trades and occupations you are looking for"))
    open_positions = forms.IntegerField(label=_("Open positions"), min_value=0, max_value=999,
                                        initial=0)
    apprenticeships = forms.IntegerField(label=_("Apprenticeships (Ausbildungsplätze)"),
                                         min_value=0, max_value=999, initial=0)
    interviews = forms.IntegerField(
        label=_("Short interviews you can hold"), min_value=0, max_value=48, initial=6,
        help_text=_("We plan about 15 minutes per interview and send you a timetable."))
    languages = LanguagesField(label=_("Languages spoken in the company"),
                               choices=LANGUAGE_CHOICES, required=False)
    needs = forms.CharField(
        label=_("Table and equipment needs"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("e.g. power socket, space for tools or a roll-up banner."))
    public_listing = forms.BooleanField(
        label=_("You may name our company and the trades we seek on the fair's page."),
        required=False)

    def clean_company(self):
        return clean_text(self.cleaned_data["company"])


class JobSeekerForm(TradesMixin, forms.Form):
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    languages = LanguagesField(label=_("Languages you speak"), choices=LANGUAGE_CHOICES,
                               required=False)
    german_level = forms.ChoiceField(label=_("Your German level"), choices=GERMAN_LEVELS)
    interpreter_language = forms.ChoiceField(
        label=_("I need an interpreter for"), required=False,
        choices=[("", _("No interpreter needed"))] + LANGUAGE_CHOICES,
        help_text=_("We plan interviews with an interpreter where one is available."))
    trades = TradesField(label=_("Trades you are interested in"))
    experience = forms.CharField(
        label=_("Work experience and qualifications"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you have done, for how long, and which certificates you have."))
    recognition = forms.ChoiceField(
        label=_("Recognition of a foreign qualification"), choices=RECOGNITION_CHOICES,
        initial="none")

    def clean_phone(self):
        return clean_text(self.cleaned_data.get("phone") or "")
