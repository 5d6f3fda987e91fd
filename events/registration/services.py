"""Registration operations (pretix style): check the state, write under the capacity row's lock,
log to the audit log, notify after commit. Views, API, admin actions and commands call these."""

import datetime
import logging
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import log_actions
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page

from events.errors import EventsError
from events.models import Occurrence, Registration, RegistrationOption, RegistrationState
from events.models.occurrences import OccurrenceStatus
from events.models.registrations import ACTIVE_STATES, HOLDING_STATES

from . import conf
from .counts import held_and_waiting, refresh_count
from .signals import registration_changed

logger = logging.getLogger(__name__)
S = RegistrationState


class RegistrationError(EventsError):
    """A registration rule refused the operation; `message` is for the user, `code` for the API."""


class RegistrationBusy(RegistrationError):
    """The capacity row stayed locked longer than the lock timeout: try again shortly."""

    def __init__(self):
        super().__init__(_("Many people are registering right now. Please try again in a moment."),
                         code="busy")


def normalise_email(value):
    return (value or "").strip().lower()


# Locking ------------------------------------------------------------------------------------

@contextmanager
def locked_option(option_id):
    """A transaction holding the row lock of one capacity row (never the table or the event)."""
    try:
        locking = conf.get("EVENTS_REGISTRATION_LOCKING")
        if locking and connection.vendor == "postgresql":
            _set_lock_timeout(int(conf.get("REGISTRATION_LOCK_TIMEOUT_MS")))
        with transaction.atomic():
            yield _read_locked_option(option_id, locking)
    except OperationalError as error:
        if getattr(getattr(error, "__cause__", None), "sqlstate", None) == "55P03" \
                or "lock timeout" in str(error).lower() or "database is locked" in str(error).lower():
            raise RegistrationBusy() from error
        raise


_OPTION_ID = 2_147_483_002  # the placeholder of the option's id in the prepared query


def _locked_option_queryset(option_id, locking):
    queryset = RegistrationOption.objects.select_related("occurrence").filter(pk=option_id)
    if locking:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.order_by()


def _read_locked_option(option_id, locking):
    """The option (with its date) under its row lock: SQL compiled once per connection (the
    query every registration runs under the lock), the queryset's `get` where it cannot be."""
    from django.db import connections

    from .prepared import prepared_query

    prepared = prepared_query(
        connections[RegistrationOption.objects.db], ("locked_option", bool(locking)),
        lambda: _locked_option_queryset(_OPTION_ID, locking)[:1], {"id": _OPTION_ID})
    if prepared is None:
        return _locked_option_queryset(option_id, locking).get()
    option = prepared.first({"id": option_id})
    if option is None:
        raise RegistrationOption.DoesNotExist("RegistrationOption matching query does not exist.")
    return option


def _set_lock_timeout(timeout):
    """PostgreSQL's lock_timeout for the row lock. Outside a transaction it is set for the
    session, once per database connection (a round trip less per registration; the server's
    connections live on, CONN_MAX_AGE): every later lock wait of that connection is bounded
    by it too. Inside the caller's transaction it is set for that transaction only."""
    if connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{timeout}ms'")
        return
    connection.ensure_connection()
    done = getattr(connection, "_events_lock_timeout", None)
    if done is None or done[0] is not connection.connection or done[1] != timeout:
        with connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = '{timeout}ms'")
        connection._events_lock_timeout = (connection.connection, timeout)


def held_count(option):
    """Places held on an option read under its lock (the triggers keep the counter)."""
    return held_and_waiting(option, connection)[0]


def _after_commit(option_id, *emails, counts=None):
    """Queue the e-mails and refresh the cached count. With the database task backend (as in
    production) the task rows are written in the caller's transaction: stored exactly when the
    registration is, without a transaction of their own. Any other backend (one that sends
    at once) is called once the transaction has committed."""
    from .tasks import send_registration_email

    if emails and connection.in_atomic_block and _tasks_in_database():
        for registration_id, template in emails:
            send_registration_email.enqueue(registration_id, template)
        emails = ()

    def run():
        refresh_count(option_id, counts)
        for registration_id, template in emails:
            try:
                send_registration_email.enqueue(registration_id, template)
            except Exception:  # the registration is saved; the log tells the operator
                logger.exception("could not queue %s e-mail for registration %s",
                                 template, registration_id)

    transaction.on_commit(run)


