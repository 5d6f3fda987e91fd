"""A per-address rate limit in Django's cache (shared by all app servers when it is Redis).

Rates read like "10/m", "100/h"; "0" or empty switch the limit off (load tests).
"""

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
        raise ValueError(f"unknown unit in the rate {rate!r} (use s, m, h or d)")
    count = int(count)
    return (count, seconds) if count > 0 else None


def client_address(request):
    """The client's address (behind a proxy, have it set REMOTE_ADDR from its header)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def take(request, rate, scope):
    """Count this request against `rate`: (allowed, seconds until the window ends)."""
    limit = parse_rate(rate)
    if limit is None:
        return True, 0
    count, seconds = limit
    now = time.time()
    window = int(now // seconds)
    key = f"events:ratelimit:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        used = 1
    return used <= count, max(1, int((window + 1) * seconds - now))


def allow(request, scope="registration"):
    """Count this request against REGISTRATION_RATE_LIMIT; False once the allowance is used."""
    allowed, _retry_after = take(request, conf.get("REGISTRATION_RATE_LIMIT"), scope)
    return allowed
