"""JSON API for headless front ends: upcoming dates with places, and registering (same form as HTML).

Every answer is JSON, including parse errors and oversized bodies; nothing a client sends yields
a 500. The API uses no cookies, so it is CSRF-exempt; bots are held off by the rate limit.
"""

import hashlib
import json
import re

from django.core.cache import cache
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from events.queries import is_public

from . import conf, services
from .kinds import get_kind
from .serializers import (
    ErrorSerializer,
    RegistrationResultSerializer,
    RegistrationSerializer,
    bad_request_response,
    registration_request_serializer,
    registration_serializer_class,
)
from .sources import has_parts, public_option_by_id, questions_of_option
from .throttling import APIWriteThrottle, RegistrationThrottle

MAX_BODY = 64 * 1024
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
IDEMPOTENCY_SECONDS = 60 * 60 * 24
# Answers kept for an Idempotency-Key: the request was carried out (registered, or refused as
# full, closed or a duplicate). A 400 (invalid fields), a 503 (busy) or an exception is not
# kept, as Stripe does: the client corrects the body and retries with the same key, and that
# body is processed. Replaying a 400 would only repeat what validation says again anyway.
KEPT_ANSWERS = {201, 409}


class JSONOnlyMixin:
    """No cookies, no CSRF; every error is `{"detail": ...}` or `{"errors": {field: [...]}}`."""

    authentication_classes = []
    permission_classes = []

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        data = getattr(response, "data", None)
        if isinstance(exc, ValidationError) and isinstance(data, dict):
            response.data = {"errors": _messages(data)}
        elif isinstance(data, dict) and "detail" in data and "errors" not in data:
            response.data = {"detail": str(data["detail"])}
        return response


ERROR_RESPONSES = {
    413: OpenApiResponse(ErrorSerializer, "The body is larger than 64 KB."),
    415: OpenApiResponse(ErrorSerializer, "Send application/json."),
    429: OpenApiResponse(ErrorSerializer, "Too many requests from this client: see Retry-After."),
}


class RegistrationCreateAPIView(JSONOnlyMixin, APIView):
    """POST /api/v2/registrations/: 201, 400, 404, 409, 413, 415, 422, 429 or 503, always JSON."""

    parser_classes = [JSONParser]
    throttle_classes = [APIWriteThrottle, RegistrationThrottle]

    @extend_schema(
        operation_id="registrations_create", tags=["registrations"],
        summary="Register for a date (same validation as the website's form)",
        description="No API key. Rate limited per client address. Send `Idempotency-Key` to "
                    "make retries safe: the same key and body answer the first result again.",
        request=registration_request_serializer(),
        parameters=[OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER,
                                     description="Any text up to 200 characters.")],
        responses={
            201: RegistrationResultSerializer,
            400: bad_request_response("Invalid fields."),
            404: OpenApiResponse(ErrorSerializer, "No public date with this `occurrence` id."),
            409: OpenApiResponse(ErrorSerializer, "Full, closed, already registered, the date "
                                                    "takes no registrations of this kind "
                                                    "(`code` tells which), or a retry with "
                                                    "the same Idempotency-Key is pending."),
            422: OpenApiResponse(ErrorSerializer,
                                 "The Idempotency-Key was used with another body."),
            503: OpenApiResponse(ErrorSerializer, "Busy: retry after Retry-After seconds."),
            **ERROR_RESPONSES,
        })
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
        kind = get_kind(payload.get("kind")) if isinstance(payload.get("kind"), str) else None
        if kind is None or not kind.public:
            errors["kind"] = [_("Choose a valid kind of registration.")]
            serializer = RegistrationSerializer(data=payload)
            serializer.is_valid()
            errors.update({name: messages for name, messages in serializer.errors.items()
                           if name == "occurrence"})
            return 400, {"errors": _messages(errors)}, None
        if "participants" in payload and not kind.allows_groups:
            errors["participants"] = [_("This kind of registration takes no groups.")]
        # The date's option first: read with its page's questions, which the serializer then
        # needs no queries for (the same id the serializer validates: a JSON integer).
        occurrence_id = payload.get("occurrence")
        occurrence_id = occurrence_id if type(occurrence_id) is int else None
        option = part = None
        if occurrence_id is not None and 0 < occurrence_id < 2**63:
            part = payload.get("part") if payload.get("part") in ("onsite", "online") else None
            option = public_option_by_id(occurrence_id, kind.name, part)
        serializer = registration_serializer_class(kind)(
            data=payload, context={"language": _current_language(),
                                   "questions": questions_of_option(option, kind.name)})
        if not serializer.is_valid():
            errors.update(serializer.errors)
        if occurrence_id is not None and 0 < occurrence_id < 2**63:
            if option is None and part is None and not errors and has_parts(occurrence_id,
                                                                             kind.name):
                return 400, {"errors": {"part": [str(_(
                    "This date has places on site and online: choose one of them."))]}}, None
            if option is None:
                message = _("This date takes no registrations of this kind.")
                if not errors:
                    # A well-formed body for a date that is not public (404), or that takes
                    # no registrations of this kind (409), like a full or closed one.
                    found = bool(is_public([occurrence_id]))
                    return (409, {"detail": str(message), "code": "kind",
                                  "errors": {"occurrence": [str(message)]}}, None) if found else (
                        404, {"detail": str(_("No public date with this id.")),
                              "errors": {"occurrence": [str(message)]}}, None)
                errors["occurrence"] = [message]
        if errors:
            return 400, {"errors": _messages(errors)}, None
        form = serializer.form
        if serializer.validated_data.get("participants") is not None:
            from .group_api import register_group_body

            return register_group_body(option, serializer)
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


def _messages(errors):
    """{field: [message, …]} from DRF's nested error details (lists of items flattened)."""
    flat = {}
    for name, messages in errors.items():
        if isinstance(messages, dict):
            messages = [str(m) for value in messages.values() for m in
                        (value if isinstance(value, list) else [value])]
        flat[name] = [str(message) for message in messages]
    return flat


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


def _current_language():
    from django.utils.translation import get_language

    return (get_language() or "de").split("-")[0]
