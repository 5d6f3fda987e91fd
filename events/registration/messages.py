"""A registration manager's message to everyone registered for a date: one e-mail per
registrant through the retried e-mail task, each in the registrant's language, logged."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from events.models import Registration, RegistrationState
from events.tasks import EmailTask

from . import services

send_registrant_message = EmailTask("events.registration.emails.send_registrant_message")

S = RegistrationState
# States a manager can write to, and those chosen unless they choose otherwise (a settled place).
MESSAGE_STATES = (S.CONFIRMED, S.APPROVED, S.PENDING, S.AWAITING_APPROVAL, S.WAITLISTED,
                  S.ATTENDED, S.NO_SHOW)
DEFAULT_STATES = (S.CONFIRMED, S.APPROVED)


def recipients(occurrence, states):
    """The registrations of the date (every kind) in `states` that can be written to."""
    return (Registration.objects.filter(occurrence=occurrence, state__in=list(states),
                                        erased_at__isnull=True)
            .exclude(email="").select_related("option__occurrence__page").order_by("created_at", "id"))


def message_registrants(occurrence, *, subject, text, states=DEFAULT_STATES, user=None):
    """Queue the message to every recipient once the log entries are written; returns the count."""
    if not subject.strip() or not text.strip():
        raise services.RegistrationError(_("Please enter a subject and a text."), code="empty")
    states = [state for state in states if state in MESSAGE_STATES]
    with transaction.atomic():
        ids = []
        for registration in recipients(occurrence, states):
            log(registration, "events.registration.message_sent", user=user,
                data={"state": registration.state, "subject": subject})
            ids.append(registration.pk)

        def queue():
            for registration_id in ids:
                try:
                    send_registrant_message.enqueue(registration_id, subject, text)
                except Exception:  # logged; the others are still queued
                    services.logger.exception("could not queue the message to registration %s",
                                              registration_id)

        transaction.on_commit(queue)
    return len(ids)
