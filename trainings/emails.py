"""E-mails of the trainings plugin: request notices to editors, certificates, feedback links."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.conf import site_name
from events.models import Registration
from events.models.occurrences import event_timezone
from events.registration import mail_texts
from events.registration.emails import base_url, single_line

from . import conf
from .models import FeedbackInvitation, InHouseRequest


def notify_recipients():
    """TRAININGS_NOTIFY_EMAILS, or else the active users of TRAININGS_NOTIFY_GROUP."""
    emails = list(conf.get("TRAININGS_NOTIFY_EMAILS") or [])
    if emails:
        return emails
    group = conf.get("TRAININGS_NOTIFY_GROUP")
    return sorted(set(get_user_model().objects.filter(
        groups__name=group, is_active=True).exclude(email="").values_list("email", flat=True)))


def _render(template, context, language):
    # Registrants' e-mails as the editors worded them (admin: registration e-mail texts).
    custom = (mail_texts.custom_email(f"trainings.{template}", context)
              if "registration" in context else None)
    if custom:
        return single_line(custom[0]), custom[1]
    with translation.override(language), timezone.override(event_timezone()):
        subject = render_to_string(f"trainings/email/{template}_subject.txt", context)
        body = render_to_string(f"trainings/email/{template}.txt", context)
    return single_line(subject), body


def build_inhouse_notification(inhouse):
    recipients = notify_recipients()
    if not recipients:
        return None
    context = {
        "inhouse": inhouse, "module": inhouse.module, "site_name": site_name(),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "trainings_inhouse_requests:edit", args=[inhouse.pk]),
    }
    subject, body = _render("inhouse_request", context, settings.LANGUAGE_CODE)
    # Editors answer the organisation directly.
    return EmailMultiAlternatives(subject=subject, body=body, to=recipients,
                                  reply_to=[single_line(inhouse.email)])


def _registration_context(registration):
    occurrence = registration.option.occurrence
    page = occurrence.page.specific
    with translation.override(registration.language):
        return {
            "registration": registration, "occurrence": occurrence, "page": page,
            "site_name": site_name(),
            "page_url": base_url() + (page.get_url() or ""),
            "certificate_url": base_url() + reverse("trainings:certificate",
                                                    args=[registration.reference]),
        }


def build_certificate_email(registration):
    from .certificates import certificate_filename, render_certificate

    context = _registration_context(registration)
    subject, body = _render("certificate", context, registration.language)
    message = EmailMultiAlternatives(subject=subject, body=body,
                                     to=[single_line(registration.email)],
                                     headers={"Content-Language": registration.language})
    message.attach(certificate_filename(registration), render_certificate(registration),
                   "application/pdf")
    return message


def feedback_token(registration):
    """The opaque key of the registration's feedback link: its invitation's token (the
    invitation is made once). The link never carries the registration's reference."""
    invitation, _created = FeedbackInvitation.objects.get_or_create(
        registration=registration, defaults={"sent_at": timezone.now()})
    return invitation.token


def build_feedback_invitation(registration):
    context = _registration_context(registration)
    with translation.override(registration.language):
        context["feedback_url"] = base_url() + reverse("trainings:feedback",
                                                       args=[feedback_token(registration)])
    subject, body = _render("feedback_invitation", context, registration.language)
    return EmailMultiAlternatives(subject=subject, body=body, to=[single_line(registration.email)],
                                  headers={"Content-Language": registration.language})


def send(kind, object_id):
    """Build and send one e-mail; False when there is nobody (left) to write to."""
    if kind == "inhouse_request":
        message = build_inhouse_notification(InHouseRequest.objects.select_related("module")
                                             .get(pk=object_id))
    else:
        registration = Registration.objects.select_related("option__occurrence__page").get(
            pk=object_id)
        if registration.erased_at or not registration.email:
            return False
        builder = {"certificate": build_certificate_email,
                   "feedback_invitation": build_feedback_invitation}[kind]
        message = builder(registration)
    if message is None:
        return False
    message.send()
    return True
