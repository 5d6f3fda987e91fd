"""The feedback form as an attendee sends it: rating groups are fieldsets with a legend, and
the scale hint, help texts and errors are announced with their fields."""

import datetime

import pytest
from django.utils import timezone

from tests.html_a11y import form_problems
from trainings.emails import feedback_token

pytestmark = pytest.mark.django_db


def test_feedback_ratings_are_named_groups_and_errors_are_announced(client, session, attended):
    person = attended(session)
    start = timezone.now() - datetime.timedelta(days=2)
    type(session).objects.filter(pk=session.pk).update(start=start, end=start + datetime.timedelta(hours=6))
    path = f"/en/trainings/feedback/{feedback_token(person)}/"

    shown = client.get(path).content.decode()
    assert form_problems(shown) == []
    assert 'aria-describedby="id_overall_hint"' in shown

    sent = client.post(path, {"comment": "no ratings"}).content.decode()
    assert 'aria-describedby="id_overall_hint id_overall_error"' in sent
    assert form_problems(sent) == []
