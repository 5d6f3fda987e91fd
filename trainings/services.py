"""Operations of the trainings plugin: in-house requests, sessions, certificates, feedback.

Like the registration engine: check the state, write in one transaction, log to the audit log,
queue e-mails after commit. Views, admin views and commands call these functions.
"""

import datetime
import hashlib
import hmac
import logging
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from events.errors import EventsError
from events.models import Occurrence, Registration, RegistrationOption, RegistrationState
from events.registration.kinds import get_kind
from events.registration.online import mode_for, parts_for

from .models import (
    FeedbackInvitation,
    FeedbackReceipt,
    FeedbackResponse,
    InHouseRequest,
    InHouseRequestStatus,
    TrainingModulePage,
)

logger = logging.getLogger(__name__)
PARTICIPANT = "participant"


class TrainingsError(EventsError):
    """A rule of the trainings plugin refused the operation (`message`, `code`)."""


def _enqueue(task, *args):
    def run():
        try:
            task.enqueue(*args)
        except Exception:  # the data is saved; the log tells the operator
            logger.exception("could not queue %s%r", task, args)

    transaction.on_commit(run)


# Sessions -----------------------------------------------------------------------------------

def ensure_participant_options(page, now=None):
    """Give every coming session of a module a `participant` capacity row (max group size).

    Called when a module (or a translation of it) is published, so that editors never have to
    create the places by hand; existing rows (and capacities changed by editors) are left alone.
    """
    now = now or timezone.now()
    kind = get_kind(PARTICIPANT)
    # Places belong to the source page's dates; a translation registers on those.
    page = page.specific.source_page()
    missing = (Occurrence.objects.filter(page_id=page.pk, end__gt=now)
               .exclude(registration_options__kind=PARTICIPANT))
    created = 0
    for occurrence in missing:
        # A hybrid session has separate places on site and online (events.registration.online).
        for part in parts_for(occurrence):
            _option, was_created = RegistrationOption.objects.get_or_create(
                occurrence=occurrence, kind=PARTICIPANT, part=part,
                defaults={"capacity": page.max_group_size or 16,
                          "waitlist_enabled": kind.default_waitlist if kind else True,
                          "requires_approval": kind.default_requires_approval if kind else False})
            created += was_created
    return created


# In-house requests --------------------------------------------------------------------------

def submit_inhouse_request(*, programme, data, language="de", now=None):
    """Store a request from the public form and notify the programme's editors."""
    from .tasks import send_inhouse_notification

    now = now or timezone.now()
    with transaction.atomic():
        inhouse = InHouseRequest.objects.create(
            programme=programme, language=language, consented_at=now, created_at=now, **data)
        log(inhouse, "trainings.inhouse_request.created", data={"status": inhouse.status})
        _enqueue(send_inhouse_notification, inhouse.pk)
    return inhouse


def set_request_status(inhouse, status, *, user=None):
    if status not in InHouseRequestStatus.values:
        raise TrainingsError(_("Unknown status."), code="status")
    with transaction.atomic():
        current = InHouseRequest.objects.select_for_update().get(pk=inhouse.pk)
        if current.status == status:
            return current
        previous = current.status
        current.status = status
        current.save(update_fields=["status", "updated_at"])
        log(current, "trainings.inhouse_request.status_changed", user=user,
            data={"from": previous, "status": status})
    return current


def create_session_from_request(inhouse, *, start, end, capacity, venue=None, online_url="",
                                 user=None, now=None):
    """Turn a scheduled request into a session of its module, linked to the request.

    The session is added to the module's latest revision. Without unpublished changes that
    revision is published at once (and the participant places are created with `capacity`);
    when an editor has a draft in progress we do not publish their draft: the session goes
    into the draft and appears when they publish it.
    Returns (occurrence uid, published?).
    """
    if end <= start:
        raise TrainingsError(_("The end must be after the start."), code="dates")
    with transaction.atomic():
        current = InHouseRequest.objects.select_for_update().get(pk=inhouse.pk)
        if current.status != InHouseRequestStatus.SCHEDULED:
            raise TrainingsError(_("Only scheduled requests can become a session."), code="state")
        if current.session_uid:
            raise TrainingsError(_("A session has already been created for this request."),
                                 code="exists")
        if current.module_id is None:
            raise TrainingsError(_("Choose the module of the request first."), code="module")
        module = TrainingModulePage.objects.get(pk=current.module_id)
        publish = module.live and not module.has_unpublished_changes
        page = module.get_latest_revision_as_object()
        uid = uuid.uuid4()
        page.occurrences.add(Occurrence(
            uid=uid, start=start, end=end, venue=venue, online_url=online_url or "",
            mode=mode_for(venue=venue, online_url=online_url),
            sort_order=len(page.occurrences.all())))
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
            occurrence = Occurrence.objects.get(uid=uid)
            RegistrationOption.objects.update_or_create(
                occurrence=occurrence, kind=PARTICIPANT, defaults={"capacity": capacity})
        current.session_uid = uid
        current.save(update_fields=["session_uid", "updated_at"])
        log(current, "trainings.inhouse_request.session_created", user=user,
            data={"session": str(uid), "published": publish})
    return uid, publish


