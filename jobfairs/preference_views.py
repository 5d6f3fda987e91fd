"""Public pages behind personal links for the matching: the job-seeker's page (mark postings or
employers of interest, book free slots), the employer's anonymous candidate list (shortlist),
and the personal timetable as a calendar file."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import Registration
from events.registration.views import invalid_link

from . import postings, preferences, selfbooking
from .services import JobFairsError, timetable_of
from .timetables import timetable_ics


def _private(response):
    # Personal data behind a secret link: never cached, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _registration(reference, kinds):
    registration = (Registration.objects.select_related("option__occurrence__page")
                    .filter(reference=reference, erased_at__isnull=True,
                            option__kind__in=kinds).first())
    if registration is None:
        raise Http404
    return registration


@require_http_methods(["GET", "POST"])
def jobseeker(request, reference):
    registration = _registration(reference, ("jobseeker",))
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "interests":
                preferences.set_interests(
                    registration, employer_references=request.POST.getlist("employer"),
                    posting_uids=request.POST.getlist("posting"))
                messages.success(request, _("Your choice has been saved."))
            elif action == "book":
                try:
                    slot = int(request.POST.get("slot", ""))
                except ValueError:
                    raise JobFairsError(_("Choose a free slot."), code="slot") from None
                selfbooking.book(registration, employer_reference=request.POST.get("employer"),
                                 slot=slot)
                messages.success(request, _("Your interview is booked. It is in your "
                                            "timetable."))
            else:
                raise JobFairsError(_("Unknown action."), code="action")
            return redirect(request.path)
        except JobFairsError as error:
            messages.error(request, error.message)
            status = 400
    occurrence = registration.option.occurrence
    booking_open = selfbooking.is_open(registration)
    return _private(render(request, "jobfairs/jobseeker.html", {
        "registration": registration, "occurrence": occurrence,
        "event": occurrence.page.specific.localized,
        "employers": preferences.employer_choices(registration),
        "booking_open": booking_open,
        "free_slots": selfbooking.free_slots(registration) if booking_open else [],
        "interviews": timetable_of(registration),
    }, status=status))


@require_http_methods(["GET", "POST"])
def candidates(request, token):
    registration = postings.employer_for_token(token)
    if registration is None:
        return invalid_link(request, status=404)
    status = 200
    if request.method == "POST":
        try:
            count = preferences.set_shortlist(registration, request.POST.getlist("shortlist"))
            messages.success(request, _("Your shortlist has been saved (%(count)d).")
                             % {"count": count})
            return redirect(request.path)
        except JobFairsError as error:
            messages.error(request, error.message)
            status = 400
    occurrence = registration.option.occurrence
    return _private(render(request, "jobfairs/candidates.html", {
        "registration": registration, "occurrence": occurrence,
        "event": occurrence.page.specific.localized,
        "profiles": preferences.anonymous_profiles(registration),
        "employer_url": reverse("jobfairs:employer", args=[token]),
    }, status=status))


def timetable_calendar(request, reference):
    registration = _registration(reference, ("employer", "jobseeker"))
    url = request.build_absolute_uri(reverse("jobfairs:timetable", args=[reference]))
    response = HttpResponse(timetable_ics(registration, url=url),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="interviews.ics"'
    return _private(response)

