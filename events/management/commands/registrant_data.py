"""Data-subject requests: export (JSON) or erase everything stored about one e-mail address."""

import json

from django.core.management.base import BaseCommand, CommandError

from events.registration.privacy_ops import erase_person, export_person


class Command(BaseCommand):
    help = "Export (--export) or erase (--erase) the registrations of one e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--export", action="store_true")
        group.add_argument("--erase", action="store_true")

    def handle(self, *args, email, export, erase, **options):
        if export:
            self.stdout.write(json.dumps(export_person(email), indent=2, ensure_ascii=False))
        elif erase:
            count = erase_person(email)
            self.stdout.write(f"Erased {count} registration(s) of this address.")
        else:  # pragma: no cover - argparse enforces one of them
            raise CommandError("--export or --erase")
