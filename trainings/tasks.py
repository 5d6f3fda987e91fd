"""Trainings e-mails, sent as retried tasks (see events/tasks.py)."""

from events.tasks import EmailTask

send_inhouse_notification = EmailTask("trainings.emails.send", "inhouse_request")
send_certificate = EmailTask("trainings.emails.send", "certificate")
send_feedback_invitation = EmailTask("trainings.emails.send", "feedback_invitation")
