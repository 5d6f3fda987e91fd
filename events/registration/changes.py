"""Tell registrants once when a published date changes (time, place, status) or is cancelled."""

import hashlib

from events.models import RegistrationOption
from events.models.occurrences import OccurrenceStatus

from .services import notify_date_changed


def fingerprint(occurrence):
    text = "|".join(str(value) for value in (
        occurrence.start.isoformat(), occurrence.end.isoformat(), occurrence.status,
        occurrence.venue_id, occurrence.online_url, occurrence.status_note))
    if occurrence.online_access:  # appended only when set: older fingerprints stay valid
        text += "|" + occurrence.online_access
    return hashlib.sha256(text.encode()).hexdigest()[:40]


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
        if option.announced and occurrence.pk not in notified:
            notify_date_changed(occurrence,
                                cancelled=occurrence.status == OccurrenceStatus.CANCELLED)
            notified.add(occurrence.pk)
        RegistrationOption.objects.filter(pk=option.pk).update(announced=current)
    return len(notified)
