"""Filters of the directory's API (django-filter), one definition per listing.

Slugs of the vocabularies; a district finds the centres located in it and those serving it
(`queries.filter_centres`, which the HTML directory uses too).
"""

import django_filters
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import CentrePage, ResponsibilityEntry, Topic
from .queries import filter_centres

slug_validator = RegexValidator(r"^[-a-zA-Z0-9_]{1,80}$", _("Use a code such as “leipzig”."))


def _slug(label, help_text=""):
    return django_filters.CharFilter(label=label, method="filter_nothing", max_length=80,
                                     validators=[slug_validator], help_text=help_text)


class CentreFilterSet(django_filters.FilterSet):
    district = _slug(_("District"), _("Centres located in the district or serving it."))
    service = _slug(_("Service"))
    language = _slug(_("Language of counselling"))
    target_group = _slug(_("Target group"))
    city = django_filters.CharFilter(label=_("City"), method="filter_nothing", max_length=100)
    open_now = django_filters.ChoiceFilter(label=_("Open at this moment"),
                                           choices=[("true", "true"), ("false", "false")],
                                           method="filter_nothing")

    class Meta:
        model = CentrePage
        fields = []

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        search = self.request.GET.get("search", "").strip() if self.request else ""
        queryset = filter_centres(
            queryset, search=search, city=(data.get("city") or "").strip(),
            **{name: data.get(name) or "" for name in
               ("district", "service", "language", "target_group")})
        if data.get("open_now"):
            wanted = data["open_now"] == "true"
            candidates = queryset.prefetch_related("hours_of_operation", "hours_exceptions")
            queryset = queryset.filter(pk__in=[c.pk for c in candidates if c.is_open() == wanted])
        return queryset


class ResponsibilityFilterSet(django_filters.FilterSet):
    district = django_filters.CharFilter(field_name="district__slug", label=_("District"),
                                         max_length=80, validators=[slug_validator])
    topic = django_filters.ChoiceFilter(choices=Topic.choices, label=_("Topic"))
    locale = django_filters.CharFilter(field_name="locale__language_code", label=_("Language"),
                                       max_length=20)

    class Meta:
        model = ResponsibilityEntry
        fields = []
