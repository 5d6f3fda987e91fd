"""Compare every registration option's counters of held and waiting places with its
registrations (the database triggers keep them in step); --fix stores the real counts."""

from django.core.management.base import BaseCommand, CommandError

from events.registration.counts import recount


class Command(BaseCommand):
    help = ("Check that each registration option's counters of held and waiting places equal "
            "its registrations; --fix repairs those that differ.")

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Store the real counts.")

    def handle(self, *args, fix=False, **options):
        wrong = recount(fix=fix)
        for option_id, (stored, counted) in sorted(wrong.items()):
            self.stdout.write(f"option {option_id}: stored held/waiting {stored}, "
                              f"counted {counted}{' (fixed)' if fix else ''}")
        if wrong and not fix:
            raise CommandError(f"{len(wrong)} option(s) out of step: run with --fix.")
        self.stdout.write(f"{len(wrong)} option(s) out of step{', fixed' if wrong else ''}.")
