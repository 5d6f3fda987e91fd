"""Registration services: every state transition, holds, the waiting list and its promotion paths."""

import pytest
from django.utils import timezone

from events.models import Registration, RegistrationState
from events.models.occurrences import OccurrenceStatus
from events.registration import services
from events.registration.counts import counts_of

from .conftest import hours

S = RegistrationState
pytestmark = pytest.mark.django_db


def states(option):
    return list(option.registrations.order_by("created_at", "id").values_list("state", flat=True))


def test_registration_holds_a_place_pending_confirmation_for_the_hold_time(option, register):
    now = timezone.now()
    registration = register(option, now=now)
    assert registration.state == S.PENDING
    assert registration.hold_expires_at == now + hours(24)
    assert len(registration.reference) >= 32  # 192 random bits, url-safe
    assert registration.consent_version and registration.consented_at == now


def test_confirm_turns_pending_into_confirmed(option, register, committed):
    registration = register(option)
    confirmed = committed(services.confirm, registration)
    assert confirmed.state == S.CONFIRMED
    assert confirmed.hold_expires_at is None


def test_full_date_puts_people_on_the_waiting_list_in_order(make_option, register):
    option = make_option(capacity=2)
    for _ in range(4):
        register(option)
    assert states(option) == [S.PENDING, S.PENDING, S.WAITLISTED, S.WAITLISTED]
    option.refresh_from_db()
    assert counts_of(option) == {"held": 2, "waitlisted": 2}


def test_full_date_without_waiting_list_refuses_clearly(make_option, register):
    option = make_option(capacity=1, waitlist_enabled=False)
    register(option)
    with pytest.raises(services.RegistrationError) as error:
        register(option)
    assert error.value.code == "full"
    assert option.registrations.count() == 1


@pytest.mark.parametrize("email", ["Person@Example.org", "  person@EXAMPLE.ORG ", "PERSON@example.org"])
def test_same_address_twice_for_a_date_is_refused_whatever_its_case_or_spaces(option, register, email):
    register(option, email="person@example.org")
    with pytest.raises(services.RegistrationError) as error:
        register(option, email=email)
    assert error.value.code == "duplicate"
    assert option.registrations.count() == 1


def test_same_address_may_register_again_after_cancelling(option, register, committed):
    first = register(option, email="a@example.org")
    committed(services.cancel, first)
    second = register(option, email="a@example.org")
    assert second.state == S.PENDING


def test_domain_is_stored_lower_case(option, register):
    registration = register(option, email=" Ada@Example.ORG ")
    assert registration.email == "Ada@example.org"
    assert registration.email_normalised == "ada@example.org"


