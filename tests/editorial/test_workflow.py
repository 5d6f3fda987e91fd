"""The two-step review: editor submits, reviewer approves the content, a moderator publishes."""

import pytest
from django.core import mail
from wagtail.models import Workflow

from home.models import ProgrammePage

pytestmark = pytest.mark.django_db


def test_every_section_and_language_uses_the_two_step_workflow(demo_content):
    workflow = Workflow.objects.get(name="Zweistufige Prüfung")
    assert [task.name for task in workflow.tasks] == ["Inhaltliche Prüfung",
                                                      "Freigabe zur Veröffentlichung"]
    for page in ProgrammePage.objects.all():
        assert page.get_workflow() == workflow, page


def test_submitted_page_goes_live_after_both_approvals(demo_content, make_user):
    editor = make_user("erika", "Editors")
    reviewer = make_user("rita", "Reviewers")
    moderator = make_user("mo", "Moderators")
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    page.summary = "Überarbeitete Zusammenfassung für die Freigabe."
    revision = page.save_revision(user=editor)
    mail.outbox.clear()

    state = page.get_workflow().start(page, editor)
    assert state.current_task_state.task.name == "Inhaltliche Prüfung"
    # Reviewers are told that something waits for them.
    assert any("rita@example.org" in message.to for message in mail.outbox)

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve", comment="Inhalt geprüft")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Freigabe zur Veröffentlichung"
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk

    # The reviewer is not in the publishing group: the second task is not theirs.
    second = state.current_task_state
    assert not second.task.specific.user_can_access_editor(page, reviewer) or \
        reviewer not in second.task.specific.get_actionable_users()
    second.task.specific.on_action(second, moderator, "approve")
    page.refresh_from_db()
    assert page.live_revision_id == revision.pk
    assert page.summary == "Überarbeitete Zusammenfassung für die Freigabe."
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED


def test_rejected_content_does_not_go_live(demo_content, make_user):
    editor = make_user("erika", "Editors")
    reviewer = make_user("rita", "Reviewers")
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    original = page.summary
    page.summary = "Nicht freigegeben"
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment="Bitte überarbeiten")
    state.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    assert page.specific.summary == original
