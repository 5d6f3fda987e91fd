"""Registration e-mails, sent as retried tasks (see events/tasks.py)."""

from events.tasks import MAX_ATTEMPTS, EmailTask

__all__ = ["MAX_ATTEMPTS", "send_registration_email"]

send_registration_email = EmailTask("events.registration.emails.send_registration_email")