def _tasks_in_database():
    from events.tasks import send_email

    try:
        from django_tasks_db.backend import DatabaseBackend
    except ImportError:  # pragma: no cover - the backend is optional
        return False
    return isinstance(send_email.get_backend(), DatabaseBackend)


def _log(registration, action, user=None, **data):
    """An entry in Wagtail's audit log, as `wagtail.log_actions.log` writes it, in one INSERT:
    `log` saves through `full_clean`, whose check that the content type exists is one more
    query, and this runs under the option's lock."""
    action = f"events.registration.{action}"
    registry = log_actions.registry
    registry.scan_for_actions()
    if not registry.action_exists(action):
        raise ValueError(f"the log action {action!r} has not been registered")
    model = registry.get_log_model_for_instance(registration)
    context = get_active_log_context()
    model.objects.bulk_create([model(
        content_type=ContentType.objects.get_for_model(registration, for_concrete_model=False),
        object_id=str(registration.pk), label=model.objects.get_instance_title(registration),
        action=action, timestamp=timezone.now(), data={"state": registration.state, **data},
        user=user or context.user, uuid=context.uuid,
    )])


def _statistics_where(option):
    """(date id, what its statistics fact stores) when the caller read the option with its
    date, page, locale and venue (`sources.public_option_by_id`): then nothing of it is read
    under the lock. None otherwise (the fact reads it itself)."""
    from .statistics import where_of

    occurrence = option.occurrence
    loaded = (Occurrence.page.is_cached(occurrence) and Occurrence.venue.is_cached(occurrence)
              and Page.locale.is_cached(occurrence.page))
    if not loaded or occurrence.pk != option.occurrence_id:
        return None
    return occurrence.pk, where_of(occurrence, getattr(option, "page_district", None))


def _read_statistics_where(occurrence_id):
    """`_statistics_where` for an option read without its date's page and venue (the HTML form,
    staff, tests): one or two queries, taken before the lock instead of under it."""
    from .statistics import _where

    return occurrence_id, _where(occurrence_id)


# Questions ----------------------------------------------------------------------------------

def closed_reason(option, now=None):
    """Why the option takes no registrations now (a translated message), or None when open."""
    now = now or timezone.now()
    occurrence = option.occurrence
    if occurrence.status == OccurrenceStatus.CANCELLED:
        return "cancelled", _("This date has been cancelled.")
    if occurrence.start <= now:
        return "past", _("This date has already taken place.")
    if option.opens_at and now < option.opens_at:
        return "not_open", _("Registration has not opened yet.")
    if now >= option.effective_closes_at():
        return "closed", _("Registration for this date is closed.")
    return None


# Operations ---------------------------------------------------------------------------------

def register(option, *, name, email, language="de", consent=False, data=None, phone="",
             now=None, created_by=None, confirmed=False, group=None):
    """Register one person for an option.

    Staff (`created_by`) may register someone in person: `confirmed=True` skips the e-mail
    opt-in and the approval (the staff member vouches); for kinds without `email_required`
    they may leave the e-mail empty, which implies `confirmed` (no link could be confirmed).
    """
    from .kinds import get_kind

    now = now or timezone.now()
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data."), code="consent")
    email = (email or "").strip()
    if not email:
        kind = get_kind(option.kind)
        if created_by is None or kind is None or kind.email_required:
            raise RegistrationError(_("Please enter your e-mail address."), code="email")
        confirmed = True
    if confirmed and created_by is None:
        raise ValueError("only staff (created_by) can register someone as confirmed")
    email_normalised = normalise_email(email)
    local, _at, domain = email.rpartition("@")
    email = f"{local}@{domain.lower()}" if local else email
    # Everything that does not depend on the places left is done before the lock: every
    # registration for the date waits for it, so each query under it is paid once per waiter.
    if RegistrationOption.occurrence.is_cached(option):
        _refuse_if_closed(option, now, confirmed)  # without queueing for the lock to hear it
    where = _statistics_where(option) or _read_statistics_where(option.occurrence_id)
    with locked_option(option.pk) as option:
        _refuse_if_closed(option, now, confirmed)
        counts = _counts_and_duplicate(option, email_normalised)
        if counts.pop("duplicate"):
            raise _duplicate_error()
        # A second registration of the address for the date is refused by the database's
        # unique constraint on the insert below (no query for it under the lock).
        if counts["held"] < option.capacity:
            if confirmed:
                state, hold, template = (S.APPROVED if option.requires_approval
                                         else S.CONFIRMED), None, "confirmed"
            elif option.requires_approval:
                state, hold, template = S.AWAITING_APPROVAL, None, "received"
            else:
                state = S.PENDING
                hold = now + datetime.timedelta(hours=option.hold_hours)
                template = "confirm"
        elif option.waitlist_enabled:
            state, hold, template = S.WAITLISTED, None, "waitlisted"
        else:
            if _is_duplicate(option, email_normalised):
                raise _duplicate_error()  # "already registered" says more than "full"
            raise RegistrationError(_("This date is fully booked."), code="full")
        try:
            # The unique constraint catches a race between two kinds of the same date (they
            # lock different rows). No savepoint: this is the transaction's first write, and
            # the refusal rolls all of it back (two round trips fewer per registration).
            with transaction.atomic(savepoint=False):
                registration = Registration(
                    option=option, occurrence_id=option.occurrence_id, state=state,
                    name=name.strip(), email=email, email_normalised=email_normalised,
                    phone=phone or "", language=language or "de", data=data or {},
                    consent_version=conf.get("REGISTRATION_CONSENT_VERSION"), consented_at=now,
                    hold_expires_at=hold, created_at=now, created_by=created_by, group=group,
                )
                if where is not None and where[0] == option.occurrence_id:
                    registration.statistics_where = where[1]  # read before the lock
                registration.save(force_insert=True)
        except IntegrityError as error:
            raise _duplicate_error() from error
        _log(registration, "created", user=created_by)
        # Counted under the lock, so the cache needs no recount after the commit.
        counts["held" if state in HOLDING_STATES else "waitlisted"] += 1
        _after_commit(option.pk, (registration.pk, template), counts=counts)
    return registration


