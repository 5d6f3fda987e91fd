"""Admin view for registration managers: write to everyone registered for a date (preview, then
send through events/registration/messages.py)."""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied

from events.models import Occurrence, Registration

from . import onetime, services
from .emails import build_email
from .forms import PlainTextMixin
from .messages import DEFAULT_STATES, MESSAGE_STATES, message_registrants, recipients

MANAGE = "events.change_registration"


class RegistrantMessageForm(PlainTextMixin, forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    text = forms.CharField(
        label=gettext_lazy("Text"), max_length=5000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("Each registrant receives it with a greeting, the date's details "
                               "and their personal link, in their language of communication."))
    states = forms.MultipleChoiceField(
        label=gettext_lazy("Send to registrations in these states"),
        choices=[(state.value, state.label) for state in MESSAGE_STATES],
        initial=[state.value for state in DEFAULT_STATES], widget=forms.CheckboxSelectMultiple)
    send_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)


def _preview(occurrence, registrations, subject, text):
    """The e-mail as the first recipient would read it, without their personal link."""
    first = registrations.first()
    if first is None:
        return None
    sample = Registration(option=first.option, occurrence=occurrence, name=first.name,
                          language=first.language, state=first.state, reference="preview")
    return {"email": build_email(sample, "message", extra={"subject": subject, "text": text}),
            "language": first.get_language_display()}


@require_http_methods(["GET", "POST"])
def message_registrants_view(request, occurrence_id):
    if not request.user.has_perm(MANAGE):
        # A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard).
        return permission_denied(request, PermissionDenied())
    occurrence = get_object_or_404(Occurrence.objects.select_related("page"), pk=occurrence_id)
    list_url = reverse("wagtailsnippets_events_registration:list") + f"?occurrence={occurrence.pk}"
    form = RegistrantMessageForm(request.POST or None)
    context = {"occurrence": occurrence, "form": form, "list_url": list_url,
               "header_title": _("Message to the registrants")}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        registrations = recipients(occurrence, data["states"])
        if "send" in request.POST and data["send_token"]:
            with onetime.claim("registrant-message", data["send_token"]) as claim:
                if not claim.fresh:  # a second click: the first one sends
                    messages.info(request, _("This message has already been sent."))
                    return redirect(list_url)
                try:
                    count = message_registrants(occurrence, subject=data["subject"],
                                                text=data["text"], states=data["states"],
                                                user=request.user)
                except services.RegistrationError as error:
                    form.add_error(None, error.message)
                else:
                    claim.done(count)
                    messages.success(request, ngettext(
                        "The message is being sent to %(count)d person.",
                        "The message is being sent to %(count)d people.", count) % {"count": count})
                    return redirect(list_url)
        context.update(count=registrations.count(),
                       preview=_preview(occurrence, registrations, data["subject"], data["text"]))
        # One token per preview: a double click on "Send" sends once.
        data = form.data.copy()
        data["send_token"] = secrets.token_urlsafe(24)
        form.data = data
    return TemplateResponse(request, "events/registration/admin/message_registrants.html", context)
