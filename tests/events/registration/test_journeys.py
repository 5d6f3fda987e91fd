"""Registration on the paths people take: private pages refuse registrations (form and API),
and a date changed through the two-step review tells everyone registered."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import PageViewRestriction, Workflow

from events.models import Occurrence, Registration

from .conftest import hours

pytestmark = pytest.mark.django_db


def fresh_fields(client, url):
    html = client.get(url).content.decode()
    return {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("rendered", "form_token")}


def restrict(page, kind):
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.mark.parametrize("kind", ["login", "password"])
def test_a_private_pages_dates_take_no_registrations(client, make_option, kind):
    option = make_option(title="Internes Netzwerktreffen")
    occurrence = option.occurrence
    url = f"/de/registration/{occurrence.uid}/attendee/"
    assert client.get(url).status_code == 200  # public: the form is there
    restrict(occurrence.page, kind)

    assert client.get(url).status_code == 404
    data = {"name": "Eve", "email": "eve@example.org", "language": "de", "consent": "on",
            "website": "", "rendered": "x", "form_token": "t"}
    assert client.post(url, data).status_code == 404
    response = client.post("/api/v2/registrations/", json.dumps({
        "occurrence": occurrence.pk, "kind": "attendee", "name": "Eve",
        "email": "eve@example.org", "consent": True}), content_type="application/json")
    # Answered like a date that does not exist: nothing tells that the private page is there.
    assert response.status_code == 404
    assert "Internes Netzwerktreffen" not in response.content.decode()
    assert not Registration.objects.exists()


def test_a_page_below_a_restricted_section_takes_no_registrations(client, make_option):
    option = make_option()
    restrict(option.occurrence.page.get_parent(), "login")
    response = client.post("/api/v2/registrations/", json.dumps({
        "occurrence": option.occurrence_id, "kind": "attendee", "name": "Eve",
        "email": "eve@example.org", "consent": True}), content_type="application/json")
    assert response.status_code == 404
    assert not Registration.objects.exists()


def user_in(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def approve_in_admin(client, user, page):
    """The reviewer or moderator presses "Approve" in the admin (the workflow action view)."""
    client.force_login(user)
    state = page.current_workflow_state
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302), response.content[:500]
    client.logout()


def test_a_date_change_approved_in_the_workflow_mails_everyone_registered(
        client, make_option, register, django_capture_on_commit_callbacks):
    option = make_option(capacity=5, title="Regionalworkshop Anerkennung")
    first = register(option, email="a@example.org")
    second = register(option, email="b@example.org", language="en")
    page = option.occurrence.page.specific
    mail.outbox.clear()

    editor = user_in("erika", "Editors")
    reviewer = user_in("rita", "Reviewers")
    moderator = user_in("mo", "Moderators")
    occurrence = page.occurrences.get()
    old_start = occurrence.start
    occurrence.start, occurrence.end = old_start + hours(24), old_start + hours(27)
    page.occurrences = [occurrence]
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow)
    workflow.start(page, editor)

    with django_capture_on_commit_callbacks(execute=True):
        approve_in_admin(client, reviewer, page)
    assert Occurrence.objects.get(pk=occurrence.pk).start == old_start  # not yet published
    assert not [message for message in mail.outbox if message.to[0] == first.email]
    with django_capture_on_commit_callbacks(execute=True):
        approve_in_admin(client, moderator, page)
    assert Occurrence.objects.get(pk=occurrence.pk).start == old_start + hours(24)

    changed = [message for message in mail.outbox if message.to[0] in (first.email, second.email)]
    assert sorted(message.to[0] for message in changed) == ["a@example.org", "b@example.org"]
    english = next(message for message in changed if message.to[0] == "b@example.org")
    assert english.attachments and "SEQUENCE:1" in english.attachments[0][1].replace("\r\n ", "")


def test_scheduled_or_scripted_publishing_tells_registrants_too(make_option, register, committed):
    option = make_option(capacity=5)
    register(option, email="a@example.org")
    page = option.occurrence.page.specific
    mail.outbox.clear()
    occurrence = page.occurrences.get()
    occurrence.status = "cancelled"
    page.occurrences = [occurrence]
    revision = page.save_revision()
    committed(revision.publish)  # what `publish_scheduled` and scripts call
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