# Attendance and certificates ----------------------------------------------------------------

def is_training_registration(registration):
    return (registration.option.kind == PARTICIPANT
            and TrainingModulePage.objects.filter(pk=registration.occurrence.page_id).exists())


def queue_certificate(registration):
    """After `attended` (on commit): mail the certificate when the module issues one."""
    from .tasks import send_certificate

    page = TrainingModulePage.objects.filter(pk=registration.occurrence.page_id).only(
        "certificate_issued").first()
    if page is None or not page.certificate_issued or not registration.email:
        return False
    try:
        send_certificate.enqueue(registration.pk)
    except Exception:
        logger.exception("could not queue the certificate of registration %s", registration.pk)
        return False
    return True


# Feedback -----------------------------------------------------------------------------------

def feedback_hash(reference):
    """Keyed hash of a registration reference: proves "answered once" without naming anyone."""
    key = (settings.SECRET_KEY + ":trainings.feedback").encode()
    return hmac.new(key, reference.encode(), hashlib.sha256).hexdigest()


def feedback_registration(token):
    """The attended training registration whose invitation carries `token`, or TrainingsError."""
    registration = (Registration.objects.select_related("option", "occurrence")
                    .filter(pk__in=FeedbackInvitation.objects.filter(token=token)
                            .values("registration_id"),
                            state=RegistrationState.ATTENDED, option__kind=PARTICIPANT).first())
    if registration is None:
        raise TrainingsError(_("This feedback link is not valid."), code="invalid")
    if FeedbackReceipt.objects.filter(token_hash=feedback_hash(registration.reference)).exists():
        raise TrainingsError(_("Thank you: your feedback for this session has been received already."),
                             code="answered")
    return registration


def submit_feedback(token, *, overall=None, content=None, trainer=None, organisation=None,
                    comment="", answers=None, now=None):
    """Store one anonymous answer per invitation (the token of its link): the module's own
    survey as `answers` (typed values by question id, trainings.surveys), or the four fixed
    ratings and the comment of a module without a survey."""
    now = now or timezone.now()
    registration = feedback_registration(token)
    if answers is None and None in (overall, content, trainer, organisation):
        raise TrainingsError(_("Please answer every question."), code="incomplete")
    try:
        with transaction.atomic():
            FeedbackReceipt.objects.create(token_hash=feedback_hash(registration.reference))
            response = FeedbackResponse.objects.create(
                occurrence_id=registration.occurrence_id,
                module_id=registration.occurrence.page_id
                if TrainingModulePage.objects.filter(pk=registration.occurrence.page_id).exists()
                else None,
                overall=overall, content=content, trainer=trainer, organisation=organisation,
                comment=(comment or "").strip(), answers=answers or {},
                submitted_on=timezone.localdate(now))
    except IntegrityError as error:
        raise TrainingsError(_("Thank you: your feedback for this session has been received already."),
                             code="answered") from error
    return response


def send_feedback_invitations(*, days=7, now=None):
    """Invite attendees of sessions that ended within the last `days` days, once each."""
    from .tasks import send_feedback_invitation

    now = now or timezone.now()
    since = now - datetime.timedelta(days=days)
    registrations = (Registration.objects.filter(
        option__kind=PARTICIPANT, state=RegistrationState.ATTENDED, erased_at__isnull=True,
        occurrence__end__lte=now, occurrence__end__gte=since,
        occurrence__page_id__in=TrainingModulePage.objects.values("pk"))
        .exclude(email="")
        .exclude(pk__in=FeedbackInvitation.objects.values("registration_id")))
    sent = 0
    for registration in registrations:
        with transaction.atomic():
            _invitation, created = FeedbackInvitation.objects.get_or_create(
                registration=registration, defaults={"sent_at": now})
            if created:
                _enqueue(send_feedback_invitation, registration.pk)
                sent += 1
    return sent
