"""Event listing and home page: SQL queries and render time (page and feed caches off) for 10
and for 1,000 events."""

from _setup import best_of  # noqa: I001
from bench_feeds import (  # sets up Django and the DB
    build_events, client, measure, no_response_cache, teardown)

PATHS = {"listing": "/de/veranstaltungen/", "listing, page 5": "/de/veranstaltungen/?page=5",
         "listing, past": "/de/veranstaltungen/?view=past", "home": "/de/",
         "feed": "/feeds/events.ics"}

if __name__ == "__main__":
    build_events(10, prefix="ten")
    small = {label: measure(path) for label, path in PATHS.items()}
    build_events(990, prefix="many")
    large = {label: measure(path) for label, path in PATHS.items()}
    print(f"{'SQL queries':<20}{'10 events':>10}{'1,000 events':>14}{'ms (1,000)':>12}")
    for label, path in PATHS.items():
        seconds = best_of(no_response_cache(lambda path=path: client.get(path)), repeat=3)
        print(f"{label:<20}{small[label]:>10}{large[label]:>14}{seconds * 1000:>12.0f}")
    teardown()
