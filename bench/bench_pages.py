"""Home page and action-area page: SQL queries and render time, as figures and a ratio."""

from _setup import best_of, count_queries, setup_django

teardown = setup_django()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

call_command("load_demo_content", verbosity=0)
client = Client()
paths = {"home (de)": "/de/", "home (en)": "/en/", "action area (de)": "/de/anerkennungsberatung/",
         "report (de)": "/de/fachkraeftenetzwerke/bewerbertag-bau-2016/"}

client.get("/de/")  # warm caches and template loading
baseline = None
print(f"{'page':<22}{'queries':>8}{'best ms':>10}{'ratio':>8}")
for label, path in paths.items():
    with count_queries() as counted:
        assert client.get(path).status_code == 200
    seconds = best_of(lambda path=path: client.get(path), repeat=10)
    baseline = baseline or seconds
    print(f"{label:<22}{counted['queries']:>8}{seconds * 1000:>10.1f}{seconds / baseline:>8.2f}")
teardown()
