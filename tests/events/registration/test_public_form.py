"""The public registration form: validation, bot defences, double submit, closed dates, links."""

import re

import pytest
from django.core import signing
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from events.models import Registration, RegistrationState
from events.models.occurrences import OccurrenceStatus
from events.registration import tokens

from .conftest import hours

pytestmark = pytest.mark.django_db
S = RegistrationState


def form_url(option, language="de"):
    return f"/{language}/registration/{option.occurrence.uid}/{option.kind}/"


def fresh_fields(client, url):
    html = client.get(url).content.decode()
    return {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("rendered", "form_token")}


def post(client, url, django_capture_on_commit_callbacks, **overrides):
    data = {"name": "Ada Lovelace", "email": "ada@example.org", "language": "en",
            "consent": "on", "website": "", **fresh_fields(client, url), **overrides}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def test_form_registers_and_sends_the_confirm_mail(client, option, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    response = post(client, form_url(option), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert response["Location"].endswith(f"/r/{registration.reference}/")
    assert registration.state == S.PENDING and registration.language == "en"
    assert len(mailoutbox) == 1 and "/registration/confirm/" in mailoutbox[0].body
    page = client.get(response["Location"])
    assert "Bitte bestätigen Sie Ihre Anmeldung" in page.content.decode()  # German page


def test_form_shows_errors_next_to_the_fields_in_the_page_language(client, option,
                                                                   django_capture_on_commit_callbacks):
    response = post(client, form_url(option, "en"), django_capture_on_commit_callbacks,
                    email="not-an-address", consent="")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_error"' in html and "Enter a valid email address." in html
    assert "Please agree to the processing of your data." in html
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("name", ["Ada\u202eecalevoL", "Ada\x00", "Ada\u2066x"])
def test_names_with_control_or_direction_override_characters_are_refused(
        client, option, django_capture_on_commit_callbacks, name):
    response = post(client, form_url(option), django_capture_on_commit_callbacks, name=name)
    assert response.status_code == 400
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("name", ["محمد الأحمد", "Олена Шевченко", "سارا رضایی"])
def test_right_to_left_and_non_latin_names_are_kept_as_written(
        client, option, django_capture_on_commit_callbacks, name):
    post(client, form_url(option), django_capture_on_commit_callbacks, name=name)
    assert Registration.objects.get().name == name


def test_overlong_fields_are_refused(client, option, django_capture_on_commit_callbacks):
    response = post(client, form_url(option), django_capture_on_commit_callbacks, name="x" * 201)
    assert response.status_code == 400


def test_honeypot_filled_by_a_bot_registers_nobody(client, option, django_capture_on_commit_callbacks):
    response = post(client, form_url(option), django_capture_on_commit_callbacks,
                    website="http://spam.example")
    assert response.status_code == 400
    assert Registration.objects.count() == 0


@override_settings(REGISTRATION_MIN_SUBMIT_SECONDS=5)
def test_a_form_sent_faster_than_a_person_can_type_is_refused(client, option,
                                                              django_capture_on_commit_callbacks):
    response = post(client, form_url(option), django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_tampered_timestamp_is_refused(client, option, django_capture_on_commit_callbacks):
    response = post(client, form_url(option), django_capture_on_commit_callbacks,
                    rendered=signing.dumps(0, salt="wrong"))
    assert response.status_code == 400


def test_double_submit_creates_one_registration(client, option, django_capture_on_commit_callbacks):
    url = form_url(option)
    fields = fresh_fields(client, url)
    data = {"name": "Ada", "email": "ada@example.org", "language": "de", "consent": "on",
            "website": "", **fields}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)
    assert Registration.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_same_address_twice_gets_a_clear_message(client, option, django_capture_on_commit_callbacks):
    post(client, form_url(option), django_capture_on_commit_callbacks)
    response = post(client, form_url(option), django_capture_on_commit_callbacks,
                    email=" ADA@example.ORG")
    assert response.status_code == 400
    assert "bereits angemeldet" in response.content.decode()  # “already registered”
    assert Registration.objects.count() == 1


@override_settings(REGISTRATION_RATE_LIMIT="2/m")
def test_rate_limit_per_address(client, option, django_capture_on_commit_callbacks):
    codes = [post(client, form_url(option), django_capture_on_commit_callbacks,
                  email=f"p{i}@example.org").status_code for i in range(3)]
    assert codes == [302, 302, 429]
    assert Registration.objects.count() == 2


def test_rate_limit_parsing():
    from events.registration.ratelimit import parse_rate

    assert parse_rate("10/m") == (10, 60)
    assert parse_rate("100/h") == (100, 3600)
    assert parse_rate("0") is None and parse_rate("") is None


@pytest.mark.parametrize("case", ["cancelled", "past", "closed", "full"])
def test_closed_full_past_or_cancelled_dates_show_why_instead_of_a_form(client, make_option, case,
                                                                        register):
    now = timezone.now()
    if case == "cancelled":
        option = make_option(dates=[{"start": now + hours(48), "end": now + hours(50),
                                     "status": OccurrenceStatus.CANCELLED}])
        message = "cancelled"
    elif case == "past":
        option = make_option(dates=[(now - hours(5), now - hours(3))])
        message = "already taken place"
    elif case == "closed":
        option = make_option(closes_at=now - hours(1))
        message = "closed"
    else:
        option = make_option(capacity=1, waitlist_enabled=False)
        register(option)
        message = "fully booked"
    html = client.get(form_url(option, "en")).content.decode()
    assert message in html
    assert "<form" not in html.split("<main")[1]


def test_full_date_with_waiting_list_offers_the_list(client, make_option, register):
    option = make_option(capacity=1)
    register(option)
    html = client.get(form_url(option, "en")).content.decode()
    assert "Join the waiting list" in html


def test_event_page_shows_places_left_per_date(client, option):
    page = option.occurrence.page
    html = client.get(page.url).content.decode()
    assert "Noch 5 Plätze frei" in html and form_url(option) in html  # “5 places left”


# Links ----------------------------------------------------------------------------------------

def test_confirm_link_confirms_once(client, option, register, django_capture_on_commit_callbacks):
    registration = register(option)
    url = reverse("events_registration:confirm", args=[tokens.confirm_token(registration)])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).status_code == 302
    registration.refresh_from_db()
    assert registration.state == S.CONFIRMED
    again = client.get(url)
    assert again.status_code == 410 and "bereits verwendet" in again.content.decode()  # “used already”


def test_tampered_links_get_a_clear_page(client, option, register):
    registration = register(option)
    token = tokens.confirm_token(registration)
    for url in (reverse("events_registration:confirm", args=[token[:-2] + "xx"]),
                reverse("events_registration:confirm", args=["nonsense"]),
                reverse("events_registration:cancel", args=[tokens.cancel_token(registration) + "x"])):
        response = client.get(url)
        assert response.status_code == 400
        assert "Link ist ungültig" in response.content.decode()  # “This link is not valid”


def test_expired_confirm_link_gets_a_clear_page(client, option, register, monkeypatch):
    registration = register(option)
    token = tokens.confirm_token(registration)
    registration.hold_expires_at = timezone.now() - hours(1)
    registration.save()
    response = client.get(reverse("events_registration:confirm", args=[token]))
    assert response.status_code == 410
    registration.refresh_from_db()
    assert registration.state == S.EXPIRED


def test_expired_signature_gets_a_clear_page(client, option, register, monkeypatch):
    registration = register(option)
    token = tokens.confirm_token(registration)
    monkeypatch.setattr("time.time", lambda: 10**10)
    response = client.get(reverse("events_registration:confirm", args=[token]))
    assert response.status_code == 410


def test_cancel_link_asks_then_cancels_once(client, option, register, django_capture_on_commit_callbacks):
    registration = register(option)
    url = reverse("events_registration:cancel", args=[tokens.cancel_token(registration)])
    assert client.get(url).status_code == 200  # a mail scanner opening the link cancels nothing
    registration.refresh_from_db()
    assert registration.state == S.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    registration.refresh_from_db()
    assert registration.state == S.CANCELLED
    assert client.post(url).status_code == 410


def test_status_page_of_unknown_reference_is_404(client):
    assert client.get("/de/registration/r/unknown/").status_code == 404
