"""50 parallel registrations for the last 5 places on PostgreSQL: exactly 5 places, 45 waiting.

The control run switches the row lock off (EVENTS_REGISTRATION_LOCKING=False) and must oversell,
which proves that the lock, not luck, keeps the count right.

Fifty requests queue for one row lock, each waiting for all before it; on a loaded machine the
last ones can wait longer than the lock timeout and are told "busy" (the API's 503 with
Retry-After). The clients here do what an API client is told to do and try again, a few
times at most, so the tests prove the outcome (exactly so many places, nobody lost or
counted twice) whatever the machine's load; a "busy" that outlasts the retries still fails.
"""

import threading
import time

import pytest
from django.db import connection
from django.test import override_settings

from events.models import Registration, RegistrationState
from events.registration import services
from tests.parallel import run_parallel

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("transactional_db")]
PARALLEL = 50


def register_all(option, people):
    """`people` (name, e-mail) registering at once → Outcomes (registrations, error codes)."""
    return run_parallel(
        lambda name, email: services.register(option, name=name, email=email, consent=True),
        people, refused=services.RegistrationError, busy=services.RegistrationBusy)


def fire(option, count=PARALLEL):
    outcomes = register_all(option, [(f"Person {i}", f"p{i}@example.org") for i in range(count)])
    return [registration.state for registration in outcomes.results], outcomes.errors


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between counting and inserting, as a loaded server would."""
    original = services._counts_and_duplicate

    def slow(option, email_normalised):
        value = original(option, email_normalised)
        time.sleep(0.01)
        return value

    monkeypatch.setattr(services, "_counts_and_duplicate", slow)


def test_last_five_places_go_to_exactly_five_of_fifty_parallel_requests(make_option, slow_count):
    option = make_option(capacity=5)
    results, errors = fire(option)
    assert errors == []
    assert results.count(RegistrationState.PENDING) == 5
    assert results.count(RegistrationState.WAITLISTED) == 45
    rows = Registration.objects.filter(option=option)
    assert rows.count() == 50
    assert rows.values("email_normalised").distinct().count() == 50


def test_without_a_waiting_list_45_are_told_the_date_is_full(make_option, slow_count):
    option = make_option(capacity=5, waitlist_enabled=False)
    results, errors = fire(option)
    assert results.count(RegistrationState.PENDING) == 5
    assert sorted(set(errors)) == ["full"] and len(errors) == 45


def test_same_address_fifty_times_in_parallel_is_recorded_once(make_option):
    option = make_option(capacity=5)
    outcomes = register_all(option, [("Ada", "ada@example.org")] * 20).codes
    assert outcomes.count("ok") == 1 and outcomes.count("duplicate") == 19


def test_same_address_for_two_kinds_at_once_is_recorded_once(make_option, slow_count):
    """Two kinds of one date lock different rows: the database's unique constraint decides,
    and the loser is told "duplicate" (no error page, nothing half-written)."""
    from events.models import RegistrationOption

    first = make_option(capacity=5, kind="attendee")
    second = RegistrationOption.objects.create(occurrence=first.occurrence, kind="employer",
                                               capacity=5)

    def register_ada(option):
        return services.register(option, name="Ada", email="ada@example.org", consent=True)

    for _round in range(5):
        Registration.objects.filter(occurrence=first.occurrence).delete()
        outcomes = run_parallel(register_ada, [first, second],
                                refused=services.RegistrationError,
                                busy=services.RegistrationBusy).codes
        assert sorted(outcomes) == ["duplicate", "ok"]
        assert Registration.objects.filter(occurrence=first.occurrence).count() == 1


def test_control_run_without_the_lock_oversells(make_option, slow_count):
    option = make_option(capacity=5)
    with override_settings(EVENTS_REGISTRATION_LOCKING=False):
        results, errors = fire(option)
    held = results.count(RegistrationState.PENDING)
    assert held > 5, "without the row lock the date should have been oversold"


def test_stuck_lock_answers_busy_quickly(make_option):
    option = make_option(capacity=5)
    locked = threading.Event()
    release = threading.Event()

    def holder():
        from django.db import transaction

        with transaction.atomic():
            type(option).objects.select_for_update().get(pk=option.pk)
            locked.set()
            release.wait(5)
        connection.close()

    thread = threading.Thread(target=holder)
    thread.start()
    locked.wait(5)
    started = time.monotonic()
    try:
        with override_settings(REGISTRATION_LOCK_TIMEOUT_MS=200):
            with pytest.raises(services.RegistrationBusy):
                services.register(option, name="A", email="a@example.org", consent=True)
        assert time.monotonic() - started < 2
    finally:
        release.set()
        thread.join()
