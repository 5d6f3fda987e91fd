"""Erase personal data of registrations past the retention period (run daily from cron)."""

from django.core.management.base import BaseCommand

from events.registration.privacy_ops import erase_expired


class Command(BaseCommand):
    help = "Erase personal data of registrations whose date ended more than REGISTRATION_RETENTION_DAYS ago."

    def handle(self, *args, **options):
        count = erase_expired()
        self.stdout.write(f"Erased personal data of {count} registration(s).")
