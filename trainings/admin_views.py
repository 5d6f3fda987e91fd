"""Admin views: attendance at the door (phone-friendly), creating a session from a request,
and the aggregated feedback per module and session."""

from collections import defaultdict

from django import forms
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

from . import services, surveys
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
    for row in (FeedbackResponse.objects.filter(overall__isnull=False)
                .values("module_id", "overall").annotate(n=Count("pk"))):
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


class SessionFilterForm(forms.Form):
    session = forms.TypedChoiceField(label=_("Session"), required=False, coerce=int,
                                     empty_value=None)


def feedback_module_report(request, module_id):
    """One module's survey per question (counts per choice, means, texts, self-assessments
    before and now), for the module or one session; as CSV or XLSX with `export=`.

    A session (or module) with fewer than MIN_ANSWERS answers is not shown on its own: the
    trainer of a small group would know who answered what.
    """
    _require(request, FEEDBACK_PERMISSION)
    module = get_object_or_404(TrainingModulePage, pk=module_id)
    zone = event_timezone()
    responses = list(FeedbackResponse.objects.filter(module=module).only(
        "occurrence", "answers", "comment", *QUESTIONS).order_by("pk"))  # random keys
    counts = defaultdict(int)
    for response in responses:
        counts[response.occurrence_id] += 1
    sessions = [{"occurrence": occurrence, "count": counts[occurrence.pk],
                 "enough": counts[occurrence.pk] >= surveys.MIN_ANSWERS,
                 "label": _session_label(occurrence, zone)}
                for occurrence in Occurrence.objects.filter(pk__in=counts).order_by("start", "pk")]
    labels = {session["occurrence"].pk: session["label"] for session in sessions}
    enough = {session["occurrence"].pk for session in sessions if session["enough"]}

    form = SessionFilterForm(request.GET or None)
    form.fields["session"].choices = [("", _("All sessions"))] + [
        (session["occurrence"].pk, session["label"]) for session in sessions]
    selected = form.cleaned_data.get("session") if form.is_valid() else None
    if selected is not None:
        responses = [response for response in responses if response.occurrence_id == selected]

    questions = surveys.survey_questions(module)
    if not questions or any(response.overall is not None for response in responses):
        # The fixed ratings: the module's only questions, or those of answers given before
        # the module had a survey of its own.
        questions = questions + surveys.default_questions()
    shown = len(responses) >= surveys.MIN_ANSWERS
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        rows = [(labels[response.occurrence_id] if response.occurrence_id in enough else "",
                 surveys.answers_of(response)) for response in responses] if shown else []
        lines = surveys.export_rows(questions, rows)
        filename = f"feedback-{module.slug}"
        return (surveys.csv_response(lines, filename) if export == "csv"
                else surveys.xlsx_response(lines, filename))
    return TemplateResponse(request, "trainings/admin/feedback_module_report.html", {
        "module": module, "sessions": sessions, "form": form, "selected": selected,
        "count": len(responses), "shown": shown, "min_answers": surveys.MIN_ANSWERS,
        "summaries": surveys.report(questions, [surveys.answers_of(r) for r in responses])
        if shown else [],
        "export_query": f"session={selected}&" if selected is not None else "",
        "header_title": _("Feedback: %(title)s") % {"title": module.title},
    })


def _session_label(occurrence, zone):
    from django.utils import formats

    return formats.date_format(timezone.localtime(occurrence.start, zone), "SHORT_DATETIME_FORMAT")
