"""Public group registration: one contact registers several people on the registration page
(`?group=1`), and the group's status page behind its public reference."""

from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from events.models import RegistrationGroup

from . import onetime, ratelimit, services
from .group_forms import group_form_class, participant_formset

GROUP_PARAMETER = "group"


def wants_group(request, kind):
    """The visitor asked for the group part of the form (a link, or the form's hidden field)."""
    return kind.allows_groups and bool(
        request.GET.get(GROUP_PARAMETER) or request.POST.get(GROUP_PARAMETER))


def group_form(request, context, option, kind, questions):
    """GET: the empty group form; POST: add a participant row, or register everyone."""
    form_class = group_form_class(kind)
    status = 200
    if request.method == "POST" and "add_participant" in request.POST:
        # Without JavaScript a row is added by sending the form: show it again as entered.
        form = form_class(request.POST, questions=questions)
        form._errors = ErrorDict()  # shown again as entered, not yet checked
        formset = participant_formset(request.POST, add_row=True)
        context["focus_row"] = formset.total_form_count() - 1
    elif request.method == "POST":
        if not (decision := ratelimit.allow(request)):
            from .views import too_many_attempts

            return too_many_attempts(request, decision)
        form = form_class(request.POST, questions=questions)
        formset = participant_formset(request.POST)
        form_valid, formset_valid = form.is_valid(), formset.is_valid()
        if form_valid and formset_valid:
            response = _submit(request, form, formset, option)
            if response is not None:
                return response
        form.fresh_bot_fields()
        status = 400
    else:
        form = form_class(questions=questions)
        formset = participant_formset()
    context.update(form=form, formset=formset, group=True)
    return render(request, "events/registration/form.html", context, status=status)


def _submit(request, form, formset, option):
    """Register the group once per one-time form token (a double submit shows the first)."""
    cleaned = form.cleaned_data
    with onetime.claim("registration-group", cleaned["form_token"]) as claim:
        if not claim.fresh:
            if claim.result:
                return redirect("events_registration:group_status", claim.result)
            form.add_error(None, _("Your registration is being processed. Please wait a moment."))
            return None
        try:
            group, _registrations = services.register_group(
                option, contact_name=cleaned["name"], contact_email=cleaned["email"],
                organisation=cleaned.get("organisation", ""), language=cleaned["language"],
                consent=cleaned["consent"], when_full=cleaned["when_full"],
                data=form.extra_data(), participants=formset.participants())
        except services.RegistrationBusy as error:
            from .views import _busy

            return _busy(request, error)
        except services.GroupParticipantError as error:
            rows = [row for row in formset.forms if row.has_changed()]
            row = rows[error.index] if error.index < len(rows) else None
            if row is None:
                form.add_error(None, error.message)
            else:
                row.add_error("email" if error.code.startswith("duplicate") else None,
                              error.message)
            return None
        except services.RegistrationError as error:
            form.add_error("consent" if error.code == "consent" else None, error.message)
            return None
        claim.done(group.reference)
    return redirect("events_registration:group_status", group.reference)


def group_status(request, reference):
    group = RegistrationGroup.objects.select_related("option__occurrence__page").filter(
        reference=reference).first()
    if group is None:
        raise Http404
    occurrence = group.option.occurrence
    return render(request, "events/registration/group_status.html", {
        "group": group, "occurrence": occurrence,
        "registrations": group.registrations.filter(erased_at__isnull=True).order_by("pk"),
        "event": occurrence.page.specific.localized,
    })
