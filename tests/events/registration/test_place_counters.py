"""The option's counters of held and waiting places (RegistrationOption.places_held / .places_waiting) stay
equal to the real counts after every path that changes registrations, because the lock holder
reads them instead of counting: a counter that drifted would overbook or turn people away."""

import datetime
import json

import pytest
from django.utils import timezone

from events.models import GroupWhenFull, Registration, RegistrationOption, RegistrationState
from events.registration import counts, privacy_ops, services, substitution

S = RegistrationState
pytestmark = pytest.mark.django_db


def in_step(*options):
    """The counters equal the recount (what the lock holder would otherwise COUNT)."""
    assert counts.recount([o.pk for o in options], fix=False) == {}
    for option in options:
        option.refresh_from_db()
    return options[0] if len(options) == 1 else options


@pytest.fixture
def full(make_option, register):
    """Capacity 2: two holding places (pending), one person waiting."""
    option = make_option(capacity=2)
    people = [register(option, email=f"p{n}@example.org") for n in range(3)]
    return option, people


def _api(client, option, email):
    body = {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
            "email": email, "consent": True}
    return client.post("/api/v2/registrations/", json.dumps(body), content_type="application/json")


def path_api_register(full, committed, client):
    option, _people = full
    option.capacity = 5
    option.save()
    assert _api(client, option, "api@example.org").status_code == 201
    return 3, 1


def path_api_register_to_waiting_list(full, committed, client):
    option, _people = full
    assert _api(client, option, "api@example.org").status_code == 201
    return 2, 2


def path_api_duplicate_refused(full, committed, client):
    option, _people = full
    assert _api(client, option, "p0@example.org").status_code == 409
    return 2, 1


def service_on_person(service, person, held, waiting):
    """The path that runs `services.<service>` on the `full` fixture's person number `person`
    (0 and 1 hold places, 2 waits) and leaves `held` places held and `waiting` waiting."""

    def path(full, committed, client):
        committed(getattr(services, service), full[1][person])
        return held, waiting

    return path


path_confirm = service_on_person("confirm", 0, held=2, waiting=1)
path_cancel_promotes = service_on_person("cancel", 0, held=2, waiting=0)
path_cancel_waiting = service_on_person("cancel", 2, held=2, waiting=0)
path_reject = service_on_person("reject", 1, held=2, waiting=0)


def path_approve(make_option_approval, committed, client):
    option, registration = make_option_approval
    committed(services.approve, registration)
    return 1, 0


def path_attended_and_no_show(full, committed, client):
    registration = committed(services.confirm, full[1][0])
    committed(services.mark_attended, registration)
    committed(services.mark_no_show, registration)
    return 2, 1


def path_raise_capacity(full, committed, client):
    committed(services.set_capacity, full[0], 5)
    return 3, 0


def path_manual_promotion(full, committed, client):
    option, people = full
    RegistrationOption.objects.filter(pk=option.pk).update(capacity=3)
    committed(services.promote, people[2])
    return 3, 0


def path_expiry(full, committed, client):
    later = timezone.now() + datetime.timedelta(days=2)
    committed(services.release_expired_holds, now=later)
    return 1, 0  # both holds expired; the waiting person moved up (a new hold from `later`)


def path_substitution(full, committed, client):
    registration = committed(services.confirm, full[1][0])
    committed(substitution.substitute, registration, name="Chris", email="chris@example.org",
              consent=True)
    return 2, 1


def path_erasure(full, committed, client):
    committed(privacy_ops.erase_person, "p0@example.org")
    return 2, 0


def path_group_waitlist_rest(full, committed, client):
    option, _people = full
    committed(services.cancel, full[1][2])
    RegistrationOption.objects.filter(pk=option.pk).update(capacity=3)
    committed(services.register_group, option, contact_name="Erika",
              contact_email="erika@example.org", consent=True,
              when_full=GroupWhenFull.WAITLIST_REST,
              participants=[{"name": f"G{n}", "email": f"g{n}@example.org"} for n in range(3)])
    return 3, 2


def path_group_all_or_nothing_refused(full, committed, client):
    option, _people = full
    with pytest.raises(services.RegistrationError):
        committed(services.register_group, option, contact_name="Erika",
                  contact_email="erika@example.org", consent=True,
                  when_full=GroupWhenFull.ALL_OR_NOTHING,
                  participants=[{"name": "G", "email": "g@example.org"}])
    return 2, 1


def path_deleted_registration(full, committed, client):
    full[1][0].delete()
    full[1][2].delete()
    return 1, 0


