"""Job-fair e-mails, sent as retried tasks (see events/tasks.py)."""

from events.tasks import EmailTask

send_jobfair_email = EmailTask("jobfairs.emails.send")
