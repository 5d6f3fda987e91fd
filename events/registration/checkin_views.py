"""Admin views for the door of a date, for registration managers: the check-in page (camera or
typed code; works as a plain form), its live counts as JSON, and the badges PDF."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django.views.defaults import permission_denied

from events.models import Occurrence

from . import badges, checkin

MANAGE = "events.change_registration"


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Ticket code"), max_length=300,
        help_text=gettext_lazy("Scan the QR code or type the code printed beside it, "
                               "e.g. ABCD-EFGH."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false", "autofocus": True}))


def _allowed(request):
    return request.user.has_perm(MANAGE)


def _occurrence(occurrence_id):
    return get_object_or_404(Occurrence.objects.select_related("page"), pk=occurrence_id)


def _denied(request):
    # A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard).
    return permission_denied(request, PermissionDenied())


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_http_methods(["GET", "POST"])
def check_in_view(request, occurrence_id):
    if not _allowed(request):
        return _denied(request)
    occurrence = _occurrence(occurrence_id)
    form = CheckInForm(request.POST or None)
    result, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            result = checkin.check_in(occurrence, form.cleaned_data["code"], user=request.user)
            status = result.http_status
            form = CheckInForm()  # the field is empty for the next person
        else:
            status = 400
        if _wants_json(request):
            if result is None:
                return JsonResponse({"status": "invalid", "message": " ".join(
                    str(error) for errors in form.errors.values() for error in errors),
                    "counts": checkin.counts(occurrence)}, status=400)
            return JsonResponse(result.as_json(), status=status)
    return TemplateResponse(request, "events/registration/admin/check_in.html", {
        "occurrence": occurrence, "form": form, "result": result,
        "counts": result.counts if result else checkin.counts(occurrence),
        "counts_url": reverse("events_registration_check_in_counts", args=[occurrence.pk]),
        "badges_url": reverse("events_registration_badges", args=[occurrence.pk]),
        "list_url": reverse("wagtailsnippets_events_registration:list")
        + f"?occurrence={occurrence.pk}",
        "header_title": _("Check-in"),
    }, status=status)


@require_GET
def counts_view(request, occurrence_id):
    if not _allowed(request):
        return JsonResponse({"detail": _("You may not see the registrants.")}, status=403)
    response = JsonResponse(checkin.counts(_occurrence(occurrence_id)))
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def badges_view(request, occurrence_id):
    if not _allowed(request):
        return _denied(request)
    occurrence = _occurrence(occurrence_id)
    response = HttpResponse(badges.render_badges(occurrence), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{badges.pdf_filename("badges", occurrence)}"')
    return response
