"""Training programme page: SQL queries and render time for 5 and for 50 modules (two
sessions each, with participant places), rendered (the page cache off); the query count must
not grow with the modules."""

import datetime

from _setup import best_of, count_queries, setup_django

teardown = setup_django()

from django.conf import settings  # noqa: E402

settings.PAGE_CACHE_SECONDS = 0  # rendering, not the page cache's hits

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402

from events.models import Audience, Occurrence, Venue  # noqa: E402
from trainings.models import TrainingModulePage, TrainingProgrammePage  # noqa: E402

client = Client()
PATHS = {"programme": "/de/schulungen/", "filtered": "/de/schulungen/?audience=sme&upcoming=on",
         "module": None}


def programme():
    home = Site.objects.get(is_default_site=True).root_page
    page = TrainingProgrammePage.objects.child_of(home).first()
    if page is None:
        page = TrainingProgrammePage(title="Interkulturelle Schulung", slug="schulungen")
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def build_modules(count, prefix):
    parent = programme()
    locale = Locale.get_default()
    audience, _ = Audience.objects.get_or_create(slug="sme", locale=locale,
                                                 defaults={"name": "KMU"})
    venue, _ = Venue.objects.get_or_create(name="Tagungsraum", locale=locale,
                                           defaults={"city": "Leipzig"})
    now = timezone.now()
    for number in range(count):
        start = now + datetime.timedelta(days=7 + number)
        page = TrainingModulePage(
            title=f"Modul {prefix} {number}", slug=f"{prefix}-{number}", summary="Kurz.",
            topic="knowledge_transfer", venue=venue, max_group_size=16)
        page.audiences = [audience]
        page.occurrences = [Occurrence(start=start + datetime.timedelta(days=30 * i),
                                       end=start + datetime.timedelta(days=30 * i, hours=6))
                            for i in range(2)]
        parent.add_child(instance=page)
        page.save_revision().publish()  # creates the participant places
        parent.refresh_from_db()
    PATHS["module"] = TrainingModulePage.objects.live().first().url


def measure(path):
    client.get(path)  # warm the caches
    with count_queries() as result:
        assert client.get(path).status_code == 200
    return result["queries"]


if __name__ == "__main__":
    build_modules(5, "five")
    small = {label: measure(path) for label, path in PATHS.items()}
    build_modules(45, "many")
    large = {label: measure(path) for label, path in PATHS.items()}
    print(f"{'SQL queries':<16}{'5 modules':>10}{'50 modules':>12}{'ms (50)':>10}")
    for label, path in PATHS.items():
        seconds = best_of(lambda path=path: client.get(path), repeat=3)
        print(f"{label:<16}{small[label]:>10}{large[label]:>12}{seconds * 1000:>10.0f}")
    teardown()
