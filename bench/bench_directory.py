"""Directory page: query count and render time for 10 and 200 centres (should not grow with rows).

Run: DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python bench/bench_directory.py
"""

import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def build(index, start, count, terms, districts):
    from directory.models import CentreHoursException, CentreOpeningHours, CentrePage

    for n in range(start, start + count):
        page = CentrePage(title=f"Beratungsstelle {n:03}", slug=f"centre-{n:03}", city="Leipzig",
                          street=f"Beispielstraße {n}", postal_code="04109",
                          latitude="51.33", longitude="12.37", district=districts[n % len(districts)])
        page.hours_of_operation = [CentreOpeningHours(day=d, opening_time=datetime.time(9),
                                                      closing_time=datetime.time(16)) for d in range(5)]
        page.hours_exceptions = [CentreHoursException(date=datetime.date(2026, 12, 25), closed=True)]
        page.services = terms["services"]
        page.languages = terms["languages"]
        page.target_groups = terms["groups"]
        page.regions = [districts[n % len(districts)]]
        index.add_child(instance=page)
        page.save_revision().publish()


def measure(client, url, runs=5):
    client.get(url)  # warm caches
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper counts every query; the request_started signal cannot reset it.
    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert b"Beratungsstelle 000" in response.content
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - started)
    return len(queries), sorted(timings)[len(timings) // 2] * 1000


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from wagtail.models import Locale, Site

        from directory.models import (
            CounsellingLanguage,
            DirectoryIndexPage,
            District,
            Service,
            TargetGroup,
        )

        de = Locale.objects.get(language_code="de")
        home = Site.objects.get(is_default_site=True).root_page
        index = DirectoryIndexPage(title="Beratungsstellen", slug="beratungsstellen")
        home.add_child(instance=index)
        index.save_revision().publish()
        terms = {
            "services": [Service.objects.create(slug=f"s{i}", name=f"Service {i}", locale=de) for i in range(3)],
            "languages": [CounsellingLanguage.objects.create(slug=f"l{i}", name=f"Sprache {i}", locale=de)
                          for i in range(4)],
            "groups": [TargetGroup.objects.create(slug=f"g{i}", name=f"Gruppe {i}", locale=de) for i in range(2)],
        }
        districts = list(District.objects.all())
        client = Client()
        url = "/de/beratungsstellen/"
        results = {}
        build(index, 0, 10, terms, districts)
        results[10] = measure(client, url)
        build(index, 10, 190, terms, districts)
        results[200] = measure(client, url)
        for count, (queries, ms) in results.items():
            sys.stdout.write(f"directory page, {count:>3} centres: {queries:>3} queries, {ms:7.1f} ms (median)\n")
        (q10, t10), (q200, t200) = results[10], results[200]
        sys.stdout.write(f"ratio 200/10: queries x{q200 / q10:.2f}, time x{t200 / t10:.2f}\n")
        sys.stdout.write(f"filtered (?language=l1&district={districts[0].slug}): "
                         f"{measure(client, url + f'?language=l1&district={districts[0].slug}')[0]} queries\n")
        if q200 > q10:
            sys.stderr.write("FAIL: the query count grows with the number of centres\n")
            return 1
        return 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
