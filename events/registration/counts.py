"""Counts of held places for page views, which never wait on the registration locks: the
option's counters where the database keeps them (a plain read, never blocked by a row lock),
else a cached count."""

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count, Q

from events.models.registrations import HOLDING_STATES, Registration, RegistrationState

from . import conf
from .signals import counts_changed


def _key(option_id):
    return f"events:registration:counts:{option_id}"


def _store_count(option_id):
    # One query for both numbers (this runs after every registration).
    counts = Registration.objects.filter(option_id=option_id).aggregate(
        held=Count("pk", filter=Q(state__in=HOLDING_STATES)),
        waitlisted=Count("pk", filter=Q(state=RegistrationState.WAITLISTED)),
    )
    cache.set(_key(option_id), counts, conf.get("REGISTRATION_COUNT_CACHE_SECONDS"))
    return counts


def refresh_count(option_id, counts=None):
    """After registrations changed: tell page caches that "places left" moved and, where the
    database keeps no counters, store the new counts (recounted unless the caller counted them
    under the option's lock)."""
    if not counters_kept(connections[DEFAULT_DB_ALIAS]):
        if counts is None:
            counts = _store_count(option_id)
        else:
            cache.set(_key(option_id), counts, conf.get("REGISTRATION_COUNT_CACHE_SECONDS"))
    counts_changed.send(sender=Registration, option_id=option_id)
    return counts


def cached_counts(option_id):
    counts = cache.get(_key(option_id))
    if counts is None:
        counts = _store_count(option_id)
    return counts


def counts_of(option):
    """{"held", "waitlisted"} of an option as read from the database with it: its counters
    where the triggers keep them (no cache call per option of a listing), else the cache."""
    if counters_kept(connections[option._state.db or DEFAULT_DB_ALIAS]):
        return {"held": option.places_held, "waitlisted": option.places_waiting}
    return cached_counts(option.pk)


def remaining(option):
    return max(0, option.capacity - counts_of(option)["held"])


# The option's counters (RegistrationOption.places_held / .places_waiting) ---------------------
#
# Database triggers on the registrations table keep them in step with every insert, delete and
# change of state or option, in the same transaction as the change: the services, the admin,
# the erasure, the substitution and any future path alike, so none of them can forget it. The
# services hold the option's row lock while they change its registrations; the trigger then
# updates a row the transaction already holds.

TRIGGER_VENDORS = ("postgresql", "sqlite")


def counters_kept(connection):
    """Whether the database keeps the counters (triggers exist for PostgreSQL and SQLite only);
    on any other database the services count under the lock instead."""
    return connection.vendor in TRIGGER_VENDORS


def held_and_waiting(option, connection):
    """(held, waiting) of an option whose row the caller has locked: its counters where the
    triggers keep them, else counted."""
    if counters_kept(connection):
        return option.places_held, option.places_waiting
    counted = Registration.objects.filter(option_id=option.pk).aggregate(
        held=Count("pk", filter=Q(state__in=HOLDING_STATES)),
        waitlisted=Count("pk", filter=Q(state=RegistrationState.WAITLISTED)))
    return counted["held"], counted["waitlisted"]


def _states(states):
    return ", ".join(f"'{state.value}'" for state in states)


HELD = _states(HOLDING_STATES)
WAITING = f"'{RegistrationState.WAITLISTED.value}'"
TRIGGER_NAMES = ("events_registration_counts_insert", "events_registration_counts_update",
                 "events_registration_counts_delete")

POSTGRESQL_TRIGGERS = f"""
CREATE OR REPLACE FUNCTION events_registration_counts() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE events_registrationoption
           SET places_held = places_held - (OLD.state IN ({HELD}))::int,
               places_waiting = places_waiting - (OLD.state = {WAITING})::int
         WHERE id = OLD.option_id AND (OLD.state IN ({HELD}) OR OLD.state = {WAITING});
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE events_registrationoption
           SET places_held = places_held + (NEW.state IN ({HELD}))::int,
               places_waiting = places_waiting + (NEW.state = {WAITING})::int
         WHERE id = NEW.option_id AND (NEW.state IN ({HELD}) OR NEW.state = {WAITING});
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS events_registration_counts_insert ON events_registration;
DROP TRIGGER IF EXISTS events_registration_counts_update ON events_registration;
DROP TRIGGER IF EXISTS events_registration_counts_delete ON events_registration;
CREATE TRIGGER events_registration_counts_insert AFTER INSERT ON events_registration
    FOR EACH ROW EXECUTE FUNCTION events_registration_counts();
CREATE TRIGGER events_registration_counts_update AFTER UPDATE OF state, option_id
    ON events_registration FOR EACH ROW
    WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.option_id IS DISTINCT FROM NEW.option_id)
    EXECUTE FUNCTION events_registration_counts();
CREATE TRIGGER events_registration_counts_delete AFTER DELETE ON events_registration
    FOR EACH ROW EXECUTE FUNCTION events_registration_counts();
"""


