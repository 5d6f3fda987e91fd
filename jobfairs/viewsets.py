"""Admin viewsets: the trades vocabulary, the interview timetable editors adjust, and the
job postings editors approve or reject."""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import CreateView, EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Occurrence

from .models import Interview, JobPosting, PostingStatus, Trade
from .postings import review_posting
from .services import JobFairsError


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


# Job postings: editors review what employers submitted ---------------------------------------

class JobPostingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=PostingStatus.choices, label=_("Status"),
                                         empty_label=_("Any status"))
    fair = django_filters.ModelChoiceFilter(
        field_name="employer__occurrence", label=_("Fair date"),
        queryset=Occurrence.objects.filter(registrations__job_postings__isnull=False).distinct()
        .select_related("page").order_by("-start"))

    class Meta:
        model = JobPosting
        fields = ["status", "fair", "level"]


class JobPostingInspectView(InspectView):
    """The posting in full, with Approve and Reject (POST, change permission)."""

    template_name = "jobfairs/admin/posting_inspect.html"
    fields = ["trade", "level", "german_level", "start_date", "places", "description", "status",
              "created_at", "reviewed_at", "reviewed_by"]

    def get_object(self, queryset=None):
        return get_object_or_404(JobPosting.objects.select_related(
            "trade", "employer__occurrence__page", "reviewed_by"), pk=unquote(str(self.pk)))

    def can_review(self):
        return self.permission_policy.user_has_permission(self.request.user, "change")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(posting=self.object, can_review=self.can_review(),
                       company=self.object.company,
                       occurrence=self.object.employer.occurrence)
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_review():
            raise PermissionDenied
        decision = request.POST.get("decision")
        if decision not in ("approve", "reject"):
            messages.error(request, _("Choose Approve or Reject."))
            return redirect(request.path)
        try:
            review_posting(self.object, approve=decision == "approve", user=request.user)
        except JobFairsError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        messages.success(request, (_("The posting “%(posting)s” is approved and shown on the "
                                     "fair's page.") if decision == "approve" else
                                   _("The posting “%(posting)s” is rejected."))
                         % {"posting": self.object})
        return redirect(self.index_url_name)


class JobPostingViewSet(ModelViewSet):
    """Postings employers submitted through their link; shown once an editor approves them."""

    model = JobPosting
    icon = "doc-full"
    menu_label = _("Job postings")
    menu_order = 253
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = JobPostingInspectView
    list_display = [
        # The first column opens the review page (approve/reject); editing is one click further.
        TitleColumn("company", label=_("Company"), accessor="company",
                    get_url=lambda posting: reverse("jobfair_postings:inspect", args=[posting.pk])),
        Column("trade", label=_("Occupation"), accessor="trade"),
        "level", "start_date", "places",
        Column("fair", label=_("Fair date"), accessor="employer.occurrence"),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    filterset_class = JobPostingFilterSet
    search_fields = ["description", "trade__name", "trade__german_name"]
    list_per_page = 50
    panels = [
        FieldRowPanel([FieldPanel("trade"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("german_level"), FieldPanel("start_date"), FieldPanel("places")]),
        FieldPanel("description"),
    ]

    def get_queryset(self, request):
        # Pending first (what needs doing), then the newest.
        pending_first = Case(When(status=PostingStatus.PENDING, then=Value(0)), default=Value(1))
        return (JobPosting.objects.select_related("trade", "employer__occurrence__page")
                .annotate(pending_first=pending_first).order_by("pending_first", "-created_at"))
