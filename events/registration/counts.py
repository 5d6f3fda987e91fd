"""Cached counts of held places, so that page views never wait on the registration locks."""

from django.core.cache import cache

from events.models.registrations import HOLDING_STATES, Registration, RegistrationState

from . import conf


def _key(option_id):
    return f"events:registration:counts:{option_id}"


def refresh_count(option_id):
    rows = Registration.objects.filter(option_id=option_id)
    counts = {
        "held": rows.filter(state__in=HOLDING_STATES).count(),
        "waitlisted": rows.filter(state=RegistrationState.WAITLISTED).count(),
    }
    cache.set(_key(option_id), counts, conf.get("REGISTRATION_COUNT_CACHE_SECONDS"))
    return counts


def cached_counts(option_id):
    counts = cache.get(_key(option_id))
    if counts is None:
        counts = refresh_count(option_id)
    return counts


def remaining(option):
    return max(0, option.capacity - cached_counts(option.pk)["held"])
