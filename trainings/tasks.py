"""Background tasks (Django tasks): thin, take ids, retry a failed send later."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from . import emails

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6


@task()
def send_trainings_email(kind, object_id, attempt=1):
    try:
        return emails.send(kind, object_id)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            raise
        delay = datetime.timedelta(minutes=2 ** attempt)
        logger.warning("trainings e-mail %s for %s failed (attempt %s), retrying in %s",
                       kind, object_id, attempt, delay, exc_info=True)
        retry = send_trainings_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + delay)
        retry.enqueue(kind, object_id, attempt=attempt + 1)
        return False


class _Bound:
    """`send_certificate.enqueue(id)` reads like the events tasks; one task does the work."""

    def __init__(self, kind):
        self.kind = kind

    def enqueue(self, object_id):
        return send_trainings_email.enqueue(self.kind, object_id)

    def __repr__(self):
        return f"send_trainings_email[{self.kind}]"


send_inhouse_notification = _Bound("inhouse_request")
send_certificate = _Bound("certificate")
send_feedback_invitation = _Bound("feedback_invitation")
