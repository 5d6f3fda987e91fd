"""Public pages of the demo content: SQL queries and time rendered (page cache off) and served
from the page cache, and the ratio cached / rendered. Target (issue 16): ≤ 12 queries rendered.
The centres page shows "open now" and answers `Cache-Control: no-cache`: it is never cached
(directory/models/pages.py), so its two times are alike."""

from _setup import best_of, count_queries, setup_django

teardown = setup_django()

from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

call_command("load_demo_content", verbosity=0)
client = Client()
paths = {"home (de)": "/de/", "home (en)": "/en/", "home (ar)": "/ar/",
         "action area (de)": "/de/anerkennungsberatung/",
         "report (de)": "/de/interkulturelle-kompetenz/regionalworkshop-meissen/",
         "events (de)": "/de/veranstaltungen/",
         "job fair (de)": "/de/jobmessen/bewerbertag-bau-2016/",
         "centres (de)": "/de/beratungsstellen/"}

print(f"{'page':<20}{'queries':>8}{'rendered ms':>13}{'cached ms':>11}{'ratio':>8}")
for label, path in paths.items():
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert client.get(path).status_code == 200, path  # warm templates and site caches
        with count_queries() as counted:
            client.get(path)
        rendered = best_of(lambda path=path: client.get(path), repeat=10)
    client.get(path)  # into the page cache
    cached = best_of(lambda path=path: client.get(path), repeat=10)
    print(f"{label:<20}{counted['queries']:>8}{rendered * 1000:>13.1f}{cached * 1000:>11.1f}"
          f"{cached / rendered:>8.2f}")
teardown()
