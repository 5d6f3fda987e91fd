"""Public views: the in-house request form (a route of the programme page), the certificate
download behind the registration's reference, and the anonymous feedback form."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import Registration, RegistrationState
from events.registration import onetime, ratelimit

from . import services
from .certificates import certificate_filename, render_certificate
from .forms import FeedbackForm, InHouseRequestForm
from .models import TrainingModulePage
from .surveys import SurveyForm, survey_questions


def inhouse_request(request, programme):
    initial = {}
    module_id = request.GET.get("module", "")
    if module_id.isascii() and module_id.isdigit() and len(module_id) < 19:  # not "²"
        initial["module"] = int(module_id)
    status = 200
    if request.method == "POST":
        form = InHouseRequestForm(request.POST, programme=programme)
        if not (decision := ratelimit.allow(request, scope="trainings-inhouse")):
            form.add_error(None, _("Too many requests from your connection. Please wait a few "
                                   "minutes and try again."))
            status = 429
        elif form.is_valid() and (reference := _submit_inhouse(form, programme)):
            return redirect(programme.url + programme.reverse_subpage(
                "inhouse_request_sent", args=[reference]))
        else:
            form.fresh_bot_fields()
            status = 400
    elif request.method == "GET":
        form = InHouseRequestForm(initial=initial, programme=programme)
    else:
        return HttpResponse(status=405)
    response = TemplateResponse(request, "trainings/inhouse_request.html",
                                {"page": programme, "form": form}, status=status)
    return ratelimit.too_many(response, decision) if status == 429 else response


def _submit_inhouse(form, programme):
    """One request per one-time form token: the same form sent twice lands on the first
    request (one notice to the editors); the reference, or None while the first is running."""
    with onetime.claim("trainings-inhouse", form.cleaned_data["form_token"]) as claim:
        if claim.fresh:
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            claim.done(services.submit_inhouse_request(
                programme=programme, data=data,
                language=(get_language() or "de").split("-")[0]).reference)
    if not claim.result:
        form.add_error(None, _("Your request is being processed. Please wait a moment."))
    return claim.result


def certificate(request, reference):
    """The PDF for an attended participant; the reference (192 random bits) is the key."""
    registration = (Registration.objects.select_related("option__occurrence__page")
                    .filter(reference=reference, state=RegistrationState.ATTENDED,
                            erased_at__isnull=True, option__kind=services.PARTICIPANT).first())
    if registration is None:
        raise Http404
    page = TrainingModulePage.objects.filter(pk=registration.occurrence.page_id).first()
    if page is None or not page.certificate_issued:
        raise Http404
    response = HttpResponse(render_certificate(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(registration)}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def feedback(request, token):
    try:
        registration = services.feedback_registration(token)
    except services.TrainingsError as error:
        status = 410 if error.code == "answered" else 404
        return _message(request, _("Feedback"), error.message, status=status)
    # The survey in the visitor's language: the module's live translation, if it has one
    # (answers are keyed by question ids that the translations share).
    page = registration.occurrence.page.specific.localized
    questions = survey_questions(page)
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST, questions=questions) if questions else FeedbackForm(
            request.POST)
        if form.is_valid():
            data = {"answers": form.answers()} if questions else form.cleaned_data
            try:
                services.submit_feedback(token, **data)
            except services.TrainingsError as error:
                return _message(request, _("Feedback"), error.message, status=410)
            return _message(request, _("Thank you for your feedback"),
                            _("Your answers help us improve the programme."))
        status = 400
    else:
        form = SurveyForm(questions=questions) if questions else FeedbackForm()
    return render(request, "trainings/feedback_form.html",
                  {"form": form, "event": page, "occurrence": registration.occurrence},
                  status=status)


def _message(request, title, text, status=200):
    return render(request, "events/registration/message.html",
                  {"title": title, "text": text}, status=status)
