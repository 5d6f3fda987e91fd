"""Signed links for confirming and cancelling: tamper-proof, the confirm link also expiring."""

from django.core import signing

CONFIRM_SALT = "events.registration.confirm"
CANCEL_SALT = "events.registration.cancel"


class TokenInvalid(Exception):
    pass


class TokenExpired(Exception):
    pass


def confirm_token(registration):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(registration.reference)


def cancel_token(registration):
    return signing.Signer(salt=CANCEL_SALT).sign(registration.reference)


def read_confirm_token(token, max_age_seconds):
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age_seconds)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except signing.BadSignature as error:
        raise TokenInvalid from error


def read_cancel_token(token):
    try:
        return signing.Signer(salt=CANCEL_SALT).unsign(token)
    except signing.BadSignature as error:
        raise TokenInvalid from error


CALENDAR_SALT = "events.registration.calendar"


def calendar_token(registration):
    """The private calendar link of a registrant (their own dates); no expiry, revoked by
    the registration's state (cancelled, erased), not by the signature."""
    return signing.Signer(salt=CALENDAR_SALT).sign(registration.reference)


def read_calendar_token(token):
    try:
        return signing.Signer(salt=CALENDAR_SALT).unsign(token)
    except signing.BadSignature as error:
        raise TokenInvalid from error
