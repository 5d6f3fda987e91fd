"""A cancellation deadline per option: editors set it in the admin; after it the registrant's
personal page says why cancelling is no longer possible, the POST is refused (the place stays),
and handing the place to a colleague stays possible until the start."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, override

from events.models import Registration, RegistrationOption, RegistrationState
from events.registration import services, tokens

pytestmark = pytest.mark.django_db
S = RegistrationState


def personal_url(registration):
    with translation.override("en"):
        return reverse("events_registration:cancel", args=[tokens.cancel_token(registration)])


def in_days(days, hour=10):
    start = timezone.localtime() + datetime.timedelta(days=days)
    start = start.replace(hour=hour, minute=0, second=0, microsecond=0)
    return [(start, start + datetime.timedelta(hours=2))]


@pytest.fixture
def late(make_option, register, committed):
    """A confirmed place on a date one day ahead, cancellation closing 48 hours before."""
    option = make_option(capacity=1, dates=in_days(1), cancel_hours_before=48)
    anna = register(option, language="en", email="anna@example.org")
    committed(services.confirm, anna)
    return anna


def test_after_the_deadline_the_page_says_why_and_the_post_changes_nothing(
        client, late, register, django_capture_on_commit_callbacks):
    waiting = register(late.option, email="wait@example.org")
    page = client.get(personal_url(late))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Cancelling is no longer possible: the deadline was" in html
    deadline = timezone.localtime(late.option.occurrence.start - datetime.timedelta(hours=48))
    with translation.override("en"):
        from django.utils import formats

        assert formats.date_format(deadline, "DATETIME_FORMAT") in html
    assert "Yes, cancel my registration" not in html
    assert "Hand your place to a colleague" in html  # still possible until the start

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(personal_url(late))
    assert response.status_code == 409
    assert "Cancelling is no longer possible" in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    late.refresh_from_db()
    waiting.refresh_from_db()
    assert late.state == S.CONFIRMED and waiting.state == S.WAITLISTED


def test_the_deadline_is_in_the_language_of_the_page(client, late):
    with translation.override("de"):
        url = reverse("events_registration:cancel", args=[tokens.cancel_token(late)])
    html = client.get(url).content.decode()
    assert url.startswith("/de/")
    deadline = timezone.localtime(late.option.occurrence.start - datetime.timedelta(hours=48))
    with translation.override("de"):
        from django.utils import formats

        assert formats.date_format(deadline, "DATETIME_FORMAT") in html


def test_substitution_is_still_possible_after_the_deadline(client, late,
                                                           django_capture_on_commit_callbacks):
    with translation.override("en"):
        url = reverse("events_registration:substitute", args=[tokens.cancel_token(late)])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {
            "substitute-name": "Chris", "substitute-email": "chris@example.org",
            "substitute-language": "en", "substitute-consent": "on"})
    assert response.status_code == 302
    assert Registration.objects.get(substitute_for=late).state == S.CONFIRMED


def test_before_the_deadline_cancelling_works(client, make_option, register, committed,
                                              django_capture_on_commit_callbacks):
    option = make_option(dates=in_days(5), cancel_hours_before=48)
    anna = register(option, language="en")
    committed(services.confirm, anna)
    assert "Yes, cancel my registration" in client.get(personal_url(anna)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(personal_url(anna)).status_code == 302
    anna.refresh_from_db()
    assert anna.state == S.CANCELLED


def test_people_on_the_waiting_list_can_always_leave(client, late, register,
                                                     django_capture_on_commit_callbacks):
    waiting = register(late.option, language="en", email="wait@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(personal_url(waiting)).status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == S.CANCELLED


def test_staff_can_still_cancel_after_the_deadline(late, committed):
    committed(services.cancel, late)
    late.refresh_from_db()
    assert late.state == S.CANCELLED


def test_editors_set_the_deadline_where_options_are_edited(client, option, django_user_model):
    manager = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    manager.groups.add(Group.objects.get(name="Registration managers"))
    client.force_login(manager)
    url = f"/admin/registration_options/edit/{option.pk}/"
    html = client.get(url).content.decode()
    assert 'name="cancel_hours_before"' in html
    with override("de"):  # the admin's language
        label = gettext("cancellation possible until (hours before the start)")
    assert label.lower() in html.lower()
    response = client.post(url, {
        "occurrence": option.occurrence_id, "kind": option.kind, "capacity": option.capacity,
        "opens_at": "", "closes_at": "", "waitlist_enabled": "on", "hold_hours": 24,
        "cancel_hours_before": 72})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert RegistrationOption.objects.get(pk=option.pk).cancel_hours_before == 72
