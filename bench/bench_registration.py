"""Registrations per second on PostgreSQL at 1 and 20 concurrent clients, and overbooking (must be 0)."""

import os
import sys
import threading
import time

if "postgres" not in os.environ.get("DATABASE_URL", ""):
    print("bench_registration: skipped – needs PostgreSQL (set DATABASE_URL=postgres://…)")
    sys.exit(0)

from _setup import setup_django  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
teardown = setup_django()

import datetime  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.models import EventIndexPage, EventPage, Occurrence, RegistrationOption  # noqa: E402
from events.models.registrations import HOLDING_STATES  # noqa: E402
from events.registration import services  # noqa: E402

call_command("migrate", verbosity=0)
home = EventIndexPage.objects.first()
if home is None:
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page
    home = root.add_child(instance=EventIndexPage(title="Bench", slug="bench-events"))


def make_option(capacity):
    start = timezone.now() + datetime.timedelta(days=7)
    page = EventPage(title="Bench", slug=f"bench-{time.time_ns()}", summary="Bench")
    page.occurrences = [Occurrence(start=start, end=start + datetime.timedelta(hours=2))]
    home.add_child(instance=page)
    return RegistrationOption.objects.create(occurrence=page.occurrences.first(),
                                             kind="attendee", capacity=capacity)


def run(clients, per_client=40, capacity=200):
    option = make_option(capacity)
    barrier = threading.Barrier(clients)
    errors = []

    def worker(index):
        barrier.wait()
        for n in range(per_client):
            try:
                services.register(option, name="Bench", email=f"c{index}-{n}@example.org",
                                  consent=True)
            except services.RegistrationError as error:
                errors.append(error.code)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    [t.start() for t in threads]
    [t.join() for t in threads]
    seconds = time.perf_counter() - started
    held = option.registrations.filter(state__in=HOLDING_STATES).count()
    return clients * per_client / seconds, max(0, held - capacity), len(errors)


print(f"{'clients':>8}{'regs/s':>10}{'overbooked':>12}{'errors':>8}")
for clients in (1, 20):
    rate, overbooked, errors = run(clients)
    print(f"{clients:>8}{rate:>10.1f}{overbooked:>12}{errors:>8}")
teardown()