def _refuse_if_closed(option, now, confirmed):
    reason = closed_reason(option, now)
    if reason and confirmed and reason[0] != "cancelled" and option.occurrence.end > now:
        reason = None  # staff register people in person until the date ends (walk-ins)
    if reason:
        raise RegistrationError(reason[1], code=reason[0])


def _counts_and_duplicate(option, email_normalised):
    """Held and waiting places of the option read under its lock (its counters: no query),
    and "duplicate", which the insert's unique constraint decides instead (always 0 here)."""
    held, waitlisted = held_and_waiting(option, connection)
    return {"held": held, "waitlisted": waitlisted, "duplicate": 0}


def _is_duplicate(option, email_normalised):
    """Whether the address is already registered for the option's date (any kind)."""
    if not email_normalised:
        return False
    return Registration.objects.filter(
        occurrence_id=option.occurrence_id, email_normalised=email_normalised,
        state__in=ACTIVE_STATES, erased_at__isnull=True).exists()


def _duplicate_error():
    return RegistrationError(
        _("This e-mail address is already registered for this date. Please check your inbox."),
        code="duplicate")


class GroupParticipantError(RegistrationError):
    """A refusal that concerns one participant of a group: `index` counts from 0."""

    def __init__(self, message, code="invalid", *, index):
        super().__init__(message, code=code)
        self.index = index


def register_group(option, *, contact_name, contact_email, participants, when_full,
                   organisation="", language="de", consent=False, data=None, now=None):
    """Register several people of one organisation for an option, under ONE lock of its row.

    `participants` are dicts with `name`, `email` and optionally `language` and `phone`. Each
    goes through `register` (same checks, duplicate detection and waiting list; the nested
    lock is the one this transaction already holds), so each has a registration, e-mails and
    links of their own. `when_full` (GroupWhenFull) decides when places are short: nobody is
    registered, or the rest joins the waiting list. Any refusal saves nothing. Returns
    (group, registrations); the contact's summary e-mail is queued after the commit.
    """
    from events.models import GroupWhenFull, RegistrationGroup

    from .kinds import get_kind

    now = now or timezone.now()
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data."), code="consent")
    kind = get_kind(option.kind)
    if kind is None or not kind.allows_groups:
        raise RegistrationError(_("This date takes no group registrations."), code="kind")
    if not participants:
        raise RegistrationError(_("Please enter at least one participant."), code="participants")
    seen = set()
    for index, participant in enumerate(participants):
        address = normalise_email(participant.get("email"))
        if address and address in seen:
            raise GroupParticipantError(
                _("Another participant of this group has this e-mail address. Everyone needs "
                  "an address of their own (for their confirmation and cancel link)."),
                code="duplicate_in_group", index=index)
        seen.add(address)
    with locked_option(option.pk) as locked:
        reason = closed_reason(locked, now)
        if reason:
            raise RegistrationError(reason[1], code=reason[0])
        free = max(locked.capacity - held_count(locked), 0)
        if len(participants) > free and (when_full != GroupWhenFull.WAITLIST_REST
                                         or not locked.waitlist_enabled):
            raise RegistrationError(
                _("Only %(free)s of the %(count)s places are free, so nobody was registered. "
                  "Register fewer people, or choose the waiting list for the rest.")
                % {"free": free, "count": len(participants)}, code="full")
        group = RegistrationGroup.objects.create(
            option=locked, contact_name=contact_name.strip(), contact_email=contact_email.strip(),
            organisation=(organisation or "").strip(), language=language or "de",
            when_full=when_full, created_at=now)
        registrations = []
        for index, participant in enumerate(participants):
            try:
                registrations.append(register(
                    locked, name=participant["name"], email=participant["email"],
                    language=participant.get("language") or language, consent=True,
                    data=data, phone=participant.get("phone") or "", now=now, group=group))
            except RegistrationBusy:
                raise
            except RegistrationError as error:
                raise GroupParticipantError(error.message, code=error.code,
                                            index=index) from error
        transaction.on_commit(lambda: _queue_group_summary(group.pk))
    return group, registrations


