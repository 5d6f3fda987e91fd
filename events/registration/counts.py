"""Cached counts of held places, so that page views never wait on the registration locks."""

from django.core.cache import cache
from django.db.models import Count, Q

from events.models.registrations import HOLDING_STATES, Registration, RegistrationState

from . import conf
from .signals import counts_changed


def _key(option_id):
    return f"events:registration:counts:{option_id}"


def _store_count(option_id):
    # One query for both numbers (this runs after every registration).
    counts = Registration.objects.filter(option_id=option_id).aggregate(
        held=Count("pk", filter=Q(state__in=HOLDING_STATES)),
        waitlisted=Count("pk", filter=Q(state=RegistrationState.WAITLISTED)),
    )
    cache.set(_key(option_id), counts, conf.get("REGISTRATION_COUNT_CACHE_SECONDS"))
    return counts


def refresh_count(option_id, counts=None):
    """After registrations changed: store the new counts (recounted unless the caller counted
    them under the option's lock) and tell page caches that "places left" moved."""
    if counts is None:
        counts = _store_count(option_id)
    else:
        cache.set(_key(option_id), counts, conf.get("REGISTRATION_COUNT_CACHE_SECONDS"))
    counts_changed.send(sender=Registration, option_id=option_id)
    return counts


def cached_counts(option_id):
    counts = cache.get(_key(option_id))
    if counts is None:
        counts = _store_count(option_id)
    return counts


def remaining(option):
    return max(0, option.capacity - cached_counts(option.pk)["held"])
