"""Registrations per second over HTTP (the JSON API) on PostgreSQL, and the invariants.

gunicorn (BENCH_WORKERS, default 4, each with BENCH_THREADS threads, default 4) against a fresh
PostgreSQL database beside DATABASE_URL's and the cache at REDIS_URL (local memory without it:
then each worker has its own cache, which only the idempotency replay would notice). 50 client
threads (BENCH_REG_CLIENTS) post registrations with an Idempotency-Key and retry a 503 ("busy")
with the same key, first spread over 10 dates, then all on one date. Each date has fewer places
than attempts and no waiting list, so the capacity is really contested. Printed: accepted
registrations per second, and the invariants, which must all be 0: overbooked (held places
beyond the capacity), lost (a 201 whose reference is not stored), duplicated (two stored rows
for one attempt, or stored rows that no 201 announced).

Figures (2 cores shared by 8 sessions; the load average says how shared; ratio = accepted/s
÷ the bare view's req/s in the same run). Under a load of 11 the ratios are noise (PostgreSQL
is shared too, the bare view is not): bench_registration_profile.py counts queries and Python
calls of one request instead.

    run (date, load)                    10 dates        1 date    bare view  queries/registration
    before, 3 Dec 13:53, load 3         59.4/s 0.057    47.1/s 0.045   1051/s   11 (4 under the lock)
    before, 3 Dec 14:44, load 11        27.7/s 0.033    34.4/s 0.041    831/s   11
    after,  3 Dec 14:41, load 11        28.4/s 0.021    21.3/s 0.016   1345/s    9 (4 under the lock)
    before, 3 Dec 17:58, load 7→10      38.3/s 0.034    21.4/s 0.019   1123/s    8 (4 under the lock)
    after,  3 Dec 18:01, load 10→8      58.2/s 0.085    56.1/s 0.082    687/s    6 (4 under the lock)
    after,  3 Dec 18:30, load 3.9→4.8   96.0/s 0.113    98.1/s 0.115    850/s    6 (4 under the lock)
    target                             200/s           100/s            –        –

0 overbooked, 0 lost, 0 duplicated in every run. "after": the questions come with the option
(2 queries fewer, no specific page load; 40.6k → 37.0k Python calls per request), and the
form's, staff's and tests' statistics reads moved out of the lock (4 statements under it, not 5–6).
"after" of 18:01 (4 workers × 4 threads): the option's counters of held and waiting places
(kept by database triggers) replace the COUNT under the lock, the unique constraint the
duplicate query, lock_timeout is set once per connection instead of SET LOCAL per request, and
the e-mail task row is written in the registration's transaction (no second commit); 33.6k
Python calls per request. Workers × threads in the same session (after / before, 10 dates and
1 date): 2 × 8 64.3/41.5 vs 52.9/42.7, 3 × 6 58.6/46.4; 4 × 4 (the default) gave the best
single-date figure. About half of a request's Python time is reading the option
(sources.public_option_by_id: compiling its subqueries), the next thing to cut.
"after" of 18:30 (4 × 4): the option's query of the API and the row-lock read of the service
are compiled once per database connection (events/registration/prepared.py) and only run with
each request's values: 33.6k → 12.0k Python calls per request (bench_registration_profile).
"""

import http.client
import json
import os
import sys
import threading
import time

if "postgres" not in os.environ.get("DATABASE_URL", ""):
    print("bench_registration_http: skipped – needs PostgreSQL (set DATABASE_URL=postgres://…)")
    sys.exit(0)

from _server import BARE, get, gunicorn, load  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_REG_CLIENTS", "50"))
PER_CLIENT = int(os.environ.get("BENCH_REG_PER_CLIENT", "20"))
WORKERS = os.environ.get("BENCH_WORKERS", "4")
THREADS = os.environ.get("BENCH_THREADS", "4")
BARE_SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
RUN = time.time_ns()  # Idempotency-Keys of an earlier run may still be in Redis

