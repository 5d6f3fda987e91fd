"""Record the anonymous statistics of registrations that have none yet (safe to repeat)."""

from django.core.management.base import BaseCommand

from events.registration.statistics import record_missing


class Command(BaseCommand):
    help = ("Record the anonymous funder statistics of registrations that still hold their data "
            "and have no statistics row yet (e.g. rows written outside the registration engine).")

    def handle(self, *args, **options):
        count = record_missing()
        self.stdout.write(f"Recorded statistics of {count} registration(s).")
