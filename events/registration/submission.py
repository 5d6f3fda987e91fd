"""The POST path the single and the group registration forms share: rate limit, validation, one
registration per one-time form token, "busy" as 503 with Retry-After, and the message pages."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import conf, onetime, ratelimit, services


def message(request, title, text, status=200, registration=None):
    return render(request, "events/registration/message.html",
                  {"title": title, "text": text, "registration": registration}, status=status)


def busy(request, error):
    """503 with Retry-After: the date's row stayed locked too long, the visitor tries again."""
    response = message(request, _("Please try again"), error.message, status=503)
    response["Retry-After"] = str(conf.get("REGISTRATION_RETRY_AFTER"))
    return response


def too_many_attempts(request, decision):
    """429 with Retry-After for a connection over the registration rate limit."""
    return ratelimit.too_many(message(
        request, _("Too many attempts"),
        _("Too many registrations from your connection. Please wait a few minutes and try again."),
        status=429), decision)


def adding_row(form):
    """The visitor pressed an "add a row" button (a participant, a job posting): the form
    says so with its `adding_row` attribute. Such a POST only shows the form again with one
    row more: no rate limit, no validation, the one-time token stays unused."""
    return bool(getattr(form, "adding_row", False))


def status_for(forms):
    """The status of a form shown again: 200 after "add a row", 400 with errors."""
    return 200 if adding_row(forms[0]) else 400


def submit(request, forms, *, scope, register, show_error, status_view):
    """Handle a registration form's POST.

    `forms`: the main form first (it carries the one-time token and the bot fields), then any
    formsets; all are validated, so every error shows at once. `register()` calls the service
    and returns the reference of what it made; `show_error(error)` puts a `RegistrationError`
    next to the right field. Returns the response to send (a redirect to `status_view`, 429,
    503), or None: show the forms again, answering `status_for(forms)` (400 with their errors,
    200 after an "add a row" button, which is neither rate limited nor registers anything).
    """
    if adding_row(forms[0]):
        return None
    if not (decision := ratelimit.allow(request)):
        return too_many_attempts(request, decision)
    form = forms[0]
    if all([each.is_valid() for each in forms]):  # a list: no short cut past a form's errors
        response = _register_once(request, form, scope, register, show_error, status_view)
        if response is not None:
            return response
    form.fresh_bot_fields()
    return None


def _register_once(request, form, scope, register, show_error, status_view):
    """Register once per one-time form token: a double submit lands on the first result."""
    with onetime.claim(scope, form.cleaned_data["form_token"]) as claim:
        if not claim.fresh:
            if claim.result:
                return redirect(status_view, claim.result)
            form.add_error(None, _("Your registration is being processed. Please wait a moment."))
            return None
        # Every way out but done() (an error message, an exception) gives the token back.
        try:
            reference = register()
        except services.RegistrationBusy as error:
            return busy(request, error)
        except services.RegistrationError as error:
            show_error(error)
            return None
        claim.done(reference)
    return redirect(status_view, reference)
