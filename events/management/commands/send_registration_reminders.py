"""Queue reminder e-mails REGISTRATION_REMINDER_DAYS before each date (run hourly from cron)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import Registration, RegistrationState
from events.models.occurrences import OccurrenceStatus
from events.registration import conf
from events.registration.tasks import send_registration_email


class Command(BaseCommand):
    help = "Send the reminder e-mail to confirmed registrants of dates starting soon."

    def handle(self, *args, **options):
        now = timezone.now()
        until = now + datetime.timedelta(days=int(conf.get("REGISTRATION_REMINDER_DAYS")))
        due = Registration.objects.filter(
            state__in=[RegistrationState.CONFIRMED, RegistrationState.APPROVED],
            reminder_sent_at__isnull=True, erased_at__isnull=True,
            occurrence__start__gt=now, occurrence__start__lte=until,
        ).exclude(occurrence__status=OccurrenceStatus.CANCELLED)
        count = 0
        for registration_id in due.values_list("pk", flat=True):
            with transaction.atomic():
                # Marked first: a reminder is never sent twice, even by overlapping cron runs.
                if Registration.objects.filter(pk=registration_id, reminder_sent_at__isnull=True) \
                        .update(reminder_sent_at=now):
                    transaction.on_commit(
                        lambda pk=registration_id: send_registration_email.enqueue(pk, "reminder"))
                    count += 1
        self.stdout.write(f"Queued {count} reminder(s).")
