"""A per-address rate limit in Django's cache (shared by all app servers when it is Redis).

Rates read like "10/m", "100/h"; "0" or empty switch the limit off (load tests). Behind
reverse proxies, EVENTS_TRUSTED_PROXY_COUNT says how many of them append to
X-Forwarded-For, so the client's address is read from the right of that header: entries a
client sends itself stand further left and are never trusted.
"""

import ipaddress
import time

from django.core.cache import cache

from . import conf

UNITS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60,
         "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate):
    """"10/m" -> (10, 60); "0", "" or None -> None (no limit); ValueError for anything else."""
    rate = str(rate or "").strip()
    if not rate or rate == "0":
        return None
    count, _slash, unit = rate.partition("/")
    unit = (unit or "m").strip().lower()
    seconds = UNITS.get(unit) or UNITS.get(unit.removesuffix("s"))
    if not seconds:
        raise ValueError(f"unknown unit in the rate {rate!r} (use s, m, h or d, as in 10/m)")
    count = count.strip()
    if not count.isdigit():
        raise ValueError(f"the rate {rate!r} must start with a whole number, as in 10/m")
    count = int(count)
    return (count, seconds) if count > 0 else None


def trusted_proxy_count():
    """EVENTS_TRUSTED_PROXY_COUNT as a number >= 0; ValueError otherwise (see events/checks.py)."""
    value = conf.get("EVENTS_TRUSTED_PROXY_COUNT")
    count = int(str(value).strip() or 0)
    if count < 0:
        raise ValueError("EVENTS_TRUSTED_PROXY_COUNT must be 0 or more")
    return count


def _address(value):
    """A normalised IP address from a header entry ("1.2.3.4", "1.2.3.4:5678", "[::1]:80")."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request):
    """The client's address: REMOTE_ADDR, or behind N trusted proxies the Nth entry of the
    forwarded-for header counted from the right (each proxy appends what it saw)."""
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    proxies = trusted_proxy_count()
    if not proxies:
        return remote
    header = conf.get("EVENTS_TRUSTED_PROXY_HEADER")
    forwarded = request.headers.get(header, "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote  # not through the proxies (e.g. a health check from inside)
    # Fewer entries than proxies: every entry was written by one of ours, the leftmost is the
    # client as the outermost proxy reached saw it.
    return _address(hops[-min(proxies, len(hops))]) or remote


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


class Decision:
    """True while the allowance lasts; `retry_after` is for the 429's Retry-After header."""

    def __init__(self, allowed, retry_after):
        self.allowed, self.retry_after = allowed, retry_after

    def __bool__(self):
        return self.allowed


def allow(request, scope="registration"):
    """Count this request against REGISTRATION_RATE_LIMIT; false once the allowance is used."""
    return Decision(*take(request, conf.get("REGISTRATION_RATE_LIMIT"), scope))


def too_many(response, decision):
    """Mark a 429 answer with Retry-After (seconds until the window ends); returns it."""
    response.status_code = 429
    response["Retry-After"] = str(max(1, int(decision.retry_after)))
    return response
