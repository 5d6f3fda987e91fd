"""DRF throttles that count in `ratelimit` (the one per-address limiter), for the API writes."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.throttling import BaseThrottle

from . import conf, ratelimit

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class AddressRateThrottle(BaseThrottle):
    """Counts requests per client address (trusted proxies honoured) in the shared cache."""

    scope = ""
    methods = WRITE_METHODS
    message = _("Too many requests. Please wait and try again.")

    def get_rate(self):
        raise NotImplementedError

    def allow_request(self, request, view):
        if request.method not in self.methods:
            return True
        allowed, self.retry_after = ratelimit.take(request._request, self.get_rate(),
                                                   scope=self.scope)
        return allowed

    def wait(self):
        return getattr(self, "retry_after", None)


class APIWriteThrottle(AddressRateThrottle):
    """Every write under the API: API_WRITE_RATE_LIMIT ("30/m"; "0" switches it off)."""

    scope = "api-write"

    def get_rate(self):
        return getattr(settings, "API_WRITE_RATE_LIMIT", "0")


class RegistrationThrottle(AddressRateThrottle):
    """Registrations: REGISTRATION_RATE_LIMIT, shared with the HTML form's allowance."""

    scope = "api"

    def get_rate(self):
        return conf.get("REGISTRATION_RATE_LIMIT")