def path_moved_to_another_option(full, committed, client):
    option, people = full
    other = RegistrationOption.objects.create(occurrence=option.occurrence, kind="attendee",
                                              part="online", capacity=5)
    Registration.objects.filter(pk=people[0].pk).update(option=other)
    assert counts.recount([other.pk], fix=False) == {}
    assert RegistrationOption.objects.get(pk=other.pk).places_held == 1
    return 1, 1


def path_state_changed_in_bulk(full, committed, client):
    full[0].registrations.update(state=S.CANCELLED)
    return 0, 0


# Named by the module's names (the paths made by service_on_person share one function name).
PATHS = {name[len("path_"):]: value for name, value in sorted(globals().items())
         if name.startswith("path_")}


@pytest.fixture
def make_option_approval(make_option, register):
    option = make_option(capacity=2, requires_approval=True)
    return option, register(option)


@pytest.mark.parametrize("path", list(PATHS.values()), ids=list(PATHS))
def test_every_path_keeps_the_counters_equal_to_the_real_counts(path, request, committed, client):
    needs = "make_option_approval" if path is path_approve else "full"
    setup = request.getfixturevalue(needs)
    held, waitlisted = path(setup, committed, client)
    option = in_step(setup[0])
    assert (option.places_held, option.places_waiting) == (held, waitlisted)


def test_an_editor_saving_an_old_copy_of_the_option_keeps_the_counters(make_option, register):
    option = make_option(capacity=3)
    stale = RegistrationOption.objects.get(pk=option.pk)
    register(option)
    register(option)
    stale.capacity = 4
    stale.save()
    option = in_step(option)
    assert (option.capacity, option.places_held) == (4, 2)


def test_the_lock_holder_reads_the_counter_and_the_date_fills_exactly(make_option, register):
    option = make_option(capacity=2, waitlist_enabled=False)
    register(option)
    register(option)
    with pytest.raises(services.RegistrationError) as refused:
        register(option)
    assert refused.value.code == "full"
    with pytest.raises(services.RegistrationError) as refused:
        register(option, email="person1@example.org")
    assert refused.value.code == "duplicate"  # "already registered" wins over "full"


def test_recount_repairs_a_drifted_counter(make_option, register):
    option = make_option(capacity=3)
    register(option)
    RegistrationOption.objects.filter(pk=option.pk).update(places_held=0, places_waiting=4)
    assert counts.recount([option.pk], fix=False) == {option.pk: ((0, 4), (1, 0))}
    assert counts.recount([option.pk]) == {option.pk: ((0, 4), (1, 0))}
    assert in_step(option).places_held == 1


def test_the_recount_command_reports_and_fixes_a_drifted_counter(make_option, register):
    from django.core.management import CommandError, call_command

    option = make_option(capacity=3)
    register(option)
    RegistrationOption.objects.filter(pk=option.pk).update(places_held=5)
    with pytest.raises(CommandError):
        call_command("recount_places")
    call_command("recount_places", "--fix")
    assert in_step(option).places_held == 1
    call_command("recount_places")  # in step now: no error


def test_triggers_lost_in_a_table_rebuild_come_back_after_migrate(make_option, register):
    """SQLite rebuilds a table that a migration alters, without its triggers: post_migrate
    (counts.ensure_triggers) puts them back and recounts."""
    from django.db import connection

    option = make_option(capacity=3)
    with connection.cursor() as cursor:
        for name in counts.TRIGGER_NAMES:
            cursor.execute(f"DROP TRIGGER {name} ON events_registration"
                           if connection.vendor == "postgresql" else f"DROP TRIGGER {name}")
    assert not counts.triggers_installed(connection)
    register(option)  # not counted: no trigger
    counts.ensure_triggers(using="default")
    assert counts.triggers_installed(connection)
    register(option)
    assert in_step(option).places_held == 2


def test_without_triggers_the_services_count_under_the_lock(make_option, client, monkeypatch):
    """A database without the counters' triggers (the plugin installed on MySQL, say) still
    never overbooks: the lock holder counts. Simulated by dropping the triggers on SQLite."""
    from django.db import connection

    option = make_option(capacity=2)
    option.waitlist_enabled = False
    option.save()
    with connection.cursor() as cursor:
        for name in counts.TRIGGER_NAMES:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}" + (
                " ON events_registration" if connection.vendor == "postgresql" else ""))
    monkeypatch.setattr(counts, "TRIGGER_VENDORS", ())
    try:
        answers = [_api(client, option, f"n{n}@example.org").status_code for n in range(4)]
        assert answers[:2] == [201, 201] and set(answers[2:]) == {409}
        assert option.registrations.filter(state__in=counts.HOLDING_STATES).count() == 2
    finally:
        counts.install_triggers(connection)
