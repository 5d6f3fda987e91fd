"""Public pages of job fairs: the printable personal timetable behind the registration's token."""

from django.http import Http404
from django.shortcuts import render

from events.models import Registration

from .services import timetable_of


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
