"""Check-in at the door: a scanned ticket or a typed code becomes the registration it belongs
to, and one clear answer (checked in, already checked in at …, another date, no place, unknown).

Attendance is the registration's state ATTENDED (the same that trainings' certificates and job
fairs' statistics read), set by `services.mark_attended`; the time of the check-in is that of
its audit-log entry.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from events.models import Registration, RegistrationState
from events.models.registrations import SECURED_STATES

from . import services, tickets

S = RegistrationState
CHECKABLE = (S.CONFIRMED, S.APPROVED, S.NO_SHOW)
# A typed code not found on the date is looked for this far around it (to say "another date").
NEIGHBOURHOOD = datetime.timedelta(days=62)


@dataclass
class CheckInResult:
    # checked_in | already | other_date | no_place | forged | unknown
    status: str
    message: str
    registration: Registration | None = None
    checked_in_at: datetime.datetime | None = None
    counts: dict = field(default_factory=dict)

    @property
    def ok(self):
        return self.status == "checked_in"

    @property
    def http_status(self):
        return {"checked_in": 200, "forged": 400, "unknown": 400}.get(self.status, 409)

    def as_json(self):
        return {"status": self.status, "message": self.message, "counts": self.counts,
                "name": self.registration.name if self.registration else "",
                "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None}


def counts(occurrence):
    """{"checked_in": …, "expected": …}: people with a settled place, and those present."""
    return Registration.objects.filter(occurrence=occurrence, erased_at__isnull=True).aggregate(
        checked_in=Count("pk", filter=Q(state=S.ATTENDED)),
        expected=Count("pk", filter=Q(state__in=SECURED_STATES)),
    )


def checked_in_at(registration):
    """When the registration was last marked attended (audit log), else its last change."""
    entry = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(registration.pk), action="events.registration.attended",
    ).order_by("-timestamp").values_list("timestamp", flat=True).first()
    return entry or registration.updated_at


def _by_code(occurrence, code):
    """The registration whose short code is `code`: on this date first, then around it."""
    rows = Registration.objects.filter(erased_at__isnull=True)
    for queryset in (rows.filter(occurrence=occurrence),
                     rows.exclude(occurrence=occurrence).filter(
                         occurrence__start__gte=occurrence.start - NEIGHBOURHOOD,
                         occurrence__start__lte=occurrence.start + NEIGHBOURHOOD)):
        found = tickets.find_code(queryset.values_list("reference", flat=True).iterator(), code)
        if found:
            return Registration.objects.get(reference=found)
    return None


def find(occurrence, value):
    """(registration or None, "forged" | "unknown" | None) for a scanned ticket or typed code."""
    value = str(value or "").strip()
    try:
        if tickets.looks_signed(value):
            reference = tickets.read_ticket_payload(value)
            return Registration.objects.filter(reference=reference,
                                               erased_at__isnull=True).first(), "unknown"
        return _by_code(occurrence, tickets.normalise_code(value)), "unknown"
    except tickets.TicketInvalid:
        return None, "forged" if tickets.looks_signed(value) else "unknown"


def _local(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _refusal(registration):
    name = registration.name
    if registration.state == S.WAITLISTED:
        return _("%(name)s is on the waiting list and has no place on this date.") % {"name": name}
    if registration.state in (S.CANCELLED, S.SUBSTITUTED):
        return _("The registration of %(name)s has been cancelled.") % {"name": name}
    if registration.state == S.PENDING:
        return _("%(name)s has not confirmed the e-mail address yet: the place is not settled.") \
            % {"name": name}
    if registration.state == S.AWAITING_APPROVAL:
        return _("The registration of %(name)s has not been approved yet.") % {"name": name}
    return _("%(name)s has no place on this date (%(state)s).") % {
        "name": name, "state": registration.get_state_display()}


def check_in(occurrence, value, *, user=None, now=None):
    """Mark the registration of a ticket or code attended on `occurrence`; a CheckInResult."""
    registration, failure = find(occurrence, value)
    if registration is None:
        if failure == "forged":
            message = _("This ticket is not valid: its signature does not match (changed or "
                        "forged). Ask for the confirmation e-mail or check the name in the list.")
        else:
            message = _("Unknown code: no registration has this code. Check the typing or look "
                        "the name up in the list.")
        return CheckInResult(failure, message, counts=counts(occurrence))
    if registration.occurrence_id != occurrence.pk:
        other = registration.occurrence
        return CheckInResult("other_date", _(
            "%(name)s is registered for another date: %(title)s, %(start)s.") % {
            "name": registration.name, "title": other.page.title, "start": _local(other.start)},
            registration, counts=counts(occurrence))
    if registration.state in CHECKABLE:
        try:
            registration = services.mark_attended(registration, user=user, now=now)
        except services.RegistrationError:  # checked in a moment ago at another device
            registration.refresh_from_db()
        else:
            return CheckInResult("checked_in", _("%(name)s checked in.") % {
                "name": registration.name}, registration, now or timezone.now(),
                counts=counts(occurrence))
    if registration.state == S.ATTENDED:
        at = checked_in_at(registration)
        return CheckInResult("already", _("%(name)s was already checked in at %(time)s.") % {
            "name": registration.name, "time": _local(at)}, registration, at,
            counts=counts(occurrence))
    return CheckInResult("no_place", _refusal(registration), registration,
                         counts=counts(occurrence))
