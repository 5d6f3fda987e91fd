"""Requests per second over HTTP, side by side with a bare Django view served the same way.

gunicorn with 2 workers on a free port, the demo content in a throwaway database (SQLite; with
DATABASE_URL=postgres://… a fresh PostgreSQL database, and REDIS_URL for the cache), the site's
whole middleware stack for every row. A small load generator (threads, http.client) runs each
URL for BENCH_SECONDS (default 3) with BENCH_CLIENTS (default 8) clients.
"""

import os

from _server import BARE, get, gunicorn, load

SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))


def main():
    with gunicorn(workers=2, commands=[["load_demo_content", "-v0"]]) as server:
        port = server.port
        rows = [
            ("bare Django view", BARE, False),
            ("page, cached", "/de/", False),
            ("page, uncached", "/de/", True),
            ("occurrences API", "/api/v2/occurrences/", False),
            ("calendar feed", "/feeds/events.ics", False),
        ]
        for _label, path, _unique in rows:  # warm both workers and their caches
            for _n in range(4):
                get(port, path)
        cached = get(port, "/de/")[0].getheader("X-Cache")
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
        print(f"gunicorn, 2 workers, {CLIENTS} clients, {SECONDS:g} s each; {server.database}, "
              f"{cache} cache; /de/ answers X-Cache: {cached}")
        print(f"{'':<20}{'req/s':>9}{'ratio':>8}{'errors':>8}")
        bare = None
        for label, path, unique in rows:
            rate, failed = load(port, path, CLIENTS, SECONDS, unique)
            bare = bare or rate
            print(f"{label:<20}{rate:>9.1f}{rate / bare:>8.2f}{failed:>8}")


if __name__ == "__main__":
    main()
