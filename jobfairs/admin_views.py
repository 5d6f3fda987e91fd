"""Admin views for the day of a fair and around it: fair dates, timetable, check-in, statistics,
and the counsellors' registration of their clients. Thin: forms in, services called."""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from events.errors import EventsError
from events.exports import neutralise
from events.models import Occurrence, Registration, RegistrationOption, RegistrationState
from events.registration.forms import CoreRegistrationForm, RegistrationIdForm

from . import services
from .forms import JobSeekerForm
from .models import Interview, JobFairPage, OutcomeResult

S = RegistrationState
MANAGE = "events.change_registration"
CHECK_IN = "jobfairs.check_in"
COUNSEL = "jobfairs.register_clients"


def _require(request, *perms):
    if not any(request.user.has_perm(perm) for perm in perms):
        raise PermissionDenied


def fair_occurrences():
    """Dates of job-fair pages in the default language (those that hold the registrations)."""
    from wagtail.models import Locale

    pages = JobFairPage.objects.filter(locale=Locale.get_default()).values("pk")
    return Occurrence.objects.filter(page_id__in=pages).select_related("page")


def _occurrence(occurrence_id):
    return get_object_or_404(fair_occurrences(), pk=occurrence_id)


def index(request):
    _require(request, MANAGE, CHECK_IN, COUNSEL)
    return TemplateResponse(request, "jobfairs/admin/index.html", {
        "dates": fair_occurrences().order_by("-start"),
        "can_manage": request.user.has_perm(MANAGE),
        "can_check_in": request.user.has_perm(CHECK_IN),
        "can_counsel": request.user.has_perm(COUNSEL),
    })


# Timetable --------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def timetable(request, occurrence_id):
    _require(request, MANAGE)
    occurrence = _occurrence(occurrence_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "propose":
            result = services.propose_timetable(occurrence, user=request.user)
            messages.success(request, _(
                "%(placed)d interviews planned (at most %(bound)d were possible; %(requested)d wished for)."
            ) % {"placed": result.placed, "bound": result.upper_bound,
                 "requested": result.requested})
        elif action == "send":
            count = services.send_timetables(occurrence)
            messages.success(request, _("Timetables are being sent to %(count)d people.")
                             % {"count": count})
        elif action == "followup":
            try:
                count = services.send_followups(occurrence)
            except EventsError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Follow-up e-mails are being sent to %(count)d employers.")
                                 % {"count": count})
        return redirect("jobfairs_admin:timetable", occurrence.pk)
    page = occurrence.page.specific
    interviews = list(Interview.objects.filter(occurrence=occurrence)
                      .select_related("employer", "jobseeker").order_by("start", "table"))
    slots = page.slots(occurrence)
    tables = sorted({i.table for i in interviews}, key=lambda t: (len(t), t))
    grid = {(i.start, i.table): i for i in interviews}
    rows = [{"start": start, "end": end,
             "cells": [grid.get((start, table)) for table in tables]} for start, end in slots]
    return TemplateResponse(request, "jobfairs/admin/timetable.html", {
        "occurrence": occurrence, "page": page, "interviews": interviews, "tables": tables,
        "rows": rows, "is_past": occurrence.end <= timezone.now(),
    })


# Check-in ---------------------------------------------------------------------------------

class WalkInForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Who"), choices=[
        ("jobseeker", gettext_lazy("Job-seeker")), ("employer", gettext_lazy("Employer"))])
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    company = forms.CharField(label=gettext_lazy("Company (employers)"), max_length=200,
                              required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=50, required=False)


def _search(occurrence, query):
    rows = (Registration.objects.filter(occurrence=occurrence, erased_at__isnull=True)
            .exclude(state__in=(S.CANCELLED, S.REJECTED, S.EXPIRED, S.SUBSTITUTED))
            .select_related("option").order_by("name"))
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(reference__startswith=query)
                           | Q(data__company__icontains=query))
    return rows[:100]


@require_http_methods(["GET", "POST"])
def check_in(request, occurrence_id):
    _require(request, CHECK_IN, MANAGE)
    occurrence = _occurrence(occurrence_id)
    query = request.GET.get("q", "").strip()
    walk_in = WalkInForm()
    if request.method == "POST":
        if request.POST.get("action") == "walk_in":
            walk_in = WalkInForm(request.POST)
            if walk_in.is_valid():
                data = walk_in.cleaned_data
                option = RegistrationOption.objects.filter(occurrence=occurrence,
                                                           kind=data["kind"]).first()
                try:
                    if option is None:
                        raise services.JobFairsError(_("This date takes no registrations of this kind."))
                    extra = {"company": data["company"]} if data["company"] else {}
                    registration = services.add_walk_in(
                        option, name=data["name"], email=data["email"], phone=data["phone"],
                        data=extra, user=request.user)
                except EventsError as error:
                    walk_in.add_error(None, error.message)
                else:
                    messages.success(request, _("%(name)s added and checked in.")
                                     % {"name": registration.name})
                    return redirect("jobfairs_admin:check_in", occurrence.pk)
        else:
            picked = RegistrationIdForm(request.POST)
            if not picked.is_valid():
                return HttpResponseBadRequest(_("Choose a person from the list."))
            registration = get_object_or_404(Registration, pk=picked.cleaned_data["registration"],
                                              occurrence=occurrence)
            try:
                services.check_in(registration, user=request.user)
            except EventsError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("%(name)s checked in.") % {"name": registration.name})
            return redirect(request.get_full_path())
    return TemplateResponse(request, "jobfairs/admin/check_in.html", {
        "occurrence": occurrence, "query": query, "rows": _search(occurrence, query),
        "counts": services.live_counts(occurrence), "walk_in": walk_in,
        "checkable": {S.CONFIRMED, S.APPROVED, S.NO_SHOW},
    })


