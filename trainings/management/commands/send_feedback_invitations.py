"""Invite attendees of sessions that ended within the last N days to the feedback form.

Runs daily (cron/systemd timer); each attendee is invited once, so reruns send nothing new.
"""

from django.core.management.base import BaseCommand

from trainings.services import send_feedback_invitations


class Command(BaseCommand):
    help = "Send feedback invitations to attendees of training sessions that ended recently."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7,
                            help="Sessions that ended within this many days (default 7).")

    def handle(self, *args, **options):
        sent = send_feedback_invitations(days=options["days"])
        self.stdout.write(f"Feedback invitations queued: {sent}")
