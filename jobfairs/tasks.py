"""Job-fair e-mails, sent as retried tasks (see events/tasks.py)."""

from events.tasks import EmailTask

send_jobfair_email = EmailTask("jobfairs.emails.send")
# Refers a consenting job-seeker to their recognition counselling centre (jobfairs/referrals.py).
send_referral = EmailTask("jobfairs.referrals.send_referral")
