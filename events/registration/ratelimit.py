"""A per-address rate limit in Django's cache (shared by all app servers when it is Redis)."""

import time

from django.core.cache import cache

from . import conf

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """"10/m" -> (10, 60); "0", "" or None -> None (no limit)."""
    rate = str(rate or "").strip()
    if not rate or rate == "0":
        return None
    count, _slash, unit = rate.partition("/")
    seconds = UNITS.get((unit or "m").strip()[:1].lower())
    if not seconds:
        raise ValueError(f"REGISTRATION_RATE_LIMIT: unknown unit in {rate!r}")
    count = int(count)
    return (count, seconds) if count > 0 else None


def client_address(request):
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, scope="registration"):
    """Count this request; False once the address has used up its allowance in this window."""
    limit = parse_rate(conf.get("REGISTRATION_RATE_LIMIT"))
    if limit is None:
        return True
    count, seconds = limit
    window = int(time.time() // seconds)
    key = f"events:ratelimit:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        used = 1
    return used <= count
