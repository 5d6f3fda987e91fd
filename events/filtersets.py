"""The one filter definition of event dates (django-filter), for the API, the listing and feeds.

`OccurrenceFilterSet(request.GET)` validates the query string: `is_valid()`, `errors` (per
field, in the visitor's language) and `event_filters()` / `locale()` for `events.queries`,
which expands repeating dates. Codes (category, audience, language) are slugs; a city matches
whatever its case; `event_type` is one of the installed event types.
"""

import datetime

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import Occurrence
from .queries import EventFilters, event_page_models, public_occurrences

ALL_LOCALES = "all"
DAY = datetime.timedelta(days=1)
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,80}$"
slug_validator = RegexValidator(SLUG_PATTERN, _("Use a code such as “workshop”."))


def event_type_choices():
    """(code, label) of every installed event type: each plugin's page model says its own."""
    labels = {}
    for model in event_page_models():
        labels.setdefault(model.event_type, model._meta.verbose_name_plural)
    return sorted(labels.items(), key=lambda item: str(item[1]))


def locale_choices():
    codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    return [(ALL_LOCALES, _("All languages"))] + [(code, code) for code in codes]


class OccurrenceFilterForm(forms.Form):
    """A value with a type (a date, one of a list) sent empty is an error, as the OpenAPI
    document states; a free text sent empty does not filter. A reversed date range is no
    error: it holds no day, so no date matches."""

    TYPED = ("locale", "event_type", "date_from", "date_to")

    def clean(self):
        data = super().clean()
        for name in self.TYPED:
            if name in self.data and not str(self.data.get(name) or "").strip():
                self.add_error(name, _("This field may not be blank."))
        return data


def _code(label):
    return django_filters.CharFilter(label=label, method="filter_nothing", max_length=80,
                                     validators=[slug_validator])


class OccurrenceFilterSet(django_filters.FilterSet):
    """Filters of event dates; every one is optional and an empty value does not filter."""

    locale = django_filters.ChoiceFilter(
        label=_("Language of the pages"), choices=locale_choices, method="filter_nothing",
        help_text=_("A language shows its pages and untranslated ones of the source language; "
                    "“all” (the default) every language."))
    event_type = django_filters.ChoiceFilter(label=_("Type of event"),
                                             choices=event_type_choices, method="filter_nothing")
    category = _code(_("Category"))
    audience = _code(_("Audience"))
    language = _code(_("Language"))
    city = django_filters.CharFilter(label=_("City"), method="filter_nothing", max_length=100,
                                     help_text=_("Whatever its case: “leipzig” is “Leipzig”."))
    date_from = django_filters.DateFilter(label=_("From"), method="filter_nothing")
    date_to = django_filters.DateFilter(label=_("Until"), method="filter_nothing")

    class Meta:
        model = Occurrence
        fields = []
        form = OccurrenceFilterForm

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied together in filter_queryset (one query per page model)

    def filter_queryset(self, queryset):
        return queryset.filter(pk__in=public_occurrences(self.chosen_locale(), self.event_filters())
                               .values("pk"))

    def _cleaned(self):
        return self.form.cleaned_data if self.is_bound and self.is_valid() else {}

    def chosen_locale(self):
        """ALL_LOCALES or the Locale asked for."""
        code = self._cleaned().get("locale") or ALL_LOCALES
        if code == ALL_LOCALES:
            return ALL_LOCALES
        return Locale.objects.get(language_code=code)

    def event_filters(self):
        data = self._cleaned()
        # The first and last days the calendar has bound nothing; beyond them no time zone
        # arithmetic works (a day after 9999-12-31 does not exist).
        if data.get("date_from") and data["date_from"] <= datetime.date.min + DAY:
            data = {**data, "date_from": None}
        if data.get("date_to") and data["date_to"] >= datetime.date.max - DAY:
            data = {**data, "date_to": None}
        return EventFilters(
            category=data.get("category") or "", audience=data.get("audience") or "",
            city=(data.get("city") or "").strip(), language=data.get("language") or "",
            event_type=data.get("event_type") or "",
            date_from=data.get("date_from"), date_to=data.get("date_to"))