# Statistics -------------------------------------------------------------------------------

def statistics(request, occurrence_id):
    _require(request, MANAGE)
    occurrence = _occurrence(occurrence_id)
    stats = services.statistics(occurrence)
    if request.GET.get("export") == "csv":
        return _csv(occurrence, stats)
    return TemplateResponse(request, "jobfairs/admin/statistics.html", {
        "occurrence": occurrence, "stats": stats, "outcome_labels": OutcomeResult.labels,
        "outcome_rows": _outcome_rows(stats),
        "outcome_totals": list(stats["outcomes"].values())})


def _outcome_rows(stats):
    """(trade, [count per OutcomeResult]) of the trades with any reported outcome."""
    rows = [(trade, [figures[result] for result in OutcomeResult.values])
            for trade, figures in stats["by_trade"].items()]
    return [(trade, counts) for trade, counts in rows if any(counts)]


def _csv(occurrence, stats):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="jobfair-statistics-{occurrence.start:%Y-%m-%d}.csv"')
    writer = csv.writer(response)

    def row(*values):
        writer.writerow([neutralise(value) for value in values])

    row(_("Job fair"), occurrence.page.title)
    row(_("Date"), f"{occurrence.start:%Y-%m-%d}")
    for key, label in (("registered", _("Job-seekers registered")),
                       ("attended", _("Job-seekers attended")),
                       ("walk_ins", _("Walk-ins")),
                       ("employers", _("Employers registered")),
                       ("employers_attended", _("Employers attended")),
                       ("interviews_planned", _("Interviews planned")),
                       ("interviews_held", _("Interviews held"))):
        row(label, stats[key])
    row()
    row(_("Trade"), _("Job-seekers"), _("Attended"), _("Employers"), _("Open positions"),
        _("Apprenticeships"))
    for trade, figures in stats["by_trade"].items():
        row(trade, figures["jobseekers"], figures["attended"], figures["employers"],
            figures["open_positions"], figures["apprenticeships"])
    row()
    row(_("Placements reported by the employers"))
    row(_("Trade"), *(str(label) for label in OutcomeResult.labels))
    for trade, counts in _outcome_rows(stats):
        row(trade, *counts)
    row(_("Total"), *stats["outcomes"].values())
    row()
    row(_("Language"), _("Job-seekers"), _("Needing an interpreter"))
    for language in sorted(set(stats["by_language"]) | set(stats["interpreter_languages"])):
        row(language, stats["by_language"].get(language, 0),
            stats["interpreter_languages"].get(language, 0))
    return response


# Counsellors ------------------------------------------------------------------------------

class ClientForm(CoreRegistrationForm, JobSeekerForm):
    """A counsellor registers a client: e-mail optional, but e-mail or phone is needed."""

    occurrence = forms.ModelChoiceField(label=gettext_lazy("Job fair"), queryset=Occurrence.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurrence"].queryset = fair_occurrences().filter(
            end__gt=timezone.now(), registration_options__kind="jobseeker").order_by("start")
        self.fields["occurrence"].label_from_instance = (
            lambda o: f"{o.page.title} – {timezone.localtime(o.start):%d.%m.%Y}")
        self.fields["email"].required = False
        self.fields["email"].help_text = gettext_lazy(
            "Optional: without e-mail the client gets no messages; give a phone number then.")
        self.fields["consent"].label = gettext_lazy(
            "The client agrees that their details are processed to handle the registration.")
        self.order_fields(["occurrence"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error("phone", _("Give an e-mail address or a phone number."))
        return cleaned


@require_http_methods(["GET", "POST"])
def clients(request):
    _require(request, COUNSEL)
    form = ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        option = RegistrationOption.objects.get(occurrence=form.cleaned_data["occurrence"],
                                                kind="jobseeker")
        data = form.extra_data()
        data.pop("occurrence", None)
        data.pop("phone", None)
        try:
            registration = services.register_client(
                option, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"], language=form.cleaned_data["language"],
                data=data, user=request.user)
        except EventsError as error:
            form.add_error("email" if error.code == "duplicate" else None, error.message)
        else:
            messages.success(request, _("%(name)s is registered (reference %(reference)s).") % {
                "name": registration.name, "reference": registration.reference[:8]})
            return redirect("jobfairs_admin:clients")
    # Counsellors see only the registrations they entered themselves.
    mine = (Registration.objects.filter(created_by=request.user, option__kind="jobseeker",
                                        erased_at__isnull=True)
            .select_related("option__occurrence__page").order_by("-created_at")[:200])
    return TemplateResponse(request, "jobfairs/admin/clients.html", {"form": form, "mine": mine})
