"""The listing's and the feeds' form of the date filters (the API's FilterSet in filtersets.py
shares its vocabulary: codes, event types, case-insensitive cities).

The same query string means the same dates in the HTML listing and in `/feeds/events.ics`:
codes (category, audience, language) are slugs, a city matches whatever its case, `type`
is an event type. The listing shows invalid values as field errors and ignores them; the
feed answers 400 with the message.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .filtersets import SLUG_PATTERN, event_type_choices
from .models import Audience, Category, EventLanguage, Venue
from .queries import EventFilters

SLUG = re.compile(SLUG_PATTERN)
# The query-string names of the filters, in the order of the form.
FILTER_FIELDS = ("category", "audience", "city", "language", "type", "date_from", "date_to")


def _vocabulary(locale):
    """{"category"|"audience"|"language"|"city": [(code, name)]} of `locale`, in one query
    (each sorted by name as before; cities as a sorted set)."""
    from django.db.models import CharField, F, Value

    def rows(model, kind, slug="slug", name="name"):
        return (model.objects.filter(locale=locale)
                .annotate(kind=Value(kind, output_field=CharField()), code=F(slug), label=F(name))
                .values_list("kind", "code", "label").order_by())

    union = rows(Category, "category").union(
        rows(Audience, "audience"), rows(EventLanguage, "language"),
        rows(Venue, "city", "city", "city"), all=True).order_by("kind", "label")
    found = {"category": [], "audience": [], "language": [], "city": []}
    for kind, code, label in union:
        found[kind].append((code, label))
    found["city"] = [(city, city) for city in sorted({city for city, _name in found["city"]})]
    return found


class Vocabulary:
    """Choices of a locale's categories, audiences, languages and cities for filter forms
    (the listing's, the training modules'): read when first needed, all four in one query."""

    def __init__(self, locale):
        self.locale = locale
        self._found = None

    def choices(self, kind):
        def read():
            if self._found is None:
                self._found = _vocabulary(self.locale)
            return [("", _("All"))] + self._found[kind]
        return read


class CodeChoiceField(forms.ChoiceField):
    """A select of the vocabulary's codes that accepts any well-formed code, so that a
    subscribed or bookmarked link with a code removed since filters to nothing, not 400."""

    default_error_messages = {"invalid_choice": _("Use a code such as “workshop”.")}

    def valid_value(self, value):
        return bool(SLUG.match(str(value)))


class CityField(forms.ChoiceField):
    """A city matches whatever its case ("leipzig" is "Leipzig")."""

    def clean(self, value):
        value = (value or "").strip()
        for choice, _label in self.choices:
            if choice and choice.casefold() == value.casefold():
                return choice
        if len(value) > 100:
            raise forms.ValidationError(_("Enter at most 100 characters."), code="max_length")
        return super(forms.ChoiceField, self).clean(value)  # unknown cities find nothing


class EventFilterForm(forms.Form):
    category = CodeChoiceField(label=_("Category"), required=False)
    audience = CodeChoiceField(label=_("Audience"), required=False)
    city = CityField(label=_("City"), required=False)
    language = CodeChoiceField(label=_("Language"), required=False)
    type = forms.ChoiceField(label=_("Type of event"), required=False)
    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when first needed (one query for the four), not at all when the listing's
        # filter bar comes from the cache and nothing is filtered.
        vocabulary = Vocabulary(locale)
        for name in ("category", "audience", "language", "city"):
            self.fields[name].choices = vocabulary.choices(name)
        self.fields["type"].choices = [("", _("All"))] + event_type_choices()

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end of the range must not be before its start."))
        return data

    def filters(self):
        """The valid filters; invalid fields are ignored (the form shows their errors)."""
        data = self.cleaned_data if self.is_bound else {}
        return EventFilters(
            category=data.get("category") or "", audience=data.get("audience") or "",
            city=data.get("city") or "", language=data.get("language") or "",
            event_type=data.get("type") or "",
            date_from=data.get("date_from"), date_to=data.get("date_to"),
        )

    def first_error(self):
        """“field: message” of the first invalid field (for the feed's 400 answer)."""
        for name, errors in self.errors.items():
            return f"“{name}”: {errors[0]}"
        return ""
