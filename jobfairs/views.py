"""Public pages of job fairs behind a registration's secret link: the printable personal
timetable, and the employer's page for their profile and job postings."""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import Registration
from events.registration.views import invalid_link

from . import outcomes, postings
from .emails import first_name
from .forms import PostingForm, ProfileForm
from .models import EmployerProfile, JobPosting, OutcomeResult
from .services import JobFairsError, timetable_of


def timetable(request, reference):
    registration = (Registration.objects.select_related("option__occurrence__page")
                    .filter(reference=reference, erased_at__isnull=True,
                            option__kind__in=("employer", "jobseeker")).first())
    if registration is None:
        raise Http404
    occurrence = registration.option.occurrence
    response = render(request, "jobfairs/timetable.html", {
        "registration": registration, "occurrence": occurrence,
        "event": occurrence.page.specific, "interviews": timetable_of(registration),
        "is_employer": registration.option.kind == "employer",
    })
    # Personal data behind a secret link: never cached, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def employer(request, token):
    """The employer's page behind their signed link: profile and job postings, no login."""
    registration = postings.employer_for_token(token)
    if registration is None:
        return invalid_link(request, status=404)
    profile = EmployerProfile.objects.filter(employer=registration).first()
    profile_form = ProfileForm(initial={
        "description_de": profile.description_de, "description_en": profile.description_en,
        "company_website": profile.website} if profile else None)
    posting_form = PostingForm()
    status = 200
    editable = postings.can_edit(registration)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "outcomes":
                return _report_outcomes(request, registration)
            if not editable:
                raise JobFairsError(_("Your registration is no longer active, so postings and "
                                      "profile cannot be changed."), code="state")
            if action == "profile":
                profile_form = ProfileForm(request.POST, request.FILES)
                if profile_form.is_valid():
                    data = profile_form.cleaned_data
                    postings.save_profile(
                        registration, description_de=data["description_de"],
                        description_en=data["description_en"], website=data["company_website"],
                        logo=data["logo"], remove_logo=data["remove_logo"])
                    messages.success(request, _("Your profile has been saved."))
                    return redirect(request.path)
            elif action == "posting":
                posting_form = PostingForm(request.POST)
                if posting_form.is_valid():
                    postings.add_posting(registration, **posting_form.cleaned_data)
                    messages.success(request, _("Thank you! Your posting has been received; it "
                                                "appears on the fair's page once our team has "
                                                "approved it."))
                    return redirect(request.path)
            elif action == "withdraw":
                posting = JobPosting.objects.filter(
                    uid=_uuid_or_none(request.POST.get("posting")), employer=registration).first()
                if posting is None:
                    raise JobFairsError(_("This posting does not exist (any more)."),
                                        code="missing")
                postings.withdraw_posting(registration, posting)
                messages.success(request, _("The posting has been removed."))
                return redirect(request.path)
            else:
                raise JobFairsError(_("Unknown action."), code="action")
        except JobFairsError as error:
            messages.error(request, error.message)
        status = 400
    return _employer_page(request, registration, status=status, profile=profile,
                          profile_form=profile_form, posting_form=posting_form)


def _employer_page(request, registration, *, status=200, profile=None, profile_form=None,
                   posting_form=None):
    own = postings.localise_trades(list(
        registration.job_postings.select_related("trade").order_by("start_date", "pk")))
    occurrence = registration.option.occurrence
    response = render(request, "jobfairs/employer.html", {
        "registration": registration, "occurrence": occurrence,
        "event": occurrence.page.specific.localized, "profile": profile,
        "profile_form": profile_form, "posting_form": posting_form, "postings": own,
        "editable": postings.can_edit(registration),
        **_outcome_context(registration),
    }, status=status)
    # Behind a secret link: never cached, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


# Interview outcomes (jobfairs/outcomes.py) -----------------------------------------------------

OUTCOME_FIELD = "outcome-"


def _outcome_context(registration):
    occurrence = registration.option.occurrence
    interviews = outcomes.interviews_of(registration)
    state = outcomes.reporting_state(occurrence)
    rows = [{"pk": interview.pk, "interview": interview,
             "first_name": first_name(interview.jobseeker.name),
             "reference": interview.jobseeker.reference[:8],
             "result": getattr(getattr(interview, "outcome", None), "result", "")}
            for interview in interviews] if state != "before" else []
    return {"outcome_rows": rows, "outcome_state": state,
            "outcome_deadline": outcomes.deadline(occurrence),
            "outcome_choices": OutcomeResult.choices}


def _report_outcomes(request, registration):
    """Save the employer's outcomes: one select per interview (`outcome-<interview id>`). An id
    that is not theirs answers 404 like a made-up one, so nobody learns which ids exist."""
    results = {}
    for key, value in request.POST.items():
        if not key.startswith(OUTCOME_FIELD):
            continue
        try:
            pk = int(key[len(OUTCOME_FIELD):])
        except ValueError:
            raise Http404 from None
        if not 0 < pk < 2**63:
            raise Http404
        results[pk] = value
    try:
        outcomes.report(registration, results)
    except outcomes.OutcomeNotFound:
        raise Http404 from None
    except JobFairsError as error:
        messages.error(request, error.message)
        return _employer_page(request, registration,
                              status=403 if error.code in ("deadline", "not_yet") else 400,
                              profile=EmployerProfile.objects.filter(employer=registration).first(),
                              profile_form=ProfileForm(), posting_form=PostingForm())
    messages.success(request, _("Thank you! The outcomes of your interviews have been saved."))
    return redirect(request.path + "#outcomes-heading")
