"""JSON API for headless front ends: upcoming dates with places, and registering (same form as HTML).

Every answer is JSON, including parse errors and oversized bodies; nothing a client sends yields
a 500. The API uses no cookies, so it is CSRF-exempt; bots are held off by the rate limit.
"""

import hashlib
import json
import re

from django.core.cache import cache
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import APIView

from events.models import Occurrence

from . import conf, ratelimit, services
from .forms import api_form_class
from .kinds import get_kind
from .sources import public_option

MAX_BODY = 64 * 1024
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
IDEMPOTENCY_SECONDS = 60 * 60 * 24
# Answers kept for an Idempotency-Key: the request was carried out (registered, or refused as
# full, closed or a duplicate). A 400 (invalid fields), a 503 (busy) or an exception is not
# kept, as Stripe does: the client corrects the body and retries with the same key, and that
# body is processed. Replaying a 400 would only repeat what validation says again anyway.
KEPT_ANSWERS = {201, 409}


class JSONOnlyMixin:
    authentication_classes = []
    permission_classes = []

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data and "errors" not in response.data:
            response.data = {"detail": str(response.data["detail"])}
        return response


class RegistrationCreateAPIView(JSONOnlyMixin, APIView):
    """POST /api/v2/registrations/: 201, 400, 409, 413, 415, 429 or 503, always JSON."""

    def post(self, request):
        raw = request._request
        try:
            length = int(raw.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            return Response({"detail": _("The request body is too large (64 KB at most).")},
                            status=413)
        body = raw.body
        if len(body) > MAX_BODY:
            return Response({"detail": _("The request body is too large (64 KB at most).")},
                            status=413)
        # Only JSON: a text/plain or form-encoded POST is what another site's page can send
        # without a CORS preflight. (An empty body is no JSON either way: the 400 below says so.)
        if body and not _is_json(raw.content_type):
            return Response({"detail": _("Send the body as JSON (Content-Type: application/json).")},
                            status=415)
        if not (decision := ratelimit.allow(raw, scope="api")):
            return Response({"detail": _("Too many requests. Please wait and try again.")},
                            status=429, headers={"Retry-After": str(decision.retry_after)})
        key = raw.headers.get("Idempotency-Key", "").strip()
        if not key:
            status, data, headers = self.register(body)
            return Response(data, status=status, headers=headers)
        return self.idempotent(key[:200], body)

    def idempotent(self, key, body):
        """The same key and body give the first answer again; a different body is refused."""
        digest = hashlib.sha256(body).hexdigest()
        cache_key = "events:api:idempotency:" + hashlib.sha256(key.encode()).hexdigest()
        if not cache.add(cache_key, {"body": digest, "pending": True}, IDEMPOTENCY_SECONDS):
            stored = cache.get(cache_key) or {}
            if stored.get("body") != digest:
                return Response({"detail": _("This Idempotency-Key was used with a different request.")},
                                status=422)
            if stored.get("pending"):
                return Response({"detail": _("A request with this Idempotency-Key is still being processed.")},
                                status=409, headers={"Retry-After": "1"})
            return Response(stored["data"], status=stored["status"],
                            headers={"Idempotent-Replayed": "true"})
        kept = False
        try:
            status, data, headers = self.register(body)
            if status in KEPT_ANSWERS:
                cache.set(cache_key, {"body": digest, "status": status, "data": data},
                          IDEMPOTENCY_SECONDS)
                kept = True
        finally:
            if not kept:  # nothing was carried out: the key is free for the corrected retry
                cache.delete(cache_key)
        return Response(data, status=status, headers=headers)

    def register(self, body):
        """(status, data, headers) for one registration request body."""
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return 400, {"errors": {"body": [_("Send a JSON object.")]}}, None
        if not isinstance(payload, dict):
            return 400, {"errors": {"body": [_("Send a JSON object.")]}}, None
        # json.loads accepts "\ud800", which no database and no UTF-8 answer can hold.
        if _has_lone_surrogate(payload):
            message = _("Remove the invalid character (a lone surrogate) from this value.")
            return 400, {"errors": {
                "body" if _has_lone_surrogate(key) else key: [message]
                for key, value in payload.items() if _has_lone_surrogate([key, value])}}, None
        errors = {}
        option = None
        kind = get_kind(payload.get("kind")) if isinstance(payload.get("kind"), str) else None
        if kind is None or not kind.public:
            errors["kind"] = [_("Choose a valid kind of registration.")]
        occurrence_id = payload.get("occurrence")
        if isinstance(occurrence_id, bool) or not isinstance(occurrence_id, int | str):
            occurrence_id = None
        if occurrence_id is not None and str(occurrence_id).isdigit() and len(str(occurrence_id)) < 19:
            if kind is not None:
                option = public_option(
                    Occurrence.objects.select_related("page").filter(pk=int(occurrence_id)).first(),
                    kind.name)
                if option is None:
                    errors["occurrence"] = [_("This date takes no registrations of this kind.")]
        else:
            errors["occurrence"] = [_("Give the id of a date.")]
        form = api_form_class(kind)(data=_form_data(payload)) if kind else None
        if form is not None and not form.is_valid():
            for field, messages in form.errors.items():
                errors.setdefault("non_field_errors" if field == "__all__" else field, []).extend(
                    str(message) for message in messages)
        if errors:
            return 400, {"errors": errors}, None
        try:
            registration = services.register(
                option, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                language=form.cleaned_data["language"], consent=form.cleaned_data["consent"],
                data=form.extra_data(), phone=form.cleaned_data.get("phone", "") or "",
            )
        except services.RegistrationBusy as error:
            return 503, {"detail": str(error.message), "code": error.code}, {
                "Retry-After": str(conf.get("REGISTRATION_RETRY_AFTER"))}
        except services.RegistrationError as error:
            data = {"detail": str(error.message), "code": error.code}
            if error.code in ("consent",):
                return 400, {"errors": {"consent": [str(error.message)]}}, None
            if error.code == "duplicate":
                data["errors"] = {"email": [str(error.message)]}
            return 409, data, None
        return 201, {"reference": registration.reference, "status": registration.state}, None


def _is_json(content_type):
    content_type = (content_type or "").lower()
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json"))


def _has_lone_surrogate(value):
    """True if a string anywhere in the JSON value (keys too) holds half a surrogate pair."""
    pending = [value]  # a loop, not recursion: JSON nests as deep as json.loads allows
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if LONE_SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _form_data(payload):
    """JSON values as a form would receive them; the language defaults to the request's."""
    data = {}
    for key, value in payload.items():
        if isinstance(value, dict):
            value = json.dumps(value)
        data[key] = value
    data.setdefault("language", (_current_language() or "de"))
    return data


def _current_language():
    from django.utils.translation import get_language

    return (get_language() or "de").split("-")[0]
