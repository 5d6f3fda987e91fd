"""The employer and job-seeker questions (registration kinds), used by the HTML form, the API
and the counsellors' admin form alike."""


from django import forms
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.registration.forms import PlainTextMixin, clean_text

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


class DistrictField(forms.ChoiceField):
    """A district code from the site's list (filled when the form is built); where the site
    lists none, the question is not asked and any value is ignored."""

    def validate(self, value):
        if self.choices:
            super().validate(value)


class TradesMixin(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trades"].choices = trade_choices()


# Job postings and the employer's profile (through the employer's link) -------------------------

class PostingForm(PlainTextMixin, forms.Form):
    """One job posting; the employer adds it, an editor approves it before it shows."""

    trade = forms.ChoiceField(label=_("Occupation"))
    level = forms.ChoiceField(label=_("Level"), widget=forms.RadioSelect)
    german_level = forms.ChoiceField(
        label=_("German level required"),
        help_text=_("Levels of the Common European Framework of Reference (A1 to C2)."))
    start_date = forms.DateField(label=_("Start date"), help_text=_("For example 2027-03-01."),
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    places = forms.IntegerField(label=_("Number of places"), min_value=1, max_value=99, initial=1)
    description = forms.CharField(
        label=_("Short description"), max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tasks and what you offer, in a few sentences (at most 600 characters)."))

    def __init__(self, *args, **kwargs):
        from .models import GermanLevel, PostingLevel

        super().__init__(*args, **kwargs)
        self.fields["trade"].choices = [("", _("Choose an occupation"))] + trade_choices()
        self.fields["level"].choices = PostingLevel.choices
        self.fields["german_level"].choices = GermanLevel.choices
        # The select shows it first: an untouched extra row of the sign-up form is unchanged.
        self.fields["german_level"].initial = GermanLevel.NONE

    def clean_trade(self):
        from .postings import trade_for_slug

        trade = trade_for_slug(self.cleaned_data["trade"])
        if trade is None:
            raise forms.ValidationError(_("Choose an occupation from the list."), code="invalid")
        return trade




POSTING_PREFIX = "posting"
ADD_POSTING = "add_posting"
MAX_POSTINGS = 20


class BasePostingFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if sum(1 for form in self.forms if form.has_changed()) > MAX_POSTINGS:
            raise forms.ValidationError(
                _("At most %(count)s postings at sign-up; add more later through your link.")
                % {"count": MAX_POSTINGS}, code="too_many")


PostingFormSet = forms.formset_factory(
    PostingForm, formset=BasePostingFormSet, extra=1, max_num=MAX_POSTINGS,
    absolute_max=MAX_POSTINGS, validate_max=True)


class PostingsWidget(forms.Widget):
    """Renders the employer form's formset of postings (set by the form as `formset`) inside
    the sign-up form, so the shared form template needs to know nothing about it."""

    formset = None
    label = ""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        attrs["aria_describedby"] = attrs.pop("aria-describedby", "")
        return render_to_string("jobfairs/includes/posting_rows.html", {
            "formset": self.formset, "attrs": attrs, "add_name": ADD_POSTING,
            "label": self.label,
            "can_add": self.formset is not None
            and self.formset.total_form_count() < MAX_POSTINGS})

    def value_from_datadict(self, data, files, name):
        return None  # the form reads the rows through its formset

    def value_omitted_from_data(self, data, files, name):
        return False


class PostingsField(forms.Field):
    """Job postings at sign-up: a formset in the HTML form, a list of objects in the API."""

    widget = PostingsWidget

    def api_field(self, **common):
        """The typed API field (events.registration.serializers.serializer_field asks)."""
        from rest_framework import serializers

        from .postings_api import PostingInputSerializer

        return serializers.ListField(child=PostingInputSerializer(), max_length=MAX_POSTINGS,
                                     **common)


class EmployerForm(TradesMixin, forms.Form):
    # The registration page puts a hidden copy of "Register" first, so Enter registers.
    has_add_row_button = True

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
    # Last, so the employer first says who they are: rows of PostingForm (a formset).
    postings = PostingsField(
        label=_("Job postings (optional)"), required=False,
        help_text=_("Add the positions you want to fill. Our team checks each posting before "
                    "it appears on the fair's page; you can add more later through the link "
                    "we send you."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "Add another posting" sends the form without JavaScript: shown again, one row more,
        # nothing checked and nothing registered yet.
        self.adding_posting = (self.is_bound and isinstance(self.data, QueryDict)
                               and ADD_POSTING in self.data)
        # events.registration.submission: shown again with status 200, not rate limited.
        self.adding_row = self.adding_posting
        self.posting_formset = PostingFormSet(
            data=self._posting_data() if self.is_bound else None, prefix=POSTING_PREFIX)
        if self.adding_posting:
            for form in self.posting_formset.forms:
                form._errors, form.cleaned_data = ErrorDict(), {}
        self.fields["postings"].widget.formset = self.posting_formset
        self.fields["postings"].widget.label = self.fields["postings"].label

    def _posting_data(self):
        """Form data for the formset: the HTML form's own rows, or the API's list of postings
        (`postings: [{trade, level, …}]`) spelled as rows."""
        rows = self.data.get("postings")
        self.postings_from_api = isinstance(rows, list | tuple)
        if self.postings_from_api:
            data = {f"{POSTING_PREFIX}-TOTAL_FORMS": str(len(rows)),
                    f"{POSTING_PREFIX}-INITIAL_FORMS": "0"}
            for index, row in enumerate(rows):
                for name, value in (row.items() if isinstance(row, dict) else ()):
                    data[f"{POSTING_PREFIX}-{index}-{name}"] = (
                        "" if value is None else value if isinstance(value, str) else str(value))
                # Anything but an object is a row without answers: errors, not a 500.
                data.setdefault(f"{POSTING_PREFIX}-{index}-places", "")
                data.setdefault(f"{POSTING_PREFIX}-{index}-german_level", "none")
            return data
        total_key = f"{POSTING_PREFIX}-TOTAL_FORMS"
        if total_key not in self.data:
            return {total_key: "0", f"{POSTING_PREFIX}-INITIAL_FORMS": "0"}
        if not self.adding_posting:
            return self.data
        data = self.data.copy()
        try:
            total = int(data.get(total_key))
        except (TypeError, ValueError):
            total = 0
        total = max(total, 0)
        if total < MAX_POSTINGS:
            data[total_key] = str(total + 1)
            # A bound row shows only what was sent: the new row gets the initial values (an
            # untouched row stays unchanged, so it is skipped).
            for name, field in PostingForm.base_fields.items():
                if field.initial is not None:
                    data[f"{POSTING_PREFIX}-{total}-{name}"] = str(field.initial)
            data[f"{POSTING_PREFIX}-{total}-german_level"] = "none"
        return data

    def full_clean(self):
        if self.adding_posting:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()

    def is_valid(self):
        return not self.adding_posting and super().is_valid()

    def clean_company(self):
        return clean_text(self.cleaned_data["company"])

    def clean_postings(self):
        """The rows filled in, as JSON-safe values (stored with the registration until the
        postings are created from them: `jobfairs.postings.create_signup_postings`)."""
        formset = self.posting_formset
        if not formset.is_valid():
            if not getattr(self, "postings_from_api", False):
                # The page shows each error next to its field in the row.
                raise forms.ValidationError(
                    [*formset.non_form_errors(),
                     _("Please check the job postings: the errors are shown in each posting.")],
                    code="invalid")
            messages = [str(error) for error in formset.non_form_errors()]
            for number, form in enumerate(formset.forms, start=1):
                for name, errors in form.errors.items():
                    label = form.fields[name].label if name in form.fields else ""
                    for error in errors:
                        messages.append(_("Posting %(number)s – %(field)s: %(error)s") % {
                            "number": number, "field": label, "error": error})
            raise forms.ValidationError(messages or _("Check the job postings."),
                                        code="invalid")
        return [{"trade": row["trade"].slug, "level": row["level"],
                 "german_level": row["german_level"], "start_date": row["start_date"].isoformat(),
                 "places": row["places"], "description": row["description"]}
                for row in formset.cleaned_data if row]


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
    # Asked only where the site wires a counselling lookup (jobfairs/referrals.py).
    home_district = DistrictField(
        label=_("District or city where you live"), required=False,
        error_messages={"invalid_choice": _("Choose your district from the list.")},
        help_text=_("If your qualification is not yet recognised, we show you the recognition "
                    "counselling centre responsible for you."))
    counselling_referral = forms.BooleanField(
        label=_("My qualification is not yet recognised: please pass my name and contact "
                "details to the responsible recognition counselling centre, so that it can "
                "contact me."), required=False)

    def __init__(self, *args, **kwargs):
        from .referrals import district_choices

        super().__init__(*args, **kwargs)
        self.district_codes = dict(district_choices())
        if self.district_codes:
            self.fields["home_district"].choices = (
                [("", _("Please choose"))] + list(self.district_codes.items()))
        else:
            # Nothing to refer to: neither question is shown (or accepted).
            for name in ("home_district", "counselling_referral"):
                self.fields[name].widget = forms.HiddenInput()

    @classmethod
    def api_body_rules(cls):
        """For the OpenAPI document: ticking the referral needs a qualification not yet
        recognised and a district (see clean()); nothing to say when no district is asked."""
        from .referrals import NOT_YET_RECOGNISED, district_choices

        codes = [code for code, _name in district_choices()]
        if not codes:
            return []
        return [{"anyOf": [
            {"properties": {"counselling_referral": {"enum": [False]}}},
            {"required": ["recognition", "home_district"],
             "properties": {"recognition": {"enum": list(NOT_YET_RECOGNISED)},
                            "home_district": {"enum": codes}}},
        ]}]

    def clean_phone(self):
        return clean_text(self.cleaned_data.get("phone") or "")

    def clean_home_district(self):
        return self.cleaned_data.get("home_district") if self.district_codes else ""

    def clean(self):
        from .referrals import NOT_YET_RECOGNISED

        cleaned = super().clean()
        if not self.district_codes:
            cleaned["counselling_referral"] = False
        elif cleaned.get("counselling_referral"):
            if cleaned.get("recognition") not in NOT_YET_RECOGNISED:
                self.add_error("counselling_referral", _(
                    "Only for a qualification that is not yet recognised: check your answer "
                    "on recognition, or leave this box unticked."))
            elif not cleaned.get("home_district"):
                self.add_error("home_district", _(
                    "Choose your district, so that we know which centre is responsible."))
        return cleaned


class ProfileForm(PlainTextMixin, forms.Form):
    """The employer's public profile: logo, short description (German, optional English), website."""

    logo = forms.FileField(
        label=_("Logo"), required=False,
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_("PNG, JPEG or WebP, at most 2 MB. We scale it down to fit 400 × 200 pixels."))
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    description_de = forms.CharField(
        label=_("Short description in German"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "de"}),
        help_text=_("Who you are and what you do, in two or three sentences."))
    description_en = forms.CharField(
        label=_("Short description in English (optional)"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "en"}),
        help_text=_("Shown to visitors who read the site in English."))
    company_website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        help_text=_("The address of your website, e.g. https://example.org."))

    def clean_logo(self):
        from .postings import scaled_logo
        from .services import JobFairsError

        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        try:
            scaled_logo(upload)  # checked here so the error stands next to the field
        except JobFairsError as error:
            raise forms.ValidationError(error.message, code=error.code) from error
        upload.seek(0)
        return upload

    def clean_company_website(self):
        url = self.cleaned_data.get("company_website") or ""
        if url and not url.lower().startswith(("https://", "http://")):
            raise forms.ValidationError(_("Enter a web address starting with https://."),
                                        code="invalid")
        return url

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("description_en") and not cleaned.get("description_de"):
            self.add_error("description_de",
                           _("Write the German text first; the English text is a translation."))
        return cleaned
