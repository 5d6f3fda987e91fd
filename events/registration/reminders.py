"""Reminders before a date at configurable offsets ("7d, 1d, 2h"), each sent once per registration.

The option's `reminder_offsets`, else REGISTRATION_REMINDER_OFFSETS (a string, or a dict by kind
of registration with "*" for the rest), else REGISTRATION_REMINDER_DAYS days. Run hourly
(manage.py send_registration_reminders); a reminder is recorded as a SentReminder row before it
is queued, so a second run or a second server sends nothing twice.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf

_OFFSET = re.compile(r"^(\d{1,4})\s*([dhm])$")
_UNITS = {"d": 24 * 60, "h": 60, "m": 1}


def parse_offsets(text):
    """Minutes before the start, largest first: "7d, 1d, 2h" → [10080, 1440, 120]; "0" → []."""
    text = (text or "").strip().lower()
    if text == "0":
        return []
    minutes = set()
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _OFFSET.match(part)
        if not match or int(match.group(1)) == 0:
            raise ValueError(part)
        minutes.add(int(match.group(1)) * _UNITS[match.group(2)])
    return sorted(minutes, reverse=True)


def validate_reminder_offsets(value):
    try:
        offsets = parse_offsets(value)
    except ValueError as error:
        raise ValidationError(
            _("“%(part)s” is not a time before the start. Write e.g. “7d, 1d, 2h” (days d, "
              "hours h, minutes m) or “0” for no reminder.") % {"part": error.args[0]},
            code="reminder_offsets") from error
    if len(offsets) > 5:
        raise ValidationError(_("At most five reminders per date."), code="reminder_offsets")


def default_offsets(kind):
    setting = conf.get("REGISTRATION_REMINDER_OFFSETS")
    if isinstance(setting, dict):
        setting = setting.get(kind, setting.get("*"))
    if setting is None:
        return [int(conf.get("REGISTRATION_REMINDER_DAYS")) * _UNITS["d"]]
    return parse_offsets(setting)


def offsets_for(option):
    if option.reminder_offsets.strip():
        return parse_offsets(option.reminder_offsets)
    return default_offsets(option.kind)


def due_offset(registration, offsets, sent, now):
    """The reminder to send now, or None: the nearest offset whose time has come, unless it or
    a nearer one went out already (someone registering late gets one reminder, not three)."""
    start = registration.occurrence.start
    due = [minutes for minutes in offsets if start - datetime.timedelta(minutes=minutes) <= now]
    if not due:
        return None
    nearest = min(due)
    if any(minutes <= nearest for minutes in sent):
        return None
    return nearest


def send_due_reminders(now=None):
    """Queue every reminder due at `now` (default: now); returns how many were queued."""
    from events.models import Registration, RegistrationOption, RegistrationState, SentReminder
    from events.models.occurrences import OccurrenceStatus

    from .tasks import send_registration_email

    now = now or timezone.now()
    upcoming = RegistrationOption.objects.filter(occurrence__start__gt=now).exclude(
        occurrence__status=OccurrenceStatus.CANCELLED)
    horizon = max([0, *(max(offsets_for(RegistrationOption(kind=kind, reminder_offsets=text)),
                             default=0)
                        for kind, text in upcoming.values_list("kind", "reminder_offsets")
                        .distinct())])
    if not horizon:
        return 0
    # Only people holding a settled place: not the waiting list, not unconfirmed addresses.
    candidates = Registration.objects.filter(
        state__in=[RegistrationState.CONFIRMED, RegistrationState.APPROVED],
        erased_at__isnull=True, option__in=upcoming,
        occurrence__start__lte=now + datetime.timedelta(minutes=horizon),
    ).select_related("option", "occurrence").prefetch_related("sent_reminders")
    count = 0
    for registration in candidates:
        minutes = due_offset(registration, offsets_for(registration.option),
                             [sent.offset_minutes for sent in registration.sent_reminders.all()],
                             now)
        if minutes is None:
            continue
        try:
            with transaction.atomic():
                # Recorded first: the unique row refuses a second run's or server's copy.
                SentReminder.objects.create(registration=registration, offset_minutes=minutes,
                                            sent_at=now)
                Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=now)
                transaction.on_commit(
                    lambda pk=registration.pk: send_registration_email.enqueue(pk, "reminder"))
        except IntegrityError:
            continue
        count += 1
    return count
