"""Queue the reminder e-mails that are due (run hourly from cron): events/registration/reminders.py."""

from django.core.management.base import BaseCommand

from events.registration.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminder e-mails due before each date to registrants holding a settled place."

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