def _queue_group_summary(group_id):
    from .tasks import send_group_summary

    try:
        send_group_summary.enqueue(group_id)
    except Exception:  # the registrations are saved; the log tells the operator
        logger.exception("could not queue the summary e-mail of group %s", group_id)


def _transition(registration, allowed, *, action, user=None, now=None, **changes):
    """Lock the option, re-read the registration, check its state, apply changes."""
    with locked_option(registration.option_id) as option:
        current = Registration.objects.select_for_update().get(pk=registration.pk) \
            if conf.get("EVENTS_REGISTRATION_LOCKING") else Registration.objects.get(pk=registration.pk)
        if current.state not in allowed:
            raise RegistrationError(
                _("This is not possible for a registration in the state “%(state)s”.")
                % {"state": current.get_state_display()}, code="state")
        was_holding = current.holds_place
        for field, value in changes.items():
            setattr(current, field, value)
        current.save()
        _log(current, action, user=user)
        transaction.on_commit(lambda: registration_changed.send(
            sender=Registration, registration=current, action=action))
        emails = []
        if was_holding and not current.holds_place:
            emails = _promote_waiting(option, now=now, user=user)
        return option, current, emails


def confirm(registration, *, now=None):
    now = now or timezone.now()
    if registration.state == S.PENDING and registration.hold_expires_at \
            and registration.hold_expires_at <= now:
        release_expired_holds(now=now, option_id=registration.option_id)
        raise RegistrationError(_("The time to confirm has passed and the place was released."),
                                code="expired")
    with transaction.atomic():
        option, current, emails = _transition(registration, {S.PENDING}, action="confirmed",
                                              state=S.CONFIRMED, hold_expires_at=None, now=now)
        _after_commit(option.pk, (current.pk, "confirmed"), *emails)
    return current


CANCELLABLE = (S.PENDING, S.CONFIRMED, S.WAITLISTED, S.AWAITING_APPROVAL, S.APPROVED)


def cancel(registration, *, message="", user=None, now=None):
    allowed = set(CANCELLABLE)
    with transaction.atomic():
        option, current, emails = _transition(registration, allowed, action="cancelled", user=user,
                                              state=S.CANCELLED, message=message,
                                              hold_expires_at=None, now=now)
        _after_commit(option.pk, (current.pk, "cancelled"), *emails)
    return current


def approve(registration, *, user=None, now=None):
    with transaction.atomic():
        option, current, emails = _transition(registration, {S.AWAITING_APPROVAL}, action="approved",
                                              user=user, state=S.APPROVED, now=now)
        _after_commit(option.pk, (current.pk, "confirmed"), *emails)
    return current


def reject(registration, *, message="", user=None, now=None):
    allowed = {S.AWAITING_APPROVAL, S.WAITLISTED, S.PENDING}
    with transaction.atomic():
        option, current, emails = _transition(registration, allowed, action="rejected", user=user,
                                              state=S.REJECTED, message=message,
                                              hold_expires_at=None, now=now)
        _after_commit(option.pk, (current.pk, "rejected"), *emails)
    return current


