"""Filters of the job fairs' API (django-filter): the exhibitor list names its fair."""

import django_filters
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import JobFairPage


class ExhibitorFilterSet(django_filters.FilterSet):
    fair = django_filters.CharFilter(
        label=_("Job fair"), required=True, method="filter_fair", max_length=18,
        help_text=_("Id of the job fair page."),
        validators=[RegexValidator(r"^[0-9]{1,18}$", _("Give the id of a job fair page."))],
        error_messages={"required": _("Give the id of a job fair page.")})

    class Meta:
        model = JobFairPage
        fields = []

    def filter_fair(self, queryset, name, value):
        return queryset.filter(pk=int(value))
