"""Referral to recognition counselling: a job-seeker whose foreign qualification is not yet
recognised sees the counselling centre responsible for their district and, with their explicit
consent, is referred to it (the centre gets their contact data and the fair by e-mail).

The plugin knows no directory: the site names two callables in its settings
(JOBFAIRS_COUNSELLING_LOOKUP, JOBFAIRS_DISTRICT_CHOICES, see conf.py). Without them nothing is
shown or asked. A failing lookup is logged and treated as "no centre": a registration never
fails because of it.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import get_language

from events.models import Registration, RegistrationState
from events.registration.emails import base_url, single_line

from . import conf

logger = logging.getLogger(__name__)
S = RegistrationState
# Answers to "Recognition of a foreign qualification" (forms.RECOGNITION_CHOICES) that mean
# "not yet recognised".
NOT_YET_RECOGNISED = ("none", "in_progress")
CENTRE_KEYS = ("name", "address", "phone", "email", "url")
# A referral goes out once the registration stands (the e-mail address confirmed, or entered
# by staff), never for an unconfirmed one.
REFERRED_STATES = (S.CONFIRMED, S.APPROVED, S.ATTENDED)


def _callable(name):
    value = conf.get(name)
    if not value:
        return None
    return import_string(value) if isinstance(value, str) else value


def is_enabled():
    return bool(conf.get("JOBFAIRS_COUNSELLING_LOOKUP"))


def _language(language=None):
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def district_choices(language=None):
    """(code, name) of the districts to choose from; empty when the site wires none (or the
    counselling lookup is off: the question serves only the referral)."""
    if not is_enabled():
        return []
    source = _callable("JOBFAIRS_DISTRICT_CHOICES")
    if source is None:
        return []
    try:
        return [(str(code), str(name)) for code, name in source(_language(language))]
    except Exception:  # the site's data source: the form still works without it
        logger.exception("JOBFAIRS_DISTRICT_CHOICES failed")
        return []


def centres_for(district, language=None):
    """The centres responsible for a district code, as plain dicts (CENTRE_KEYS)."""
    lookup = _callable("JOBFAIRS_COUNSELLING_LOOKUP")
    if lookup is None or not district:
        return []
    try:
        rows = lookup(district, _language(language)) or []
        return [{key: str(row.get(key) or "") for key in CENTRE_KEYS} for row in rows
                if row.get("name")]
    except Exception:
        logger.exception("JOBFAIRS_COUNSELLING_LOOKUP failed for %r", district)
        return []


def not_yet_recognised(data):
    return (data or {}).get("recognition") in NOT_YET_RECOGNISED


def centres_for_registration(registration, language=None):
    data = registration.data or {}
    if registration.erased_at or not not_yet_recognised(data):
        return []
    return centres_for(data.get("home_district"), language)


def notice(registration, medium):
    """The events engine's hook (RegistrationKind.notice): the centre on the status page
    ("html") and in the confirmation e-mail ("txt"), or None."""
    centres = centres_for_registration(registration)
    if not centres:
        return None
    data = registration.data or {}
    return (f"jobfairs/includes/counselling_notice.{medium}", {
        "centres": centres, "consented": bool(data.get("counselling_referral")),
        "referred": registration.state in REFERRED_STATES,
    })


# Referring ------------------------------------------------------------------------------------

def wants_referral(registration):
    data = registration.data or {}
    return (registration.option.kind == "jobseeker" and not registration.erased_at
            and bool(data.get("counselling_referral")) and not_yet_recognised(data)
            and bool(data.get("home_district")) and registration.state in REFERRED_STATES)


def registration_saved(sender, instance, created, raw=False, **kwargs):
    """post_save of Registration: refer once the registration stands; forget on erasure."""
    from .models import CounsellingReferral

    if raw:
        return
    if instance.erased_at:
        # The referral names the person: it goes with their data.
        CounsellingReferral.objects.filter(registration_id=instance.pk).delete()
        return
    data = instance.data or {}
    if not data.get("counselling_referral") or instance.state not in REFERRED_STATES:
        return
    if CounsellingReferral.objects.filter(registration_id=instance.pk).exists():
        return
    from .tasks import send_referral

    pk = instance.pk
    transaction.on_commit(lambda: send_referral.enqueue(pk))


def build_referral_email(registration, centre):
    """The e-mail to a centre, in the site's language (the centre's, not the job-seeker's)."""
    occurrence = registration.option.occurrence
    page = occurrence.page.specific
    data = registration.data or {}
    from .forms import LANGUAGE_CHOICES, RECOGNITION_CHOICES

    with translation.override(settings.LANGUAGE_CODE), timezone.override("Europe/Berlin"):
        languages = dict(LANGUAGE_CHOICES)
        context = {
            "registration": registration, "occurrence": occurrence, "page": page,
            "centre": centre, "page_url": base_url() + (page.get_url() or ""),
            "recognition": dict(RECOGNITION_CHOICES).get(data.get("recognition"), ""),
            "languages": ", ".join(str(languages.get(code, code))
                                   for code in data.get("languages") or []),
            "language": dict(settings.LANGUAGES).get(registration.language, registration.language),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("jobfairs/email/referral_subject.txt", context)
        body = render_to_string("jobfairs/email/referral.txt", context)
    reply_to = [single_line(registration.email)] if registration.email else None
    return EmailMultiAlternatives(
        subject=single_line(subject), body=body, to=[single_line(centre["email"])],
        reply_to=reply_to, headers={"Content-Language": settings.LANGUAGE_CODE})


def send_referral(registration_id):
    """Refer one job-seeker to the centres of their district (the task; safe to repeat)."""
    from .models import CounsellingReferral

    registration = Registration.objects.select_related("option__occurrence__page").filter(
        pk=registration_id).first()
    if registration is None or not wants_referral(registration):
        return False
    district = registration.data["home_district"]
    sent = 0
    for centre in centres_for(district, settings.LANGUAGE_CODE):
        if not centre["email"]:
            continue
        try:
            with transaction.atomic():
                referral, created = CounsellingReferral.objects.get_or_create(
                    registration=registration, centre_email=centre["email"][:254],
                    defaults={"district": district[:60], "centre_name": centre["name"][:200]})
        except IntegrityError:  # a parallel run of the same task
            continue
        if referral.sent_at:
            continue
        build_referral_email(registration, centre).send()
        CounsellingReferral.objects.filter(pk=referral.pk).update(sent_at=timezone.now())
        sent += 1
    return sent > 0
