"""E-mails to registrants, rendered in their language, with links carrying signed tokens."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events import conf as events_conf
from events.models import Registration

from . import mail_texts
from .calendar import calendar_path
from .ics import occurrence_ics
from .online import personalise
from .tickets import qr_png, short_code
from .tokens import cancel_token, confirm_token

TEMPLATES = {"confirm", "confirmed", "waitlisted", "received", "promoted", "cancelled",
             "rejected", "reminder", "date_changed", "date_cancelled", "substituted", "substitute", "message"}
# E-mails that carry the date as a calendar file.
WITH_ICS = {"confirmed", "reminder", "date_changed", "date_cancelled", "substitute"}
# E-mails that carry the ticket (QR code attached, short code in the text) to a settled place.
WITH_TICKET = {"confirmed", "promoted", "reminder", "substitute"}


def base_url():
    return events_conf.get("EVENTS_PUBLIC_BASE_URL").rstrip("/")


def single_line(value):
    """Nothing a visitor typed may break a header: CR, LF and other controls become spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(value)).split())


def registration_links(registration):
    with translation.override(registration.language):
        return {
            "confirm_url": base_url() + reverse("events_registration:confirm",
                                                args=[confirm_token(registration)]),
            "cancel_url": base_url() + reverse("events_registration:cancel",
                                               args=[cancel_token(registration)]),
            "calendar_url": base_url() + calendar_path(registration),
        }


def build_email(registration: Registration, template: str, extra=None):
    """The e-mail `template` for one registrant; `extra` adds to the context (a manager's message)."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown registration e-mail {template!r}")
    occurrence = registration.option.occurrence
    has_ticket = template in WITH_TICKET and registration.has_secured_place
    with translation.override(registration.language), timezone.override("Europe/Berlin"):
        # Places live on the source page's date; the registrant reads the page in their
        # language where a translation is live.
        page = occurrence.page.specific.localized
        occurrence.page = page  # the calendar file reads the event's own fields (summary)
        # The join link is for people holding a settled place only (text and calendar file).
        personalise(occurrence, registration)
        context = {
            "registration": registration, "option": registration.option,
            "occurrence": occurrence, "page": page, "site_name": events_conf.site_name(),
            "page_url": base_url() + (page.get_url() or ""),
            **registration_links(registration),
            "ticket_code": short_code(registration.reference) if has_ticket else "",
            **(extra or {}),
        }
        # An editor's text for this e-mail, kind and language (admin snippet) replaces the
        # built-in one; the manager's own message has no such text.
        custom = mail_texts.custom_email(template, context) if template != "message" else None
        if custom:
            subject, body, html = custom
        else:
            subject = render_to_string(f"events/registration/email/{template}_subject.txt",
                                       context)
            body = render_to_string(f"events/registration/email/{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=single_line(subject), body=body, to=[single_line(registration.email)],
        headers={"Content-Language": registration.language},
    )
    if custom:
        message.attach_alternative(html, "text/html")
    if template in WITH_ICS:
        message.attach("event.ics", occurrence_ics(
            occurrence, url=context["page_url"], cancelled=template == "date_cancelled"),
            "text/calendar")
    if has_ticket:  # after the calendar file, which clients list first
        message.attach("ticket.png", qr_png(registration), "image/png")
    return message


def send_registration_email(registration_id, template):
    registration = Registration.objects.select_related("option__occurrence__page").get(
        pk=registration_id)
    if registration.erased_at or not registration.email:
        return False
    build_email(registration, template).send()
    return True


def send_registrant_message(registration_id, subject, text):
    """A registration manager's message (events/registration/messages.py) to one registrant."""
    registration = Registration.objects.select_related("option__occurrence__page").get(
        pk=registration_id)
    if registration.erased_at or not registration.email:
        return False
    build_email(registration, "message", extra={"subject": subject, "text": text}).send()
    return True


def build_group_summary(group):
    """The contact's e-mail after a group registration: everyone registered and their state."""
    registrations = list(group.registrations.order_by("pk"))
    occurrence = group.option.occurrence
    with translation.override(group.language), timezone.override("Europe/Berlin"):
        page = occurrence.page.specific.localized
        context = {"group": group, "registrations": registrations, "option": group.option,
                   "occurrence": occurrence, "page": page, "site_name": events_conf.site_name(),
                   "page_url": base_url() + (page.get_url() or "")}
        subject = render_to_string("events/registration/email/group_summary_subject.txt", context)
        body = render_to_string("events/registration/email/group_summary.txt", context)
    return EmailMultiAlternatives(subject=single_line(subject), body=body,
                                  to=[single_line(group.contact_email)],
                                  headers={"Content-Language": group.language})


def send_group_summary(group_id):
    from events.models import RegistrationGroup

    group = RegistrationGroup.objects.select_related("option__occurrence__page").get(pk=group_id)
    build_group_summary(group).send()
    return True
