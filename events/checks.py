"""System checks: a misconfigured rate limit or proxy count fails `manage.py check` at start-up
instead of answering 500 on the first request that counts against it."""

from django.conf import settings
from django.core.checks import Error, register

from .registration import conf, ratelimit


def rate_setting_names():
    """REGISTRATION_RATE_LIMIT and every other *_RATE_LIMIT setting (e.g. the site's API one)."""
    names = {name for name in dir(settings) if name.isupper() and name.endswith("_RATE_LIMIT")}
    return sorted(names | {name for name in conf.DEFAULTS if name.endswith("_RATE_LIMIT")})


@register("events")
def check_rate_limits(app_configs=None, **kwargs):
    errors = []
    for name in rate_setting_names():
        value = getattr(settings, name, conf.DEFAULTS.get(name))
        try:
            ratelimit.parse_rate(value)
        except (TypeError, ValueError) as error:
            errors.append(Error(
                f"{name} = {value!r} is not a rate: {error}.",
                hint='Use a count per unit such as "10/m", "100/h" or "5/s"; "0" turns the limit off.',
                id="events.E001"))
    try:
        ratelimit.trusted_proxy_count()
    except (TypeError, ValueError):
        errors.append(Error(
            f"EVENTS_TRUSTED_PROXY_COUNT = {conf.get('EVENTS_TRUSTED_PROXY_COUNT')!r} is not a "
            "number of proxies.",
            hint="0 (no proxy: the client is REMOTE_ADDR) or the number of reverse proxies in "
                 "front of the app that append to X-Forwarded-For.",
            id="events.E002"))
    return errors
