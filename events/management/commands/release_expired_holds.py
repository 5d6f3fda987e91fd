"""Release places held for unconfirmed registrations whose time is up (run every few minutes)."""

from django.core.management.base import BaseCommand

from events.registration.services import release_expired_holds


class Command(BaseCommand):
    help = "Expire unconfirmed registrations after their hold time and promote the waiting list."

    def handle(self, *args, **options):
        count = release_expired_holds()
        self.stdout.write(f"Released {count} place(s).")
