"""The funders' statistics in the admin's Reports menu: anonymous figures only, filtered by
period, page and kind, grouped by one dimension, downloadable as CSV and XLSX."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from events.exports import ExcelExportMixin
from events.models import RegistrationFact

from .kinds import kind_choices
from .statistics import all_measures, breakdown, grouping_choices

DEFAULT_GROUPING = "quarter"
# Registration managers see registrations; a funder's account gets the figures only.
PERMISSIONS = ("events.view_registrationfact", "events.view_registration")


def can_view_statistics(user):
    return any(user.has_perm(permission) for permission in PERMISSIONS)


def year_choices():
    years = (RegistrationFact.objects.annotate(year=ExtractYear("date")).values_list(
        "year", flat=True).distinct().order_by("-year"))
    return [(year, str(year)) for year in years]


def module_choices():
    titles = {}
    for key, title in RegistrationFact.objects.order_by("-date", "-pk").values_list(
            "page_key", "title"):
        titles.setdefault(str(key), title)
    return sorted(titles.items(), key=lambda item: item[1].casefold())


QUARTERS = [(1, _("Q1 (January–March)")), (2, _("Q2 (April–June)")),
            (3, _("Q3 (July–September)")), (4, _("Q4 (October–December)"))]


class RegistrationStatisticsFilterSet(WagtailFilterSet):
    group_by = django_filters.ChoiceFilter(
        label=_("Group by"), choices=grouping_choices, method="keep_all", empty_label=None)
    year = django_filters.TypedChoiceFilter(
        label=_("Year"), field_name="date", lookup_expr="year", choices=year_choices, coerce=int)
    quarter = django_filters.TypedChoiceFilter(
        label=_("Quarter"), field_name="date", lookup_expr="quarter", choices=QUARTERS, coerce=int)
    module = django_filters.ChoiceFilter(
        label=capfirst(_("event, module or fair")), field_name="page_key", choices=module_choices)
    kind = django_filters.ChoiceFilter(label=capfirst(_("kind of registration")),
                                       choices=kind_choices)

    class Meta:
        model = RegistrationFact
        fields = []

    def keep_all(self, queryset, name, value):
        return queryset  # chooses the rows' grouping, filters nothing


class RegistrationStatisticsView(ExcelExportMixin, ReportView):
    page_title = _("Registration statistics")
    header_icon = "table"
    template_name = "events/registration/statistics.html"
    results_template_name = "events/registration/statistics_results.html"
    filterset_class = RegistrationStatisticsFilterSet
    index_url_name = "events_registration_statistics"
    index_results_url_name = "events_registration_statistics_results"
    paginate_by = None

    @property
    def list_export(self):
        return ["group"] + [key for key, _label, _condition in all_measures()]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def group_by(self):
        if self.filters and self.filters.is_valid():
            value = self.filters.form.cleaned_data.get("group_by")
            if value:
                return value
        return DEFAULT_GROUPING

    @cached_property
    def group_label(self):
        return dict(grouping_choices()).get(self.group_by, self.group_by)

    @property
    def export_headings(self):
        return {"group": self.group_label,
                **{key: label for key, label, _condition in all_measures()}}

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The CSV streams after the admin's language is deactivated: name the columns now.
        self.headings = {field: super(RegistrationStatisticsView, self).get_heading(queryset, field)
                         for field in self.list_export}
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        return self.headings[field] if hasattr(self, "headings") else super().get_heading(
            queryset, field)

    def get_filename(self):
        return f"registration-statistics-{self.group_by}-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def columns(self):
        return [Column("group", label=self.group_label)] + [
            Column(key, label=label) for key, label, _condition in all_measures()]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Registrations by %(grouping)s") % {
            "grouping": self.group_label}}

    def get_filtered_queryset(self):
        # The rows are the filtered facts' figures per group, not the facts themselves. An
        # invalid filter shows its error and no figures, never the unfiltered ones.
        facts = RegistrationFact.objects.all()
        if self.filters and not self.filters.is_valid():
            facts = facts.none()
        return breakdown(self.filter_queryset(facts), self.group_by)


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_statistics(request.user)
