"""E-mail delivery as Django tasks for every plugin: thin, take ids, retry with growing delays.

A plugin names its send function by dotted path (`EmailTask("trainings.emails.send", "certificate")`);
the task imports it when it runs, so a slow or failing mail server never blocks a request and
the saved data is never lost: the mail is retried by the worker until MAX_ATTEMPTS.
"""

import datetime
import logging

from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6


@task()
def send_email(sender, args, attempt=1):
    try:
        return import_string(sender)(*args)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            raise
        delay = datetime.timedelta(minutes=2 ** attempt)
        logger.warning("e-mail %s%r failed (attempt %s), retrying in %s",
                       sender, tuple(args), attempt, delay, exc_info=True)
        retry = send_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + delay)
        retry.enqueue(sender, list(args), attempt=attempt + 1)
        return False


class EmailTask:
    """`task.enqueue(*ids)` queues `sender(*bound, *ids)` as a retried `send_email` task."""

    def __init__(self, sender, *bound):
        self.sender = sender
        self.bound = list(bound)

    def enqueue(self, *args):
        return send_email.enqueue(self.sender, self.bound + list(args))

    def __repr__(self):
        return f"EmailTask({self.sender!r}, {self.bound!r})"
