"""Where the time of one API registration goes: its queries (with the part under the option's
row lock marked), wall time inside the lock, and a cProfile of the request (one process, no
concurrency, so the figures are not the machine's load). PostgreSQL (DATABASE_URL).

BENCH_PROFILE_REQUESTS (default 200) registrations are profiled after 20 warm-up ones;
BENCH_PROFILE_TOP (default 35) functions are printed by cumulative time.
"""

import cProfile
import io
import json
import os
import pstats
import sys
import time

if "postgres" not in os.environ.get("DATABASE_URL", ""):
    print("bench_registration_profile: skipped – needs PostgreSQL (set DATABASE_URL=postgres://…)")
    sys.exit(0)

from _setup import ROOT  # noqa: E402,F401  (puts the project on sys.path)


def setup_django():
    """Django with a throwaway test database (not serialised: nothing here restores it)."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


teardown = setup_django()

import datetime  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.models import EventIndexPage, EventPage, Occurrence, RegistrationOption  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_PROFILE_REQUESTS", "200"))
TOP = int(os.environ.get("BENCH_PROFILE_TOP", "35"))
# As in production and in bench_registration_http: e-mails wait in the database for a worker
# (override_settings tells django-tasks to drop the backend it already made).
override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
                  DEBUG=False).enable()
call_command("migrate", verbosity=0)


def make_option(capacity):
    from wagtail.models import Site

    index = EventIndexPage.objects.first()
    if index is None:
        root = Site.objects.get(is_default_site=True).root_page
        index = root.add_child(instance=EventIndexPage(title="Bench", slug="bench-events"))
    start = timezone.now() + datetime.timedelta(days=7)
    page = EventPage(title="Bench", slug=f"bench-{time.time_ns()}", summary="Bench")
    page.occurrences = [Occurrence(start=start, end=start + datetime.timedelta(hours=2))]
    index.add_child(instance=page)
    page.save_revision().publish()
    return RegistrationOption.objects.create(occurrence=page.occurrences.first(), kind="attendee",
                                             capacity=capacity, waitlist_enabled=False)


def _caller():
    """file:line of the project's code that ran a query (the innermost frame outside .venv)."""
    import traceback

    for frame in reversed(traceback.extract_stack(limit=40)):
        if ".venv" not in frame.filename and "bench_registration_profile" not in frame.filename:
            return f"{os.path.relpath(frame.filename)}:{frame.lineno}"
    return "?"


class Timeline:
    """Every query with its duration; the time from the row lock's SELECT … FOR UPDATE to the
    COMMIT of its transaction."""

    def __init__(self):
        self.queries, self.locked_since, self.in_lock = [], None, []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            ended = time.perf_counter()
            locked = self.locked_since is not None
            if "FOR UPDATE" in sql and self.locked_since is None:
                self.locked_since = ended
            self.queries.append((ended - started, locked, sql, _caller()))

    def committed(self):
        if self.locked_since is not None:
            self.in_lock.append(time.perf_counter() - self.locked_since)
            self.locked_since = None


def main():
    option = make_option(capacity=REQUESTS * 3)
    client = Client()
    url = "/api/v2/registrations/"

    def post(n, key=None):
        body = {"occurrence": option.occurrence_id, "kind": "attendee", "name": "Bench",
                "email": f"p{n}-{time.time_ns()}@example.org", "consent": True}
        headers = {"Idempotency-Key": key} if key else {}
        response = client.post(url, json.dumps(body), content_type="application/json",
                               headers=headers)
        assert response.status_code == 201, response.content

    for n in range(20):
        post(n, key=f"warm-{n}-{time.time_ns()}")
    timeline = Timeline()
    # The COMMIT is not a query Django's wrappers see: take the lock's end from the commit hook.
    original_commit = connection.commit

    def commit():
        original_commit()
        timeline.committed()

    connection.commit = commit
    with connection.execute_wrapper(timeline):
        started = time.perf_counter()
        for n in range(REQUESTS):
            post(n, key=f"k-{n}-{time.time_ns()}")
        elapsed = time.perf_counter() - started
    per_request = elapsed / REQUESTS
    queries = timeline.queries
    print(f"{REQUESTS} registrations through the API, one at a time: {per_request * 1000:.2f} ms "
          f"each ({1 / per_request:.0f}/s for one client)")
    print(f"queries per registration: {len(queries) / REQUESTS:.1f} "
          f"({sum(1 for q in queries if q[1]) / REQUESTS:.1f} under the row lock), "
          f"{sum(q[0] for q in queries) / REQUESTS * 1000:.2f} ms in the database")
    if timeline.in_lock:
        held = sorted(timeline.in_lock)
        print(f"row lock held (FOR UPDATE to COMMIT): median {held[len(held) // 2] * 1000:.2f} ms, "
              f"90th percentile {held[len(held) * 9 // 10] * 1000:.2f} ms")
    print("\nthe last registration's queries (ms, * = under the row lock):")
    last = queries[-int(len(queries) / REQUESTS):]
    for seconds, locked, sql, caller in last:
        print(f"  {seconds * 1000:6.2f} {'*' if locked else ' '} {sql[:70]:<70} {caller}")
    connection.commit = original_commit

    profiler = cProfile.Profile()
    profiler.enable()
    for n in range(REQUESTS):
        post(n, key=f"p-{n}-{time.time_ns()}")
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(TOP)
    # The project's own functions and the libraries' entry points it calls, by cumulative time.
    stats.sort_stats("cumulative").print_stats(
        r"(events|cms|wagtail/log_actions|rest_framework/serializers|django/forms/forms"
        r"|django_tasks|redis/client|django/core/cache)", TOP)
    print(f"\ncProfile of {REQUESTS} registrations, by cumulative time:")
    print(out.getvalue())


try:
    main()
finally:
    connection.close()
    teardown()
