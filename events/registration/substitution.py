"""What registrants change themselves through their personal link: hand the place to a colleague
(the place never becomes free) and cancel, within the option's cancellation deadline."""

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from events.models import Registration, RegistrationState
from events.models.occurrences import OccurrenceStatus
from events.models.registrations import ACTIVE_STATES

from . import conf, services
from .services import RegistrationError, locked_option, normalise_email

S = RegistrationState
# A settled place can be handed over; the colleague gets the same state (no new opt-in or
# approval: the registrant vouches, as staff do for someone registered in person).
SUBSTITUTABLE = (S.CONFIRMED, S.APPROVED)


# Questions ----------------------------------------------------------------------------------

def local_datetime(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def substitution_refusal(registration, now=None):
    """Why the registrant cannot hand the place over now (a translated message), or None."""
    now = now or timezone.now()
    occurrence = registration.option.occurrence
    if registration.state not in SUBSTITUTABLE:
        return _("Only a confirmed place can be handed over.")
    if occurrence.status == OccurrenceStatus.CANCELLED:
        return _("This date has been cancelled.")
    if occurrence.start <= now:
        return _("The date has started: the place can no longer be handed over.")
    return None


def cancel_refusal(registration, now=None):
    """Why the registrant can no longer cancel themselves (the deadline passed), or None.

    Only a held place is bound by the deadline: leaving the waiting list frees nothing."""
    now = now or timezone.now()
    deadline = registration.option.cancel_deadline()
    if deadline is None or now < deadline or not registration.holds_place:
        return None
    message = _("Cancelling is no longer possible: the deadline was %(deadline)s.") % {
        "deadline": local_datetime(deadline)}
    if substitution_refusal(registration, now) is None:
        message = f"{message} {_('You can still hand your place to a colleague.')}"
    return message


# Operations ---------------------------------------------------------------------------------

def cancel_by_registrant(registration, *, now=None):
    """The registrant's own cancellation: refused after the option's deadline."""
    now = now or timezone.now()
    refusal = cancel_refusal(registration, now)
    if refusal:
        raise RegistrationError(refusal, code="cancel_deadline")
    return services.cancel(registration, now=now)


def substitute(registration, *, name, email, language="de", consent=False, data=None, phone="",
               now=None):
    """Hand a settled place to a colleague: in one transaction under the option's lock the
    registration becomes "substituted" and the colleague's registration takes its state, so the
    place is never free (no waiting-list move, the same count). The colleague's confirmation
    carries their own links; the registrant's links stop working (their state is inactive).
    """
    now = now or timezone.now()
    if not consent:
        raise RegistrationError(_("Please confirm that your colleague agrees to the processing "
                                  "of their data."), code="consent")
    email = (email or "").strip()
    if not email:
        raise RegistrationError(_("Please enter your colleague's e-mail address."), code="email")
    email_normalised = normalise_email(email)
    local, _at, domain = email.rpartition("@")
    email = f"{local}@{domain.lower()}" if local else email
    with locked_option(registration.option_id) as option:
        current = Registration.objects.select_for_update().get(pk=registration.pk) \
            if conf.get("EVENTS_REGISTRATION_LOCKING") else Registration.objects.get(pk=registration.pk)
        current.option = option
        if current.erased_at:
            raise RegistrationError(_("Only a confirmed place can be handed over."), code="state")
        refusal = substitution_refusal(current, now)
        if refusal:
            raise RegistrationError(refusal, code="state")
        if email_normalised == current.email_normalised:
            raise RegistrationError(_("Please enter your colleague's e-mail address, not your own."),
                                    code="same")
        taken = Registration.objects.filter(
            occurrence_id=option.occurrence_id, email_normalised=email_normalised,
            state__in=ACTIVE_STATES, erased_at__isnull=True).exists()
        if taken:
            raise _taken_error()
        state = current.state
        current.state = S.SUBSTITUTED
        current.hold_expires_at = None
        current.save(update_fields=["state", "hold_expires_at", "updated_at"])
        try:
            # A savepoint: the constraint catches a concurrent registration of the address
            # for another kind of the date (another row lock), and the refusal must roll back.
            with transaction.atomic():
                colleague = Registration.objects.create(
                    option=option, occurrence_id=option.occurrence_id, state=state,
                    name=name.strip(), email=email, email_normalised=email_normalised,
                    phone=phone or "", language=language or "de", data=data or {},
                    consent_version=conf.get("REGISTRATION_CONSENT_VERSION"), consented_at=now,
                    created_at=now, substitute_for=current,
                )
        except IntegrityError as error:
            raise _taken_error() from error
        services._log(current, "substituted", substitute=colleague.reference[:8])
        services._log(colleague, "substitute", substitute_for=current.reference[:8])
        transaction.on_commit(lambda: services.registration_changed.send(
            sender=Registration, registration=current, action="substituted"))
        services._after_commit(option.pk, (current.pk, "substituted"), (colleague.pk, "substitute"))
    return colleague


def _taken_error():
    return RegistrationError(
        _("This e-mail address is already registered for this date."), code="duplicate")
