"""Tickets: the signed payload of a registration's QR code, the short code typed at the door,
and the QR images (segno) for e-mails, the personal page and badges.

The QR carries the registration's random reference signed with a salt of its own (never a
database id), so a code printed by someone else is refused. The short code is an HMAC of the
reference (40 bits, base32): unguessable, typed without case or separators mattering, and found
by computing it for the registrations of the date at the door.
"""

import base64
import hashlib
import hmac
import io

import segno
from django.conf import settings
from django.core import signing
from django.utils.html import escape

TICKET_SALT = "events.registration.ticket"
CODE_SALT = "events.registration.ticket.code"
CODE_LENGTH = 8
# Letters people mistype for the base32 alphabet (A–Z, 2–7), read as what they look like.
LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class TicketInvalid(Exception):
    """Neither a signed ticket nor a well-formed short code."""


def ticket_payload(registration):
    """What the QR code says: "<reference>:<signature>"."""
    return signing.Signer(salt=TICKET_SALT).sign(registration.reference)


def read_ticket_payload(payload):
    """The reference of a signed ticket; TicketInvalid when forged or changed."""
    try:
        return signing.Signer(salt=TICKET_SALT).unsign(payload.strip())
    except signing.BadSignature as error:
        raise TicketInvalid from error


def _code_keys():
    """The code keys of SECRET_KEY, then of each of SECRET_KEY_FALLBACKS: a code printed before
    the secret was rotated is still read at the door, as the signed QR beside it is."""
    # What django.utils.crypto.salted_hmac derives from the salt and the secret, derived once
    # per secret: the door computes the code of every registration of a date per look-up.
    secrets = (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ()))
    if _derived.get("secrets") != secrets:
        _derived.update(secrets=secrets, keys=[
            hashlib.sha256((CODE_SALT + secret).encode()).digest() for secret in secrets])
    return _derived["keys"]


_derived = {}


def short_code(reference):
    """"ABCD-EFGH": the code printed beside the QR code."""
    digest = hmac.new(_code_keys()[0], reference.encode(), hashlib.sha256).digest()
    code = base64.b32encode(digest).decode()[:CODE_LENGTH]
    return f"{code[:4]}-{code[4:]}"


def normalise_code(value):
    """The typed code without spaces, dashes and case; TicketInvalid if it cannot be one."""
    code = "".join(str(value).split()).replace("-", "").upper().translate(LOOKALIKES)
    if len(code) != CODE_LENGTH or any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in code):
        raise TicketInvalid
    return code


def code_matches(reference, normalised):
    return find_code([reference], normalised) is not None


def find_code(references, normalised):
    """The first of `references` whose short code is `normalised` (see normalise_code), or None.
    Compares the 5 bytes the 8 base32 letters stand for: no text per reference. Codes of the
    current secret are looked for first, so a fallback costs only codes not found with it."""
    wanted = base64.b32decode(normalised)
    keys = _code_keys()
    references = references if len(keys) == 1 else list(references)
    for key in keys:
        for reference in references:
            if hmac.compare_digest(hmac.digest(key, reference.encode(), "sha256")[:5], wanted):
                return reference
    return None


def looks_signed(value):
    # A typed code has no colon; a scanned ticket always has one (reference:signature).
    return ":" in value


def qr(registration):
    # Error correction M survives a scratched print-out; micro codes are not read by phones.
    return segno.make(ticket_payload(registration), error="m", micro=False)


def qr_png(registration, scale=6):
    buffer = io.BytesIO()
    qr(registration).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_svg(registration, label):
    """Inline SVG markup (no XML declaration), sized by CSS, named for screen readers."""
    markup = qr(registration).svg_inline(scale=5, border=4, omitsize=True, svgclass="ticket-qr",
                                         lineclass=None)
    return markup.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
