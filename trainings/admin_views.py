"""Admin views: attendance at the door (phone-friendly), creating a session from a request,
and the aggregated feedback per module and session."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import Occurrence, Registration, RegistrationState
from events.models.occurrences import event_timezone
from events.registration import services as registration_services
from events.registration.forms import RegistrationIdForm

from . import services
from .forms import SessionFromRequestForm
from .models import FeedbackResponse, InHouseRequest, TrainingModulePage
from .models.feedback import QUESTIONS

ATTENDANCE_PERMISSION = "events.change_registration"
FEEDBACK_PERMISSION = "trainings.view_feedbackresponse"
AT_THE_DOOR = (RegistrationState.CONFIRMED, RegistrationState.APPROVED,
               RegistrationState.ATTENDED, RegistrationState.NO_SHOW)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def attendance_index(request):
    """Sessions of training modules from two weeks ago on, soonest first."""
    _require(request, ATTENDANCE_PERMISSION)
    since = timezone.now() - timezone.timedelta(days=14)
    sessions = (Occurrence.objects.filter(
        page_id__in=TrainingModulePage.objects.values("pk"), end__gte=since,
        registration_options__kind=services.PARTICIPANT)
        .select_related("page", "venue").annotate(
            registered=Count("registrations", filter=_at_door_q()))
        .order_by("start", "pk").distinct())
    return TemplateResponse(request, "trainings/admin/attendance_index.html",
                            {"sessions": sessions, "header_title": _("Attendance")})


def _at_door_q():
    return Q(registrations__state__in=AT_THE_DOOR, registrations__erased_at__isnull=True)


@require_http_methods(["GET", "POST"])
def attendance(request, occurrence_id):
    """One session: each person with "present" / "absent" buttons (one POST per person)."""
    _require(request, ATTENDANCE_PERMISSION)
    occurrence = get_object_or_404(Occurrence.objects.select_related("page", "venue"),
                                   pk=occurrence_id)
    if request.method == "POST":
        picked = RegistrationIdForm(request.POST)
        if not picked.is_valid():
            return HttpResponseBadRequest(_("Choose a person from the list."))
        registration = get_object_or_404(Registration, pk=picked.cleaned_data["registration"],
                                         occurrence=occurrence)
        action = request.POST.get("action")
        operation = {"attended": registration_services.mark_attended,
                     "no_show": registration_services.mark_no_show}.get(action)
        if operation is None:
            messages.error(request, _("Unknown action."))
        else:
            try:
                operation(registration, user=request.user)
            except registration_services.RegistrationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, (_("%(name)s: present") if action == "attended"
                                           else _("%(name)s: absent")) % {"name": registration.name})
        return redirect(f"{request.path}#registration-{registration.pk}")
    registrations = (Registration.objects.filter(occurrence=occurrence, state__in=AT_THE_DOOR,
                                                 erased_at__isnull=True)
                     .order_by("name", "pk"))
    counts = defaultdict(int)
    for registration in registrations:
        counts[registration.state] += 1
    return TemplateResponse(request, "trainings/admin/attendance.html", {
        "occurrence": occurrence, "registrations": registrations,
        "present": counts[RegistrationState.ATTENDED],
        "absent": counts[RegistrationState.NO_SHOW],
        "header_title": _("Attendance: %(title)s") % {"title": occurrence.page.title},
    })


@require_http_methods(["GET", "POST"])
def create_session(request, pk):
    """One step from a scheduled request to a session of its module."""
    _require(request, "trainings.change_inhouserequest")
    inhouse = get_object_or_404(InHouseRequest.objects.select_related("module"), pk=pk)
    edit_url = reverse("trainings_inhouse_requests:edit", args=[pk])
    module = inhouse.module
    if request.method == "POST":
        form = SessionFromRequestForm(request.POST, module=module)
        if form.is_valid():
            data = form.cleaned_data
            try:
                _uid, published = services.create_session_from_request(
                    inhouse, start=data["start"], end=data["end"], capacity=data["capacity"],
                    venue=data["venue"], online_url=data["online_url"], user=request.user)
            except services.TrainingsError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The session was added to the module and published.")
                                 if published else
                                 _("The session was added to the module's draft: publish the "
                                   "page to show it."))
                return redirect(edit_url)
    else:
        form = SessionFromRequestForm(module=module, initial={
            "capacity": max(inhouse.participants, 1)})
    return TemplateResponse(request, "trainings/admin/create_session.html", {
        "inhouse": inhouse, "form": form, "edit_url": edit_url,
        "header_title": _("Create session from request"),
    })


def feedback_report(request):
    """Averages, counts and the distribution of answers per module and per session."""
    _require(request, FEEDBACK_PERMISSION)
    averages = {f"avg_{name}": Avg(name) for name in QUESTIONS}
    zone = event_timezone()
    session_rows = list(FeedbackResponse.objects.values(
        "module_id", "module__title", "occurrence_id", "occurrence__start")
        .annotate(count=Count("pk"), **averages).order_by("module__title", "occurrence__start"))
    module_rows = {row["module_id"]: row for row in FeedbackResponse.objects.values(
        "module_id", "module__title").annotate(count=Count("pk"), **averages)}
    distribution = defaultdict(lambda: [0] * 5)
    for row in FeedbackResponse.objects.values("module_id", "overall").annotate(n=Count("pk")):
        distribution[row["module_id"]][row["overall"] - 1] = row["n"]
    comments = defaultdict(list)
    for row in FeedbackResponse.objects.exclude(comment="").values(
            "occurrence_id", "comment").order_by("?"):
        # Shuffled: the order of comments must not tell who wrote which.
        comments[row["occurrence_id"]].append(row["comment"])
    modules = []
    for module_id, row in module_rows.items():
        row["distribution"] = distribution[module_id]
        row["averages"] = [(label, row[f"avg_{name}"]) for name, label in QUESTIONS.items()]
        row["sessions"] = [session for session in session_rows if session["module_id"] == module_id]
        for session in row["sessions"]:
            session["start_local"] = timezone.localtime(session["occurrence__start"], zone)
            session["averages"] = [session[f"avg_{name}"] for name in QUESTIONS]
            session["comments"] = comments.get(session["occurrence_id"], [])
        modules.append(row)
    modules.sort(key=lambda row: row["module__title"] or "")
    return TemplateResponse(request, "trainings/admin/feedback_report.html", {
        "modules": modules, "questions": QUESTIONS, "scale": range(1, 6),
        "header_title": _("Training feedback"),
    })
