"""Public registration pages: the form per date and kind, confirm and cancel links, status."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import Occurrence, Registration, RegistrationState

from . import group_views, services, submission, substitution
from .calendar import calendar_path
from .forms import html_form_class
from .kinds import get_kind
from .online import join_details
from .privacy import privacy_url
from .questions import questions_for
from .sources import public_option
from .submission import busy as _busy
from .submission import message as _message
from .substitution_forms import substitute_form_class
from .summary import summarise_option
from .tokens import (
    TokenExpired,
    TokenInvalid,
    cancel_token,
    read_cancel_token,
    read_confirm_token,
)


def _get_option(occurrence_uid, kind_name, part=None):
    occurrence = get_object_or_404(Occurrence.objects.select_related("page"), uid=occurrence_uid)
    kind = get_kind(kind_name)
    if kind is None or not kind.public:
        raise Http404
    # Private (login or password) pages take no registrations; a translated date registers
    # on its source date's places.
    option = public_option(occurrence, kind.name, part)
    if option is None:
        raise Http404
    return occurrence, kind, option


@require_http_methods(["GET", "POST"])
def registration_form(request, occurrence_uid, kind, part=None):
    occurrence, kind, option = _get_option(occurrence_uid, kind, part)
    summary = summarise_option(option)
    form_class = html_form_class(kind)
    context = {"occurrence": occurrence, "event": occurrence.page.specific, "option": option,
               "summary": summary, "privacy_url": privacy_url(request)}
    if not summary.open:
        return render(request, "events/registration/form.html", context)
    status = 200
    questions = questions_for(context["event"], kind.name)  # the editors' own questions
    context["allows_groups"] = kind.allows_groups
    if group_views.wants_group(request, kind):
        return group_views.group_form(request, context, option, kind, questions)
    if request.method == "POST":
        form = form_class(request.POST, questions=questions)

        def register():
            cleaned = form.cleaned_data
            return services.register(
                option, name=cleaned["name"], email=cleaned["email"],
                language=cleaned["language"], consent=cleaned["consent"],
                data=form.extra_data(), phone=cleaned.get("phone", "") or "",
            ).reference

        def show_error(error):
            form.add_error("email" if error.code == "duplicate" else None, error.message)

        response = submission.submit(request, [form], scope="registration", register=register,
                                     show_error=show_error,
                                     status_view="events_registration:status")
        if response is not None:
            return response
        status = submission.status_for([form])
    else:
        form = form_class(questions=questions)
    context["form"] = form
    return render(request, "events/registration/form.html", context, status=status)


def _by_reference(reference):
    registration = Registration.objects.select_related("option__occurrence__page").filter(
        reference=reference, erased_at__isnull=True).first()
    if registration is None:
        raise Http404
    return registration


def status(request, reference):
    registration = _by_reference(reference)
    join_url, join_access = join_details(registration)
    response = render(request, "events/registration/status.html", {
        "registration": registration, "occurrence": registration.option.occurrence,
        "join_url": join_url, "join_access": join_access,
        "event": registration.option.occurrence.page.specific.localized,
        "calendar_url": (request.build_absolute_uri(calendar_path(registration))
                         if registration.state in (RegistrationState.CONFIRMED,
                                                   RegistrationState.APPROVED) else ""),
    })
    # Personal: no shared cache may keep it (it can carry the join link).
    response["Cache-Control"] = "private, no-store"
    return response


def invalid_link(request, status=400):
    """A personal link that does not verify (also the plugins' own personal links)."""
    return _message(request, _("This link is not valid"),
                    _("The link is incomplete or has been changed. Please use the link from your e-mail exactly as it is."),
                    status=status)


def confirm(request, token):
    try:
        reference = read_confirm_token(token, max_age_seconds=60 * 60 * 24 * 30)
    except TokenExpired:
        return _message(request, _("This link has expired"),
                        _("The time to confirm has passed. Please register again."), status=410)
    except TokenInvalid:
        return invalid_link(request)
    registration = Registration.objects.select_related("option").filter(
        reference=reference, erased_at__isnull=True).first()
    if registration is None:
        return invalid_link(request)
    if registration.state != RegistrationState.PENDING:
        return _message(request, _("Nothing to confirm"), _(
            "This link has been used already. Your registration is now: %(state)s."
        ) % {"state": registration.get_state_display()}, status=410, registration=registration)
    if registration.hold_expires_at and registration.hold_expires_at <= timezone.now():
        services.release_expired_holds(option_id=registration.option_id)
        return _message(request, _("This link has expired"),
                        _("The time to confirm has passed and the place was released. Please register again."),
                        status=410)
    try:
        services.confirm(registration)
    except services.RegistrationBusy as error:
        return _busy(request, error)
    except services.RegistrationError as error:
        return _message(request, _("Nothing to confirm"), error.message, status=410)
    return redirect("events_registration:status", registration.reference)


def _personal_registration(token):
    """The registration a personal (cancel) link names, or None for a broken link."""
    try:
        reference = read_cancel_token(token)
    except TokenInvalid:
        return None
    return Registration.objects.select_related("option__occurrence__page").filter(
        reference=reference, erased_at__isnull=True).first()


def _link_used(request, registration):
    if registration.state == RegistrationState.SUBSTITUTED:
        return _message(request, _("This link no longer works"), _(
            "You have handed your place to someone else, so this registration is no longer yours."
        ), status=410, registration=registration)
    return _message(request, _("Nothing to cancel"), _(
        "This link has been used already. Your registration is now: %(state)s."
    ) % {"state": registration.get_state_display()}, status=410, registration=registration)


def _is_manageable(registration):
    return registration.is_active and registration.state not in (
        RegistrationState.ATTENDED, RegistrationState.NO_SHOW)


def _personal_page(request, registration, *, form=None, error="", status=200):
    """The registrant's page behind their personal link: cancel, or hand the place on."""
    token = cancel_token(registration)
    substitution_closed = substitution.substitution_refusal(registration)
    if form is None and substitution_closed is None:
        form = _substitute_form(registration, initial={"language": registration.language})
    return render(request, "events/registration/cancel.html", {
        "registration": registration, "occurrence": registration.option.occurrence,
        "event": registration.option.occurrence.page.specific.localized,
        "cancel_refusal": substitution.cancel_refusal(registration),
        "substitute_form": form if substitution_closed is None else None,
        "error": error,
        "cancel_url": reverse("events_registration:cancel", args=[token]),
        "substitute_url": reverse("events_registration:substitute", args=[token]),
    }, status=status)


def _substitute_form(registration, **kwargs):
    """The colleague's details as the registration form asks them (the kind's fields and the
    event's own questions)."""
    option = registration.option
    questions = questions_for(option.occurrence.page.specific, option.kind)
    return substitute_form_class(get_kind(option.kind))(questions=questions, **kwargs)


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration = _personal_registration(token)
    if registration is None:
        return invalid_link(request)
    if not _is_manageable(registration):
        return _link_used(request, registration)
    if request.method == "POST":
        try:
            substitution.cancel_by_registrant(registration)
        except services.RegistrationBusy as error:
            return _busy(request, error)
        except services.RegistrationError as error:
            if error.code == "cancel_deadline":
                return _personal_page(request, registration, error=error.message, status=409)
            return _message(request, _("Nothing to cancel"), error.message, status=409)
        return redirect("events_registration:status", registration.reference)
    # A GET only asks: mail scanners that open links must not cancel anyone.
    return _personal_page(request, registration)


@require_http_methods(["GET", "POST"])
def substitute(request, token):
    """Hand the place to a colleague: their details as the registration form asks them."""
    registration = _personal_registration(token)
    if registration is None:
        return invalid_link(request)
    if not _is_manageable(registration):
        return _link_used(request, registration)
    if request.method != "POST":
        return redirect("events_registration:cancel", token)
    refusal = substitution.substitution_refusal(registration)
    if refusal:
        return _personal_page(request, registration, error=refusal, status=409)
    form = _substitute_form(registration, data=request.POST)
    if form.is_valid():
        try:
            substitution.substitute(
                registration, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                language=form.cleaned_data["language"], consent=form.cleaned_data["consent"],
                data=form.extra_data(), phone=form.cleaned_data.get("phone", "") or "",
            )
        except services.RegistrationBusy as error:
            return _busy(request, error)
        except services.RegistrationError as error:
            if error.code == "state":  # changed meanwhile (a second click, the start)
                registration = Registration.objects.select_related(
                    "option__occurrence__page").get(pk=registration.pk)
                if not _is_manageable(registration):
                    return _link_used(request, registration)
                return _personal_page(request, registration, error=error.message, status=409)
            form.add_error("email" if error.code in ("duplicate", "same") else None,
                           error.message)
        else:
            return redirect("events_registration:status", registration.reference)
    return _personal_page(request, registration, form=form, status=400)
