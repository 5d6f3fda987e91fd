"""API listing of 1,000 dates: SQL queries for 10 vs 1,000 events (constant), and the time of
the API listing (first page and all 1,000 dates in pages of 100) as a ratio against the HTML
listing of the same dates. The times are those of answers from the shared cache (anonymous
GETs are cached); the query counts are those of the first, rendered answer.

SQLite, 1,000 events, queries (10 events = 1,000 events) and best ms of 3:

| run (issue 16)                      | pages, events | pages, events, * | date range | 1st page API/HTML |
|-------------------------------------|---------------|------------------|------------|-------------------|
| before: site, restrictions, count   | 5             | 9                | 7          | 1.09              |
| after: conditions of one query      | 2 (0.5 ms)    | 6 (0.4 ms)       | 4 (0.8 ms) | 0.62              |
"""

from _setup import best_of  # noqa: I001
from bench_feeds import build_events, client, measure, teardown  # sets up Django and the DB

PATHS = {
    "API occurrences": "/api/v2/occurrences/",
    "API occurrences, 100": "/api/v2/occurrences/?limit=100",
    "API occurrences, p.10": "/api/v2/occurrences/?limit=100&offset=900",
    "API pages, events": "/api/v2/pages/?type=events.EventPage&limit=100",
    "API pages, events, *": "/api/v2/pages/?type=events.EventPage&fields=*&limit=20",
    "API pages, date range": "/api/v2/pages/?date_from=2000-01-01&limit=100",
    "HTML listing": "/de/veranstaltungen/",
}


def all_api_pages():
    for offset in range(0, 1000, 100):
        assert client.get(f"/api/v2/occurrences/?limit=100&offset={offset}").status_code == 200


def all_html_pages():
    for number in range(1, 51):  # 20 dates per page
        assert client.get(f"/de/veranstaltungen/?page={number}").status_code == 200


if __name__ == "__main__":
    build_events(10, prefix="ten")
    small = {label: measure(path) for label, path in PATHS.items()}
    build_events(990, prefix="many")
    large = {label: measure(path) for label, path in PATHS.items()}
    assert client.get("/api/v2/occurrences/").json()["meta"]["total_count"] == 1000
    print(f"{'SQL queries':<24}{'10 events':>10}{'1,000 events':>14}{'ms (1,000)':>12}")
    timings = {}
    for label, path in PATHS.items():
        timings[label] = best_of(lambda path=path: client.get(path), repeat=3)
        print(f"{label:<24}{small[label]:>10}{large[label]:>14}{timings[label] * 1000:>12.1f}")
    html = timings["HTML listing"]
    print(f"\nFirst page, API (20) / HTML (20):   "
          f"{timings['API occurrences'] / html:.2f}")
    print(f"First page, API (100) / HTML (20):  "
          f"{timings['API occurrences, 100'] / html:.2f}")
    api_all = best_of(all_api_pages, repeat=2)
    html_all = best_of(all_html_pages, repeat=2)
    print(f"All 1,000 dates: API 10 x 100 {api_all * 1000:.0f} ms, HTML 50 x 20 "
          f"{html_all * 1000:.0f} ms, ratio {api_all / html_all:.2f}")
    teardown()
