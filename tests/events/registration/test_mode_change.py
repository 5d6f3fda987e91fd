"""A date's mode (on site, online, hybrid) changed and published through the review workflow
tells everyone registered, with the new mode in the e-mail; a new join link or new access notes
go to the people who receive them (settled places of a part held online) and nobody else."""

import datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from events.models import Occurrence, RegistrationOption
from events.models.occurrences import AttendanceMode
from events.registration import changes, services

from .test_journeys import approve_in_admin, user_in

pytestmark = pytest.mark.django_db
START = datetime.datetime(2031, 5, 14, 10, 0)
OLD_LINK = "https://meet.example.org/raum-alt"
NEW_LINK = "https://meet.example.org/raum-neu"


def publish_in_workflow(client, page, capture, **changed):
    """An editor changes the date's fields and submits; reviewer and moderator approve in the
    admin, which publishes."""
    page = page.specific
    occurrence = page.occurrences.get()
    for name, value in changed.items():
        setattr(occurrence, name, value)
    page.occurrences = [occurrence]
    editor = user_in("erika", "Editors")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    with capture(execute=True):
        approve_in_admin(client, user_in("rita", "Reviewers"), page)
        approve_in_admin(client, user_in("mo", "Moderators"), page)
    assert Occurrence.objects.get(pk=occurrence.pk).mode == occurrence.mode  # published


def settled(committed, register, option, email):
    registration = register(option, email=email)
    committed(services.confirm, registration)
    return registration


def mails_for(*addresses):
    """The registrants' e-mails (the workflow also mails the editors)."""
    return [message for message in mail.outbox if message.to[0] in addresses]


def mails_to(*addresses):
    return sorted(message.to[0] for message in mails_for(*addresses))


def date(mode, **fields):
    return {"start": START, "end": START + datetime.timedelta(hours=3), "mode": mode, **fields}


@pytest.mark.parametrize(("before", "after"), [
    (date("onsite"), {"mode": AttendanceMode.ONLINE}),
    (date("hybrid", online_url=OLD_LINK), {"mode": AttendanceMode.ONLINE}),
])
def test_changing_only_the_mode_mails_everyone_with_the_new_mode(
        client, make_option, register, committed, django_capture_on_commit_callbacks,
        before, after):
    option = make_option(dates=[before])
    settled(committed, register, option, "a@example.org")
    register(option, email="b@example.org")  # not yet confirmed: still registered
    mail.outbox.clear()

    publish_in_workflow(client, option.occurrence.page, django_capture_on_commit_callbacks,
                        **after)

    assert mails_to("a@example.org", "b@example.org") == ["a@example.org", "b@example.org"]
    with translation.override("de"):
        line = f"{gettext('Takes place')}: {gettext('Online')}"
        subject = gettext("Date changed: %(title)s") % {"title": option.occurrence.page.title}
    for message in mails_for("a@example.org", "b@example.org"):
        assert message.subject == subject
        assert line in message.body


def test_publishing_without_a_change_mails_nobody(
        client, make_option, register, committed, django_capture_on_commit_callbacks):
    option = make_option(dates=[date("online", online_url=OLD_LINK)])
    settled(committed, register, option, "a@example.org")
    mail.outbox.clear()
    publish_in_workflow(client, option.occurrence.page, django_capture_on_commit_callbacks)
    assert mails_to("a@example.org") == []


@pytest.fixture
def hybrid(make_option):
    online = make_option(capacity=1, part="online", waitlist_enabled=True,
                         dates=[date("hybrid", online_url=OLD_LINK, online_access="Code 1234")])
    onsite = RegistrationOption.objects.create(occurrence=online.occurrence, kind="attendee",
                                               part="onsite", capacity=5)
    return online, onsite


@pytest.mark.parametrize("changed", [{"online_url": NEW_LINK}, {"online_access": "Code 9876"}])
def test_new_join_details_go_only_to_settled_online_places(
        client, hybrid, register, committed, django_capture_on_commit_callbacks, changed):
    online, onsite = hybrid
    settled(committed, register, online, "online@example.org")
    register(online, email="waiting@example.org")  # the only online place is taken
    settled(committed, register, onsite, "onsite@example.org")
    mail.outbox.clear()

    publish_in_workflow(client, online.occurrence.page, django_capture_on_commit_callbacks,
                        **changed)

    everyone = ("online@example.org", "waiting@example.org", "onsite@example.org")
    assert mails_to(*everyone) == ["online@example.org"]
    body = mails_for("online@example.org")[0].body
    assert changed.get("online_url", OLD_LINK) in body
    assert changed.get("online_access", "Code 1234") in body


def test_a_new_mode_with_a_new_link_tells_every_part(
        client, hybrid, register, committed, django_capture_on_commit_callbacks):
    online, onsite = hybrid
    settled(committed, register, online, "online@example.org")
    settled(committed, register, onsite, "onsite@example.org")
    mail.outbox.clear()
    publish_in_workflow(client, online.occurrence.page, django_capture_on_commit_callbacks,
                        mode=AttendanceMode.ONLINE, online_url=NEW_LINK)
    assert mails_to("online@example.org", "onsite@example.org") == [
        "online@example.org", "onsite@example.org"]


def test_options_announced_before_the_mode_counted_are_not_mailed_for_nothing(
        make_option, register, committed):
    """After the update, stored digests without the mode are taken over silently when the date
    is as announced, and still tell everyone when the date did change."""
    option = make_option(dates=[date("online", online_url=OLD_LINK)])
    register(option, email="a@example.org")
    occurrence = option.occurrence
    RegistrationOption.objects.filter(pk=option.pk).update(
        announced=changes._legacy_fingerprint(occurrence))
    mail.outbox.clear()

    committed(changes.notify_changed_dates, occurrence.page)
    assert mails_to("a@example.org") == []
    assert RegistrationOption.objects.get(pk=option.pk).announced == changes.fingerprint(occurrence)

    RegistrationOption.objects.filter(pk=option.pk).update(
        announced=changes._legacy_fingerprint(occurrence))
    Occurrence.objects.filter(pk=occurrence.pk).update(
        start=occurrence.start + datetime.timedelta(days=1),
        end=occurrence.end + datetime.timedelta(days=1))
    committed(changes.notify_changed_dates, occurrence.page)
    assert mails_to("a@example.org") == ["a@example.org"]
