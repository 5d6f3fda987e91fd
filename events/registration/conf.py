"""Settings the registration engine reads, each with its default (documented in the README)."""

from django.conf import settings


def get(name):
    return getattr(settings, name, DEFAULTS[name])


DEFAULTS = {
    # "10/m", "100/h", "5/s"; "0" or "" turns the per-address limit off (load tests).
    "REGISTRATION_RATE_LIMIT": "10/m",
    # Reverse proxies in front of the app that append to the header below; 0 = use REMOTE_ADDR.
    # The rate limits key on the entry that many places from the right (spoofed entries sit left).
    "EVENTS_TRUSTED_PROXY_COUNT": 0,
    # The header those proxies append the client's address to.
    "EVENTS_TRUSTED_PROXY_HEADER": "X-Forwarded-For",
    # Seconds a visitor needs at least between seeing the form and sending it (bots are faster).
    "REGISTRATION_MIN_SUBMIT_SECONDS": 3,
    # Version of the consent text shown next to the checkbox, stored with each registration.
    "REGISTRATION_CONSENT_VERSION": "2026-01",
    # Days after a date after which personal data of its registrations is erased.
    "REGISTRATION_RETENTION_DAYS": 180,
    # Days before a date on which the reminder goes out.
    "REGISTRATION_REMINDER_DAYS": 2,
    # Several reminders, e.g. "7d, 1d, 2h" (days, hours, minutes before the start; "0": none),
    # or a dict by kind of registration ({"employer": "14d, 2d", "*": "1d"}). None: one reminder
    # REGISTRATION_REMINDER_DAYS before. A registration option's own setting wins.
    "REGISTRATION_REMINDER_OFFSETS": None,
    # PostgreSQL lock_timeout for the capacity row, in milliseconds; a stuck lock answers 503.
    "REGISTRATION_LOCK_TIMEOUT_MS": 3000,
    # Seconds a client is told to wait after a 503.
    "REGISTRATION_RETRY_AFTER": 5,
    # Test-only switch: False skips the row lock (the concurrency control run shows overselling).
    "EVENTS_REGISTRATION_LOCKING": True,
    # Dotted path to a function(request) -> URL of the privacy policy (or None).
    "EVENTS_PRIVACY_PAGE_URL_RESOLVER": None,
    # Seconds the cached count of held places may be stale.
    "REGISTRATION_COUNT_CACHE_SECONDS": 60,
}
