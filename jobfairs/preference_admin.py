"""Admin view for partner counsellors: mark postings or employers of interest on behalf of a
client (a job-seeker they registered; registration managers for any job-seeker)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import Registration

from . import preferences
from .admin_views import COUNSEL, MANAGE
from .services import JobFairsError


def _client(request, registration_id):
    if request.user.has_perm(MANAGE):
        rows = Registration.objects.all()
    elif request.user.has_perm(COUNSEL):
        # Counsellors act only for the clients they registered themselves.
        rows = Registration.objects.filter(created_by=request.user)
    else:
        raise PermissionDenied
    return get_object_or_404(rows.select_related("option__occurrence__page"),
                             pk=registration_id, option__kind="jobseeker",
                             erased_at__isnull=True)


@require_http_methods(["GET", "POST"])
def interests(request, registration_id):
    registration = _client(request, registration_id)
    status = 200
    if request.method == "POST":
        try:
            count = preferences.set_interests(
                registration, employer_references=request.POST.getlist("employer"),
                posting_uids=request.POST.getlist("posting"), user=request.user)
        except JobFairsError as error:
            messages.error(request, error.message)
            status = 400
        else:
            messages.success(request, _("%(count)d interests saved for %(name)s.")
                             % {"count": count, "name": registration.name})
            return redirect("jobfairs_admin:interests", registration.pk)
    return TemplateResponse(request, "jobfairs/admin/interests.html", {
        "registration": registration, "occurrence": registration.option.occurrence,
        "employers": preferences.employer_choices(registration),
    }, status=status)
