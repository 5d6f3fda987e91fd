"""Anonymous feedback: invitations once per attendee, one answer each, aggregated report."""

import datetime
import re
import uuid
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from trainings import services
from trainings.emails import feedback_token
from trainings.models import FeedbackInvitation, FeedbackReceipt, FeedbackResponse

from .conftest import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(session, attended):
    """Two attendees of `session`, then the session lies in the past."""
    people = [attended(session, name="Ana"), attended(session, name="Ben")]
    start = timezone.now() - datetime.timedelta(days=2)
    type(session).objects.filter(pk=session.pk).update(
        start=start, end=start + datetime.timedelta(hours=6))
    return people


def test_invitations_go_out_once_per_attendee(finished, mailoutbox, django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_invitations", "--days", "7", verbosity=0)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(r.email for r in finished)
    assert "/en/trainings/feedback/" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_invitations", "--days", "7", verbosity=0)
    assert len(mailoutbox) == 2 and FeedbackInvitation.objects.count() == 2


def test_sessions_outside_the_window_are_not_invited(session, attended, mailoutbox):
    attended(session)  # the session is still ahead
    assert services.send_feedback_invitations(days=7) == 0


def answer(client, registration, **overrides):
    data = {"overall": "5", "content": "4", "trainer": "5", "organisation": "3",
            "comment": "Sehr praxisnah.", **overrides}
    return client.post(f"/en/trainings/feedback/{feedback_token(registration)}/", data)


def test_answers_are_stored_without_a_link_to_the_person(client, finished):
    form = client.get(f"/en/trainings/feedback/{feedback_token(finished[0])}/")
    assert form.status_code == 200 and "<fieldset" in form.content.decode()
    assert answer(client, finished[0]).status_code == 200
    response = FeedbackResponse.objects.get()
    assert (response.overall, response.comment) == (5, "Sehr praxisnah.")
    stored = {field.name for field in FeedbackResponse._meta.get_fields()}
    assert not stored & {"registration", "email", "name", "reference", "token_hash"}
    receipt = FeedbackReceipt.objects.get()
    assert finished[0].reference not in receipt.token_hash


def test_a_second_answer_with_the_same_link_is_refused(client, finished):
    answer(client, finished[0])
    again = answer(client, finished[0], overall="1")
    assert again.status_code == 410
    assert FeedbackResponse.objects.count() == 1


def test_tampered_links_and_invalid_ratings_are_refused(client, finished):
    assert client.get("/en/trainings/feedback/abc:def/").status_code == 404
    assert client.get(f"/en/trainings/feedback/{'x' * 43}/").status_code == 404
    # Links of the old form (the signed reference) no longer open the form.
    old = signing.Signer(salt="trainings.feedback").sign(finished[0].reference)
    assert client.get(f"/en/trainings/feedback/{old}/").status_code == 404
    bad = answer(client, finished[0], overall="9")
    assert bad.status_code == 400 and 'id="id_overall_error"' in bad.content.decode()
    assert not FeedbackResponse.objects.exists()


def test_report_aggregates_per_module_and_session(admin_client, client, finished, make_module,
                                                  attended):
    answer(client, finished[0], overall="5", content="4")
    answer(client, finished[1], overall="3", content="2", comment="")
    other = make_module(title="Anderes Modul", sessions=[in_days(3)]).occurrences.get()
    services.submit_feedback(feedback_token(attended(other)), overall=4, content=4, trainer=4,
                             organisation=4)
    html = admin_client.get("/admin/trainings/feedback/").content.decode()
    assert "Sprachsensibel beraten" in html and "Anderes Modul" in html
    assert "2 Rückmeldungen" in html and "1 Rückmeldung" in html  # the admin speaks German
    # Averages in the editor's number format (4,0 in German): overall of (5, 3), content of (4, 2).
    assert re.search(r"data-average>4[.,]0<", html) and re.search(r"data-average>3[.,]0<", html)
    assert "Sehr praxisnah." in html
    distribution = html.split("Sprachsensibel beraten")[1].split("data-distribution")
    assert [part.split(">")[1].split("<")[0] for part in distribution[1:6]] == ["0", "0", "1", "0", "1"]


def test_the_invitation_link_is_opaque_and_the_answers_cannot_be_matched_to_people(
        client, finished, mailoutbox, django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_invitations", "--days", "7", verbosity=0)
    paths = []
    for person in finished:
        (mail,) = [mail for mail in mailoutbox if mail.to == [person.email]]
        assert person.reference not in mail.body  # nor a signature over it
        link = re.search(r"https?://\S+/trainings/feedback/\S+/", mail.body).group(0)
        paths.append(urlsplit(link).path)
    assert len(set(paths)) == 2

    data = {"overall": "4", "content": "4", "trainer": "5", "organisation": "3", "comment": ""}
    for path in paths:
        assert client.get(path).status_code == 200
        assert client.post(path, data).status_code == 200
        again = client.post(path, data)  # the same link works once
        assert again.status_code == 410
    assert FeedbackResponse.objects.count() == FeedbackReceipt.objects.count() == 2

    # Random keys: the answers have no order that matches the receipts (or the invitations).
    assert all(isinstance(pk, uuid.UUID) for pk in FeedbackResponse.objects.values_list("pk", flat=True))
    assert FeedbackResponse._meta.get_field("submitted_on").get_internal_type() == "DateField"
