"""Registration e-mails, sent as retried tasks (see events/tasks.py)."""

from events.tasks import MAX_ATTEMPTS, EmailTask

__all__ = ["MAX_ATTEMPTS", "send_group_summary", "send_registration_email"]

send_registration_email = EmailTask("events.registration.emails.send_registration_email")
send_group_summary = EmailTask("events.registration.emails.send_group_summary")
