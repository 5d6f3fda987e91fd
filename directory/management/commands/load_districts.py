"""`manage.py load_districts FILE [--prune]`: the site's district list from JSON or CSV."""

from django.core.management.base import BaseCommand, CommandError

from directory.districts import load_districts, read_rows
from directory.errors import DirectoryError
from directory.models import District


class Command(BaseCommand):
    help = "Create or update districts from a JSON list or a CSV file (slug, name, short_name, kind)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a .json or .csv file")
        parser.add_argument("--prune", action="store_true",
                            help="remove districts missing from the file (only unused ones)")

    def handle(self, *args, path, prune, **options):
        try:
            created, updated, removed = load_districts(District, read_rows(path), prune=prune)
        except DirectoryError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(f"{created} created, {updated} updated, {removed} removed.")
