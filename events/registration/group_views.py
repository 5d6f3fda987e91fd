"""Public group registration: one contact registers several people on the registration page
(`?group=1`), and the group's status page behind its public reference."""

from django.http import Http404
from django.shortcuts import render

from events.models import RegistrationGroup

from . import services, submission
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
    if request.method == "POST":
        form = form_class(request.POST, questions=questions)
        formset = participant_formset(request.POST, add_row=form.adding_row)
        if form.adding_row:
            # Without JavaScript a row is added by sending the form: shown again as entered.
            context["focus_row"] = formset.total_form_count() - 1
        response = submission.submit(
            request, [form, formset], scope="registration-group",
            register=lambda: _register(form, formset, option),
            show_error=lambda error: _show_error(form, formset, error),
            status_view="events_registration:group_status")
        if response is not None:
            return response
        status = submission.status_for([form, formset])
    else:
        form = form_class(questions=questions)
        formset = participant_formset()
    context.update(form=form, formset=formset, group=True)
    return render(request, "events/registration/form.html", context, status=status)


def _register(form, formset, option):
    cleaned = form.cleaned_data
    group, _registrations = services.register_group(
        option, contact_name=cleaned["name"], contact_email=cleaned["email"],
        organisation=cleaned.get("organisation", ""), language=cleaned["language"],
        consent=cleaned["consent"], when_full=cleaned["when_full"],
        data=form.extra_data(), participants=formset.participants())
    return group.reference


def _show_error(form, formset, error):
    """A participant's error goes to their row; the others to the contact's form."""
    if isinstance(error, services.GroupParticipantError):
        rows = [row for row in formset.forms if row.has_changed()]
        row = rows[error.index] if error.index < len(rows) else None
        if row is None:
            form.add_error(None, error.message)
        else:
            row.add_error("email" if error.code.startswith("duplicate") else None, error.message)
    else:
        form.add_error("consent" if error.code == "consent" else None, error.message)


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