def mark_attended(registration, *, user=None, now=None):
    allowed = {S.CONFIRMED, S.APPROVED, S.NO_SHOW}
    with transaction.atomic():
        option, current, _emails = _transition(registration, allowed, action="attended", user=user,
                                               state=S.ATTENDED, now=now)
        _after_commit(option.pk)
    return current


def mark_no_show(registration, *, user=None, now=None):
    allowed = {S.CONFIRMED, S.APPROVED, S.ATTENDED}
    with transaction.atomic():
        option, current, _emails = _transition(registration, allowed, action="no_show", user=user,
                                               state=S.NO_SHOW, now=now)
        _after_commit(option.pk)
    return current


def promote(registration, *, user=None, now=None):
    """An editor moves one waiting person up; only when a place is free (never overbooks)."""
    now = now or timezone.now()
    with locked_option(registration.option_id) as option:
        current = Registration.objects.get(pk=registration.pk)
        if current.state != S.WAITLISTED:
            raise RegistrationError(_("Only people on the waiting list can be moved up."),
                                    code="state")
        if held_count(option) >= option.capacity:
            raise RegistrationError(_("There is no free place on this date."), code="full")
        template = _give_place(option, current, now)
        _log(current, "promoted", user=user)
        _after_commit(option.pk, (current.pk, template))
    return current


def _give_place(option, registration, now):
    if option.requires_approval:
        registration.state = S.AWAITING_APPROVAL
        registration.hold_expires_at = None
    elif not registration.email:
        # Registered by staff without an address: there is no link to confirm with.
        registration.state = S.CONFIRMED
        registration.hold_expires_at = None
    else:
        registration.state = S.PENDING
        registration.hold_expires_at = now + datetime.timedelta(hours=option.hold_hours)
    registration.save(update_fields=["state", "hold_expires_at", "updated_at"])
    return "promoted"


def _promote_waiting(option, *, now=None, user=None):
    """Inside the option's lock: fill free places from the waiting list, first come first served."""
    now = now or timezone.now()
    if option.occurrence.status == OccurrenceStatus.CANCELLED or option.occurrence.start <= now:
        return []
    # The caller may have changed registrations since it read the option: the triggers
    # updated its row, not this object.
    option.refresh_from_db(fields=["places_held", "places_waiting"])
    free = option.capacity - held_count(option)
    emails = []
    if free <= 0:
        return emails
    waiting = option.registrations.filter(state=S.WAITLISTED).order_by("created_at", "id")[:free]
    for registration in waiting:
        _give_place(option, registration, now)
        _log(registration, "promoted", user=user, automatic=True)
        emails.append((registration.pk, "promoted"))
    return emails


def promote_next(option, *, now=None, user=None):
    with locked_option(option.pk) as option:
        emails = _promote_waiting(option, now=now, user=user)
        _after_commit(option.pk, *emails)
    return len(emails)


def set_capacity(option, capacity, *, user=None, now=None):
    """Change the number of places; raising it promotes waiting people, lowering removes nobody."""
    with locked_option(option.pk) as locked:
        locked.capacity = capacity
        locked.save(update_fields=["capacity"])
        emails = _promote_waiting(locked, now=now, user=user)
        _after_commit(locked.pk, *emails)
    return locked


def release_expired_holds(*, now=None, option_id=None):
    """Expire unconfirmed holds whose time is up and give their places to the waiting list."""
    now = now or timezone.now()
    expired = Registration.objects.filter(state=S.PENDING, hold_expires_at__lte=now)
    if option_id:
        expired = expired.filter(option_id=option_id)
    released = 0
    for oid in set(expired.values_list("option_id", flat=True)):
        with locked_option(oid) as option:
            rows = list(option.registrations.filter(state=S.PENDING, hold_expires_at__lte=now))
            for registration in rows:
                registration.state = S.EXPIRED
                registration.save(update_fields=["state", "updated_at"])
                _log(registration, "expired")
            released += len(rows)
            emails = _promote_waiting(option, now=now)
            _after_commit(option.pk, *emails)
    return released


def notify_date_changed(occurrence, *, cancelled=False):
    """Tell everyone registered for a date that it changed or was cancelled."""
    template = "date_cancelled" if cancelled else "date_changed"
    active = Registration.objects.filter(occurrence=occurrence, state__in=ACTIVE_STATES,
                                         erased_at__isnull=True)
    ids = list(active.values_list("pk", "option_id"))
    with transaction.atomic():
        for registration_id, option_id in ids:
            _after_commit(option_id, (registration_id, template))
    return len(ids)