def test_cancellation_promotes_the_first_waiting_person_and_tells_them(make_option, register,
                                                                       committed, mailoutbox):
    option = make_option(capacity=1)
    first = register(option)
    second = register(option)
    third = register(option)
    mailoutbox.clear()
    committed(services.cancel, first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.state == S.PENDING and second.hold_expires_at
    assert third.state == S.WAITLISTED
    assert {m.to[0] for m in mailoutbox} == {first.email, second.email}


def test_rejection_frees_the_place_for_the_waiting_list(make_option, register, committed):
    option = make_option(capacity=1, requires_approval=True)
    first = register(option)
    second = register(option)
    assert (first.state, second.state) == (S.AWAITING_APPROVAL, S.WAITLISTED)
    committed(services.reject, first, message="Sorry")
    second.refresh_from_db()
    assert second.state == S.AWAITING_APPROVAL  # moved up, now waits for approval


def test_approval_flow(make_option, register, committed):
    option = make_option(requires_approval=True)
    registration = register(option)
    assert registration.state == S.AWAITING_APPROVAL
    approved = committed(services.approve, registration)
    assert approved.state == S.APPROVED
    attended = committed(services.mark_attended, approved)
    assert attended.state == S.ATTENDED
    corrected = committed(services.mark_no_show, attended)
    assert corrected.state == S.NO_SHOW


def test_expired_hold_releases_the_place_and_promotes(make_option, register, committed):
    option = make_option(capacity=1)
    now = timezone.now()
    first = register(option, now=now)
    second = register(option, now=now)
    assert committed(services.release_expired_holds, now=now + hours(23)) == 0
    assert committed(services.release_expired_holds, now=now + hours(25)) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == S.EXPIRED
    assert second.state == S.PENDING


def test_confirming_after_the_hold_expired_is_refused(option, register, committed):
    now = timezone.now()
    registration = register(option, now=now)
    with pytest.raises(services.RegistrationError) as error:
        committed(services.confirm, registration, now=now + hours(25))
    assert error.value.code == "expired"
    registration.refresh_from_db()
    assert registration.state == S.EXPIRED


def test_raising_capacity_promotes_waiting_people(make_option, register, committed):
    option = make_option(capacity=1)
    register(option)
    waiting = [register(option) for _ in range(3)]
    committed(services.set_capacity, option, 3)
    assert [Registration.objects.get(pk=r.pk).state for r in waiting] == [
        S.PENDING, S.PENDING, S.WAITLISTED]


def test_lowering_capacity_removes_nobody_and_sends_newcomers_to_the_list(make_option, register,
                                                                          committed):
    option = make_option(capacity=3)
    held = [register(option) for _ in range(3)]
    committed(services.set_capacity, option, 1)
    assert all(Registration.objects.get(pk=r.pk).state == S.PENDING for r in held)
    assert register(option).state == S.WAITLISTED
    # One cancellation still leaves two held places for one: nobody moves up.
    committed(services.cancel, held[0])
    assert states(option).count(S.WAITLISTED) == 1


def test_manual_promotion_needs_a_free_place(make_option, register, committed):
    option = make_option(capacity=1)
    first = register(option)
    waiting = register(option)
    with pytest.raises(services.RegistrationError):
        committed(services.promote, waiting)
    option.capacity = 2
    option.save()
    assert committed(services.promote, waiting).state == S.PENDING
    assert first.state == S.PENDING


@pytest.mark.parametrize("function", ["confirm", "approve", "mark_attended"])
def test_transitions_from_the_wrong_state_are_refused(option, register, committed, function):
    registration = register(option)
    committed(services.cancel, registration)
    with pytest.raises(services.RegistrationError) as error:
        committed(getattr(services, function), registration)
    assert error.value.code in ("state", "expired")


def test_cancelled_past_and_closed_dates_take_no_registrations(make_option, register):
    cancelled = make_option(dates=[{"start": timezone.now() + hours(48), "end": timezone.now() + hours(50),
                                     "status": OccurrenceStatus.CANCELLED}])
    past = make_option(dates=[(timezone.now() - hours(5), timezone.now() - hours(3))])
    closed = make_option(closes_at=timezone.now() - hours(1))
    not_open = make_option(opens_at=timezone.now() + hours(1))
    for option, code in [(cancelled, "cancelled"), (past, "past"), (closed, "closed"),
                         (not_open, "not_open")]:
        with pytest.raises(services.RegistrationError) as error:
            register(option)
        assert error.value.code == code


def test_deadline_on_the_night_the_clocks_change_is_exact(make_option, register):
    import datetime
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    # 29 March 2026: 02:00 CET jumps to 03:00 CEST. A deadline of 03:30 local is 01:30 UTC.
    deadline = datetime.datetime(2026, 3, 29, 3, 30, tzinfo=berlin)
    option = make_option(closes_at=deadline, dates=[(datetime.datetime(2026, 3, 30, 10, tzinfo=berlin),
                                                     datetime.datetime(2026, 3, 30, 12, tzinfo=berlin))])
    utc = datetime.UTC
    assert services.closed_reason(option, now=datetime.datetime(2026, 3, 29, 1, 29, tzinfo=utc)) is None
    assert services.closed_reason(option, now=datetime.datetime(2026, 3, 29, 1, 30, tzinfo=utc))[0] == "closed"


def test_every_transition_is_in_the_audit_log(option, register, committed):
    from wagtail.models import ModelLogEntry

    registration = register(option)
    committed(services.confirm, registration)
    committed(services.cancel, registration)
    actions = list(ModelLogEntry.objects.filter(object_id=str(registration.pk))
                   .order_by("timestamp", "id").values_list("action", flat=True))
    assert actions == ["events.registration.created", "events.registration.confirmed",
                       "events.registration.cancelled"]
    assert "Person" not in ModelLogEntry.objects.filter(object_id=str(registration.pk)).first().label


def test_consent_is_required(option):
    with pytest.raises(services.RegistrationError):
        services.register(option, name="A", email="a@example.org", consent=False)
