"""Admin viewsets: the trades vocabulary and the interview timetable editors adjust."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Occurrence

from .models import Interview, Trade


class TradeViewSet(SnippetViewSet):
    model = Trade
    icon = "tag"
    menu_label = _("Trades")
    add_to_admin_menu = False
    list_display = ["name", "german_name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "german_name", "slug"]


class InterviewFilterSet(WagtailFilterSet):
    occurrence = django_filters.ModelChoiceFilter(
        queryset=Occurrence.objects.filter(jobfair_interviews__isnull=False).distinct()
        .select_related("page").order_by("-start"), label=_("Fair date"))

    class Meta:
        model = Interview
        fields = ["occurrence", "status", "table"]


class EditorChangeMixin:
    """Interviews an editor added or changed are no longer the matching's proposal."""

    def save_instance(self):
        self.form.instance.proposed = False
        return super().save_instance()


class InterviewCreateView(EditorChangeMixin, CreateView):
    pass


class InterviewEditView(EditorChangeMixin, EditView):
    pass


class InterviewViewSet(ModelViewSet):
    """Editors adjust the proposed timetable; the model's clean() refuses double bookings."""

    model = Interview
    icon = "time"
    menu_label = _("Interviews")
    add_to_admin_menu = False
    list_display = [
        Column("start", label=_("Time")), "table",
        Column("employer", label=_("Employer"), accessor="employer_label"),
        Column("jobseeker", label=_("Job-seeker"), accessor="jobseeker.name"),
        "interpreter_language", "status",
    ]
    add_view_class = InterviewCreateView
    edit_view_class = InterviewEditView
    filterset_class = InterviewFilterSet
    search_fields = ["table", "jobseeker__name", "employer__name"]
    list_per_page = 100
    panels = [
        FieldPanel("occurrence"),
        FieldRowPanel([FieldPanel("employer"), FieldPanel("jobseeker")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("table")]),
        FieldRowPanel([FieldPanel("interpreter_language"), FieldPanel("status")]),
    ]

    def get_queryset(self, request):
        return Interview.objects.select_related("employer", "jobseeker", "occurrence__page")
