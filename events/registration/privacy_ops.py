"""Data-protection operations: erase after the retention period, export and erase per person."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from events.models import Registration, RegistrationGroup

from . import conf
from .services import CANCELLABLE, normalise_email
from .statistics import record_before_erasure


def _erase(registration, now, user=None):
    # The anonymous figures (trade, organisation type, …) are taken while the data is still there.
    record_before_erasure(registration)
    registration.name = ""
    registration.email = ""
    registration.email_normalised = ""
    registration.phone = ""
    registration.data = {}
    registration.message = ""
    registration.erased_at = now
    # State, option and dates stay: anonymous counts remain correct.
    registration.save()
    log(registration, "events.registration.erased", user=user)


def erase_expired(*, now=None):
    """Erase personal data of registrations whose date ended more than the retention period ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=int(conf.get("REGISTRATION_RETENTION_DAYS")))
    rows = Registration.objects.filter(erased_at__isnull=True, occurrence__end__lt=cutoff)
    count = 0
    with transaction.atomic():
        for registration in rows.select_for_update():
            _erase(registration, now)
            count += 1
        # The contacts of group registrations for those dates (the reference and choice stay).
        RegistrationGroup.objects.filter(option__occurrence__end__lt=cutoff).exclude(
            contact_email="").update(contact_name="", contact_email="", organisation="")
    return count


def registrations_of(email):
    return Registration.objects.filter(email_normalised=normalise_email(email),
                                       erased_at__isnull=True).select_related(
        "option__occurrence__page")


def export_person(email):
    """Everything stored about one address (a data-subject access request), JSON-ready."""
    return [{
        "reference": r.reference, "event": r.option.occurrence.page.title,
        "date": r.option.occurrence.start.isoformat(), "kind": r.option.kind,
        "state": r.state, "name": r.name, "email": r.email, "phone": r.phone,
        "language": r.language, "data": r.data, "consent_version": r.consent_version,
        "consented_at": r.consented_at.isoformat() if r.consented_at else None,
        "registered_at": r.created_at.isoformat(),
    } for r in registrations_of(email)]


def erase_person(email, *, user=None, now=None):
    """Erase one person's data; open registrations are cancelled first so places move on."""
    count = 0
    for registration in registrations_of(email):
        erase_registration(registration, user=user, now=now)
        count += 1
    return count


def erase_registration(registration, *, user=None, now=None):
    """Cancel a still-open registration (its place moves on), then erase its personal data."""
    from .services import RegistrationError, cancel

    now = now or timezone.now()
    if registration.erased_at:
        return registration
    if registration.state in CANCELLABLE and registration.occurrence.end > now:
        try:
            registration = cancel(registration, user=user, now=now)
        except RegistrationError:
            pass
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        _erase(registration, now, user)
    return registration
