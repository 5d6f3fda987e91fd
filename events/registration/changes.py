"""Tell registrants once when a published date changes (time, place, mode, status) or is
cancelled, and people holding an online place when its join link or access notes change."""

import hashlib

from events.models import Registration, RegistrationOption
from events.models.occurrences import OccurrenceStatus
from events.models.registrations import SECURED_STATES

from .services import _after_commit, notify_date_changed

# What an option was last announced with: "2:<date>:<join>", the date's and the join details'
# digests apart, so that a new link goes only to the people who receive it.
VERSION = "2"


def _digest(*values):
    return hashlib.sha256("|".join(str(value) for value in values).encode()).hexdigest()[:40]


def _legacy_fingerprint(occurrence):
    """The single digest stored before the mode was part of it (without the mode)."""
    text = "|".join(str(value) for value in (
        occurrence.start.isoformat(), occurrence.end.isoformat(), occurrence.status,
        occurrence.venue_id, occurrence.online_url, occurrence.status_note))
    if occurrence.online_access:
        text += "|" + occurrence.online_access
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def fingerprint(occurrence):
    date = _digest(occurrence.start.isoformat(), occurrence.end.isoformat(), occurrence.status,
                   occurrence.venue_id, occurrence.mode, occurrence.status_note)
    join = _digest(occurrence.online_url, occurrence.online_access)
    return f"{VERSION}:{date}:{join}"


def _change(announced, occurrence, current):
    """What changed since `announced`: "date", "join" (only the join details) or None."""
    if announced == current:
        return None
    parts = announced.split(":")
    if len(parts) != 3 or parts[0] != VERSION:
        # Stored before the mode counted: unchanged then means unchanged but for the mode,
        # which that digest cannot tell; anything else is a change for everyone, as it was.
        return None if announced == _legacy_fingerprint(occurrence) else "date"
    return "date" if parts[1] != current.split(":")[1] else "join"


def tell_registrants(sender, instance, **kwargs):
    """`page_published` receiver: every publish path sends it (the admin's button, a workflow
    approval, scheduled publishing, `revision.publish()`), unlike the admin's hook."""
    from events.models import AbstractEventPage

    if isinstance(instance, AbstractEventPage):
        notify_changed_dates(instance)


def notify_changed_dates(page):
    options = RegistrationOption.objects.filter(occurrence__page_id=page.pk).select_related("occurrence")
    notified = set()
    for option in options:
        occurrence = option.occurrence
        current = fingerprint(occurrence)
        if option.announced == current:
            continue
        change = _change(option.announced, occurrence, current) if option.announced else None
        if change == "date" and occurrence.pk not in notified:
            notify_date_changed(occurrence,
                                cancelled=occurrence.status == OccurrenceStatus.CANCELLED)
            notified.add(occurrence.pk)
        elif change == "join" and occurrence.pk not in notified:
            _notify_join_changed(option)
        RegistrationOption.objects.filter(pk=option.pk).update(announced=current)
    return len(notified)


def _notify_join_changed(option):
    """The new link or access notes go to the people who receive them (online.join_details):
    settled places of a part held online, not the on-site part of a hybrid date nor the
    waiting list, who would read a change mail with nothing changed for them."""
    if not option.receives_join_link:
        return
    ids = Registration.objects.filter(option=option, state__in=SECURED_STATES,
                                      erased_at__isnull=True).values_list("pk", flat=True)
    if ids:
        _after_commit(option.pk, *((pk, "date_changed") for pk in ids))