def _sqlite_change(row, sign):
    return f"""UPDATE events_registrationoption
           SET places_held = places_held {sign} ({row}.state IN ({HELD})),
               places_waiting = places_waiting {sign} ({row}.state = {WAITING})
         WHERE id = {row}.option_id AND ({row}.state IN ({HELD}) OR {row}.state = {WAITING});"""


SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS events_registration_counts_insert AFTER INSERT
        ON events_registration BEGIN {_sqlite_change("NEW", "+")} END""",
    f"""CREATE TRIGGER IF NOT EXISTS events_registration_counts_update AFTER UPDATE OF
        state, option_id ON events_registration
        WHEN OLD.state IS NOT NEW.state OR OLD.option_id IS NOT NEW.option_id
        BEGIN {_sqlite_change("OLD", "-")} {_sqlite_change("NEW", "+")} END""",
    f"""CREATE TRIGGER IF NOT EXISTS events_registration_counts_delete AFTER DELETE
        ON events_registration BEGIN {_sqlite_change("OLD", "-")} END""",
]


def triggers_installed(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname = ANY(%s)",
                           [list(TRIGGER_NAMES)])
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                           f"({', '.join(['%s'] * len(TRIGGER_NAMES))})", list(TRIGGER_NAMES))
        else:
            return True
        return cursor.fetchone()[0] == len(TRIGGER_NAMES)


def install_triggers(connection):
    """Create (or replace) the triggers; other databases than PostgreSQL and SQLite: none."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_TRIGGERS)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_TRIGGERS:
                cursor.execute(statement)


def recount(option_ids=None, *, fix=True):
    """Compare the options' counters with their registrations; with `fix`, store the real
    counts. Returns {option id: ((held, waitlisted) stored, (held, waitlisted) counted)} for
    the options that differed (empty: all in step)."""
    from django.db import transaction

    from events.models import RegistrationOption

    options = RegistrationOption.objects.order_by("pk")
    if option_ids is not None:
        options = options.filter(pk__in=option_ids)
    wrong = {}
    with transaction.atomic():
        if fix:  # the services' row locks: no registration changes while we count
            list(options.select_for_update().values_list("pk", flat=True))
        counted = options.annotate(
            real_held=Count("registrations", filter=Q(registrations__state__in=HOLDING_STATES)),
            real_waitlisted=Count("registrations", filter=Q(
                registrations__state=RegistrationState.WAITLISTED)),
        ).values_list("pk", "places_held", "places_waiting", "real_held", "real_waitlisted")
        for pk, held, waitlisted, real_held, real_waitlisted in counted:
            if (held, waitlisted) != (real_held, real_waitlisted):
                wrong[pk] = ((held, waitlisted), (real_held, real_waitlisted))
                if fix:
                    RegistrationOption.objects.filter(pk=pk).update(
                        places_held=real_held, places_waiting=real_waitlisted)
    return wrong


def ensure_triggers(sender=None, using="default", **kwargs):
    """post_migrate: SQLite rebuilds a table it alters (and drops its triggers with it); put
    them back and recount what changed meanwhile."""
    from django.db import connections

    connection = connections[using]
    tables = connection.introspection.table_names()
    if "events_registration" not in tables or "events_registrationoption" not in tables:
        return  # migrated backwards
    columns = {c.name for c in connection.introspection.get_table_description(
        connection.cursor(), "events_registrationoption")}
    if "places_held" in columns and not triggers_installed(connection):
        install_triggers(connection)
        recount()
