"""A registrant hands their place to a colleague through their personal link: the place moves
without ever being free, the colleague gets their own confirmation and links, the old link ends."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events.models import Registration, RegistrationState
from events.models.occurrences import OccurrenceStatus
from events.registration import counts, services, tokens
from events.registration.emails import build_email

from .conftest import hours

pytestmark = pytest.mark.django_db
S = RegistrationState


def personal_url(registration, language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse("events_registration:cancel", args=[tokens.cancel_token(registration)])


def substitute_url(registration, language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse("events_registration:substitute", args=[tokens.cancel_token(registration)])


def colleague(**overrides):
    data = {"substitute-name": "Chris Kollege", "substitute-email": "Chris@Example.ORG",
            "substitute-language": "de", "substitute-consent": "on"}
    data.update(overrides)
    return data


@pytest.fixture
def confirmed(option, register, committed):
    """A confirmed place (English), the date full, one person waiting."""
    first = register(option, language="en", email="anna@example.org", name="Anna Alt")
    committed(services.confirm, first)
    return first


@pytest.fixture
def client_post(client, django_capture_on_commit_callbacks):
    def post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return post


def test_personal_page_offers_the_handover_form_with_labels(client, confirmed):
    html = client.get(personal_url(confirmed)).content.decode()
    assert "Hand your place to a colleague" in html
    assert 'action="' + substitute_url(confirmed) + '"' in html
    for name in ("name", "email", "language", "consent"):
        field_id = f"id_substitute-{name}"
        assert f'for="{field_id}"' in html and f'id="{field_id}"' in html


def test_the_place_moves_to_the_colleague_without_being_freed(client, make_option, register,
                                                              committed, client_post):
    option = make_option(capacity=1)
    anna = register(option, language="en", email="anna@example.org", name="Anna Alt")
    committed(services.confirm, anna)
    waiting = register(option, email="wait@example.org")
    assert waiting.state == S.WAITLISTED
    mail.outbox.clear()

    response = client_post(substitute_url(anna), colleague())

    assert response.status_code == 302
    assert response["Location"] == reverse("events_registration:status", args=[anna.reference])
    anna.refresh_from_db()
    assert anna.state == S.SUBSTITUTED
    chris = Registration.objects.get(substitute_for=anna)
    assert (chris.state, chris.name, chris.email, chris.language) == (
        S.CONFIRMED, "Chris Kollege", "Chris@example.org", "de")
    assert chris.reference != anna.reference and chris.consented_at is not None
    waiting.refresh_from_db()
    assert waiting.state == S.WAITLISTED  # nobody jumped the queue
    assert option.held_count() == 1 and option.waitlist_count() == 1
    option.refresh_from_db()
    assert counts.counts_of(option)["held"] == 1
    # Audit log: both sides.
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"events.registration.substituted", "events.registration.substitute"} <= actions
    # The status page behind Anna's reference says what happened.
    page = client.get(response["Location"]).content.decode()
    assert "handed your place to a colleague" in page


def test_colleague_and_registrant_are_told_in_their_own_languages(client, confirmed, client_post):
    mail.outbox.clear()
    client_post(substitute_url(confirmed), colleague())
    chris = Registration.objects.get(substitute_for=confirmed)
    to_chris = next(m for m in mail.outbox if m.to == ["Chris@example.org"])
    to_anna = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    assert len(mail.outbox) == 2
    # The colleague (German): their own personal link, the calendar file, German dates.
    assert to_chris.extra_headers["Content-Language"] == "de"
    assert personal_url(chris, "de") in to_chris.body
    assert personal_url(confirmed, "de") not in to_chris.body
    assert "Anna Alt" in to_chris.body
    assert to_chris.attachments and to_chris.attachments[0][2] == "text/calendar"
    german_days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    assert any(day in to_chris.body for day in german_days)
    # The registrant (English): a notice naming the colleague, no links of theirs any more.
    assert to_anna.extra_headers["Content-Language"] == "en"
    assert "handed over" in to_anna.subject and "Chris Kollege" in to_anna.body
    assert "/registration/cancel/" not in to_anna.body


def test_the_old_link_stops_working_and_the_new_one_works(client, confirmed, client_post):
    client_post(substitute_url(confirmed), colleague())
    for url in (personal_url(confirmed), substitute_url(confirmed)):
        response = client.get(url)
        assert response.status_code == 410
        assert "handed your place to someone else" in response.content.decode()
    # A second submit of the same form changes nothing.
    again = client_post(substitute_url(confirmed), colleague(**{"substitute-email": "x@example.org"}))
    assert again.status_code == 410
    assert Registration.objects.count() == 2
    # Cancelling with the old link is refused; the colleague can cancel with theirs.
    assert client_post(personal_url(confirmed)).status_code == 410
    chris = Registration.objects.get(substitute_for=confirmed)
    assert client.get(personal_url(chris)).status_code == 200
    assert client_post(personal_url(chris)).status_code == 302
    chris.refresh_from_db()
    assert chris.state == S.CANCELLED


def test_online_dates_give_the_colleague_the_join_link(option, confirmed, client_post):
    occurrence = option.occurrence
    occurrence.online_url = "https://meet.example.org/room-42"
    occurrence.save()
    mail.outbox.clear()
    client_post(substitute_url(confirmed), colleague())
    to_chris = next(m for m in mail.outbox if m.to == ["Chris@example.org"])
    to_anna = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    assert "https://meet.example.org/room-42" in to_chris.body
    assert "https://meet.example.org/room-42" not in to_anna.body


def test_approved_places_stay_approved(make_option, register, committed, client_post):
    option = make_option(requires_approval=True)
    anna = register(option, language="en", email="anna@example.org")
    committed(services.approve, anna)
    client_post(substitute_url(anna), colleague())
    assert Registration.objects.get(substitute_for=anna).state == S.APPROVED


def test_the_colleagues_details_are_checked_like_the_registration_form(client, confirmed,
                                                                      client_post):
    cases = [
        (colleague(**{"substitute-email": "not an address"}), "Enter a valid email address"),
        (colleague(**{"substitute-consent": ""}), "agrees to the processing of their data"),
        (colleague(**{"substitute-name": "Eve\u202e"}), "invisible or control characters"),
        (colleague(**{"substitute-email": "ANNA@example.org"}), "not your own"),
    ]
    for data, message in cases:
        response = client_post(substitute_url(confirmed), data)
        assert response.status_code == 400, message
        html = response.content.decode()
        assert message in html
        assert 'role="alert"' in html
    confirmed.refresh_from_db()
    assert confirmed.state == S.CONFIRMED
    assert Registration.objects.count() == 1


def test_an_address_already_registered_for_the_date_is_refused(client, option, confirmed,
                                                               register, client_post):
    register(option, email="chris@example.org")
    response = client_post(substitute_url(confirmed), colleague())
    assert response.status_code == 400
    assert "already registered for this date" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.state == S.CONFIRMED


@pytest.mark.parametrize("case", ["pending", "waitlisted", "started", "cancelled_date"])
def test_only_a_confirmed_place_before_the_start_can_be_handed_over(client, make_option, register,
                                                                    committed, client_post, case):
    option = make_option(capacity=1)
    anna = register(option, language="en", email="anna@example.org")
    if case == "waitlisted":
        anna = register(option, language="en", email="wait@example.org")
    elif case != "pending":
        committed(services.confirm, anna)
    occurrence = option.occurrence
    if case == "started":
        occurrence.start = timezone.now() - hours(1)
        occurrence.end = timezone.now() + hours(1)
        occurrence.save()
    elif case == "cancelled_date":
        occurrence.status = OccurrenceStatus.CANCELLED
        occurrence.save()
    page = client.get(personal_url(anna)).content.decode()
    assert "Hand your place to a colleague" not in page
    response = client_post(substitute_url(anna), colleague())
    assert response.status_code == 409
    assert 'role="alert"' in response.content.decode()
    assert not Registration.objects.filter(substitute_for=anna).exists()


def test_admin_detail_names_who_took_whose_place(client, confirmed, client_post, django_user_model):
    from django.contrib.auth.models import Group

    client_post(substitute_url(confirmed), colleague())
    chris = Registration.objects.get(substitute_for=confirmed)
    manager = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    manager.groups.add(Group.objects.get(name="Registration managers"))
    from wagtail.users.models import UserProfile

    UserProfile.objects.create(user=manager, preferred_language="en")  # the labels as written
    client.force_login(manager)
    html = client.get(f"/admin/snippets/events/registration/inspect/{chris.pk}/").content.decode()
    assert "Substitute for" in html and "Anna Alt" in html
    html = client.get(f"/admin/snippets/events/registration/inspect/{confirmed.pk}/").content.decode()
    assert "Handed over to" in html and "Chris Kollege" in html


def test_the_colleague_can_hand_the_place_on_again(client, confirmed, client_post):
    client_post(substitute_url(confirmed), colleague())
    chris = Registration.objects.get(substitute_for=confirmed)
    response = client_post(substitute_url(chris), colleague(**{
        "substitute-name": "Dora", "substitute-email": "dora@example.org"}))
    assert response.status_code == 302
    dora = Registration.objects.get(substitute_for=chris)
    assert dora.state == S.CONFIRMED
    assert confirmed.option.held_count() == 1


def test_confirmation_email_template_renders_without_a_predecessor(option, register, committed):
    """build_email("substitute") for a row whose predecessor was deleted (SET_NULL)."""
    anna = register(option, language="en")
    committed(services.confirm, anna)
    message = build_email(anna, "substitute")
    assert re.search(r"registration is confirmed", message.body)


def test_the_events_own_questions_are_asked_for_the_colleague(client, option, register, committed,
                                                             client_post):
    page = option.occurrence.page.specific
    page.registration_questions = [("question", {
        "label": "Ihre Funktion", "help_text": "", "field_type": "text", "required": True,
        "choices": [], "kinds": []})]
    page.save_revision().publish()
    anna = register(option, language="en", email="anna@example.org")
    committed(services.confirm, anna)
    html = client.get(personal_url(anna)).content.decode()
    assert "Ihre Funktion" in html
    missing = client_post(substitute_url(anna), colleague())
    assert missing.status_code == 400
    assert not Registration.objects.filter(substitute_for=anna).exists()
    field = re.search(r'name="(substitute-question_[^"]+)"', html)
    response = client_post(substitute_url(anna), colleague(**{field.group(1): "Beraterin"}))
    assert response.status_code == 302
    chris = Registration.objects.get(substitute_for=anna)
    assert "Beraterin" in chris.data["answers"].values()
