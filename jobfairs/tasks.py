"""Background tasks of job fairs: thin, take ids, retry a failed send later (as events does)."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from . import emails

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6


@task()
def send_jobfair_email(registration_id, template, attempt=1):
    try:
        return emails.send(registration_id, template)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            raise
        delay = datetime.timedelta(minutes=2 ** attempt)
        logger.warning("job-fair e-mail %s for %s failed (attempt %s), retrying in %s",
                       template, registration_id, attempt, delay, exc_info=True)
        retry = send_jobfair_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + delay)
        retry.enqueue(registration_id, template, attempt=attempt + 1)
        return False