SETTINGS = '''
from cms.settings.test import *  # noqa: F401,F403

ROOT_URLCONF = "bench_http_urls"
DEBUG = False
# As in production: e-mails wait in the database for a worker; no rate limit (one test client).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
REGISTRATION_RATE_LIMIT = "0"
API_WRITE_RATE_LIMIT = "0"
# A 500 prints its traceback on the server's stderr.
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}}}
'''
# Run inside the app's environment: n dates with one attendee option each; prints their ids.
MAKE_DATES = '''
import datetime, json, sys, time
import django
django.setup()
from django.utils import timezone
from wagtail.models import Site
from events.models import EventIndexPage, EventPage, Occurrence, RegistrationOption

count, capacity = int(sys.argv[1]), int(sys.argv[2])
index = EventIndexPage.objects.first()
if index is None:
    root = Site.objects.get(is_default_site=True).root_page
    index = root.add_child(instance=EventIndexPage(title="Bench", slug="bench-events"))
ids = []
for n in range(count):
    start = timezone.now() + datetime.timedelta(days=7 + n)
    page = EventPage(title=f"Bench {n}", slug=f"bench-{time.time_ns()}", summary="Bench")
    page.occurrences = [Occurrence(start=start, end=start + datetime.timedelta(hours=2))]
    index.add_child(instance=page)
    page.save_revision().publish()
    option = RegistrationOption.objects.create(occurrence=page.occurrences.first(), kind="attendee",
                                               capacity=capacity, waitlist_enabled=False)
    ids.append([option.pk, option.occurrence_id])
print(json.dumps(ids))
'''
# Counts the invariants from the database; reads the client's results as JSON on stdin.
CHECK = '''
import json, sys
import django
django.setup()
from django.db.models import Count
from events.models import Registration, RegistrationOption
from events.models.registrations import HOLDING_STATES

data = json.load(sys.stdin)
options = RegistrationOption.objects.filter(pk__in=data["options"])
overbooked = 0
for option in options:
    held = option.registrations.filter(state__in=HOLDING_STATES).count()
    overbooked += max(0, held - option.capacity)
rows = Registration.objects.filter(option__in=options)
stored = set(rows.values_list("reference", flat=True))
announced = set(data["references"])
lost = len(announced - stored)
repeated = rows.values("occurrence_id", "email_normalised").annotate(n=Count("pk")).filter(n__gt=1).count()
duplicated = repeated + len(stored - announced) + (len(data["references"]) - len(announced))
print(json.dumps({"overbooked": overbooked, "lost": lost, "duplicated": duplicated, "stored": len(stored)}))
'''


def post(port, payload, key):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST", "/api/v2/registrations/", json.dumps(payload),
                           {"Content-Type": "application/json", "Idempotency-Key": key})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def run(port, dates, label):
    """CLIENTS threads, PER_CLIENT attempts each, client i on date i % len(dates)."""
    references, statuses, lock = [], {}, threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def client(index):
        occurrence = dates[index % len(dates)][1]
        barrier.wait()
        for n in range(PER_CLIENT):
            key = f"{RUN}-{label}-{index}-{n}"
            payload = {"occurrence": occurrence, "kind": "attendee", "name": "Bench",
                       "email": f"{key}@example.org", "consent": True}
            for _attempt in range(50):
                try:
                    status, body = post(port, payload, key)
                except OSError:
                    status, body = 0, b""
                if status not in (0, 503) and not (status == 409 and b"still being processed" in body):
                    break
                time.sleep(0.05)
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201:
                    references.append(json.loads(body)["reference"])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    [t.start() for t in threads]
    started = time.perf_counter()
    [t.join() for t in threads]
    seconds = time.perf_counter() - started
    return statuses, references, seconds


def main():
    with gunicorn(workers=WORKERS, threads=THREADS, settings=SETTINGS,
                  keep_database=bool(os.environ.get("BENCH_KEEP_DB"))) as server:
        port = server.port
        attempts = CLIENTS * PER_CLIENT
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
        print(f"gunicorn, {WORKERS} workers × {THREADS} threads, {CLIENTS} clients × "
              f"{PER_CLIENT} attempts; PostgreSQL, {cache} cache; capacity 90% of attempts")
        for _n in range(int(WORKERS) * 4):  # warm every worker (imports, connections)
            get(port, BARE)
        # The machine may be shared: the bare view, served the same way in the same run, is the
        # yardstick (ratio = accepted registrations per second ÷ bare requests per second).
        bare, _failed = load(port, BARE, CLIENTS, BARE_SECONDS)
        print(f"bare Django view: {bare:.1f} req/s")
        print(f"{'':<16}{'accepted/s':>11}{'ratio':>7}{'accepted':>9}{'full':>6}{'other':>7}"
              f"{'overbooked':>11}{'lost':>6}{'duplicated':>11}")
        for label, count in (("10 dates", 10), ("1 date", 1)):
            capacity = attempts * 9 // 10 // count
            dates = json.loads(server.script(MAKE_DATES, count, capacity))
            for _n in range(int(WORKERS) * 2):
                get(port, "/api/v2/occurrences/")
            statuses, references, seconds = run(port, dates, label.replace(" ", ""))
            check = json.loads(server.script(CHECK, stdin=json.dumps(
                {"options": [option for option, _occurrence in dates], "references": references})))
            accepted = statuses.get(201, 0)
            full = statuses.get(409, 0)
            other = sum(statuses.values()) - accepted - full
            rate = accepted / seconds
            print(f"{label:<16}{rate:>11.1f}{rate / bare:>7.3f}{accepted:>9}{full:>6}{other:>7}"
                  f"{check['overbooked']:>11}{check['lost']:>6}{check['duplicated']:>11}")
            if os.environ.get("BENCH_DEBUG"):
                print(check, statuses, len(references), len(set(references)), dates)
            if other:
                print(f"  other answers: { {k: v for k, v in statuses.items() if k not in (201, 409)} }")
        again, _failed = load(port, BARE, CLIENTS, BARE_SECONDS)
        print(f"bare Django view afterwards: {again:.1f} req/s (ratios above use the first)")


if __name__ == "__main__":
    main()
