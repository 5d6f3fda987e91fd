"""Requests per second over HTTP, side by side with a bare Django view served the same way.

gunicorn with 2 workers on a free port, the demo content in a throwaway database (SQLite; with
DATABASE_URL=postgres://… a fresh PostgreSQL database, and REDIS_URL for the cache), the site's
whole middleware stack for every row. A small load generator (threads, http.client) runs each
URL for BENCH_SECONDS (default 3) with BENCH_CLIENTS (default 8) clients.

Three servers, one after the other, each measuring the bare view too (every ratio is against
the bare view of its own server): as deployed (pages and API answers from the shared cache);
PAGE_CACHE_SECONDS=0, so every page and API answer is rendered, the items of pages listings
from the shared cache as for a listing with new filters (cms/headless/items.py); and nothing
cached (PAGE_CACHE_API_ITEM_SECONDS=0 too), every item rendered as after a publish.
Targets (issue 16): a cached page ≥ 0.5, an uncached API listing with fields=* ≥ 0.25.
"""

import os

from _server import BARE, get, gunicorn, load

SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
LISTINGS = [(f"API {name}, fields=*", f"/api/v2/pages/?type={model}&fields=*")
            for name, model in (("events", "events.EventPage"),
                                ("modules", "trainings.TrainingModulePage"),
                                ("job fairs", "jobfairs.JobFairPage"))]
CACHED = [
    ("page, cached", "/de/", False),
    ("page, new query", "/de/", True),
    ("occurrences API", "/api/v2/occurrences/", False),
    *[(label, path, False) for label, path in LISTINGS],
    ("calendar feed", "/feeds/events.ics", False),
]
UNCACHED = [
    ("page", "/de/", False),
    ("occurrences API", "/api/v2/occurrences/", False),
    *[(label, path, False) for label, path in LISTINGS],
]


def measure(title, rows, **env):
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        with gunicorn(workers=2, commands=[["load_demo_content", "-v0"]]) as server:
            port = server.port
            for _label, path, _unique in [("", BARE, False), *rows]:  # warm workers, caches
                for _n in range(4):
                    get(port, path)
            cached = get(port, "/de/")[0].getheader("X-Cache")
            cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
            print(f"{title}: gunicorn, 2 workers, {CLIENTS} clients, {SECONDS:g} s each; "
                  f"{server.database}, {cache} cache; /de/ answers X-Cache: {cached}")
            print(f"{'':<28}{'req/s':>9}{'ratio':>8}{'errors':>8}")
            bare = None
            for label, path, unique in [("bare Django view", BARE, False), *rows]:
                rate, failed = load(port, path, CLIENTS, SECONDS, unique)
                bare = bare or rate
                print(f"{label:<28}{rate:>9.1f}{rate / bare:>8.2f}{failed:>8}")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


if __name__ == "__main__":
    measure("As deployed (shared cache)", CACHED)
    measure("Every answer rendered (PAGE_CACHE_SECONDS=0), listing items from the cache",
            UNCACHED, PAGE_CACHE_SECONDS="0")
    measure("Nothing cached (PAGE_CACHE_SECONDS=0, PAGE_CACHE_API_ITEM_SECONDS=0)",
            [row for row in UNCACHED if row[0] != "page"],
            PAGE_CACHE_SECONDS="0", PAGE_CACHE_API_ITEM_SECONDS="0")
