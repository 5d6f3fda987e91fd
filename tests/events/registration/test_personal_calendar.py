"""A registrant's private calendar link: offered on confirmation, follows changes and
cancellations of their dates, revoked when they cancel or their data is erased."""

import re

import pytest
from icalendar import Calendar

from events.models import Registration
from events.registration import services
from events.registration.privacy_ops import erase_registration

pytestmark = pytest.mark.django_db


def confirmed_registration(client, option, register, mailoutbox, committed, email="ada@example.org"):
    registration = register(option, email=email, language="en")
    confirm = re.search(r"https?://\S+(/en/registration/confirm/\S+/)", mailoutbox[-1].body).group(1)
    committed(client.get, confirm)
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    return registration


def calendar_link(mailoutbox):
    body = mailoutbox[-1].body
    match = re.search(r"https?://[^/\s]+(/feeds/personal/\S+\.ics)", body)
    assert match, body
    return match.group(1)


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"]
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_the_confirmation_offers_a_calendar_of_ones_own_dates(
        client, make_option, register, mailoutbox, committed):
    first = make_option(title="Regionalworkshop Anerkennung")
    second = make_option(title="Netzwerktreffen Dresden")
    other = make_option(title="Fremder Termin")
    confirmed_registration(client, first, register, mailoutbox, committed)
    url = calendar_link(mailoutbox)
    register(second, email="ada@example.org", language="en")
    register(other, email="someone@example.org")
    titles = sorted(str(event["SUMMARY"]) for event in events(client, url))
    assert titles == ["Netzwerktreffen Dresden", "Regionalworkshop Anerkennung"]
    status = client.get(f"/en/registration/r/{Registration.objects.get(option=first).reference}/")
    assert url in status.content.decode()


def test_the_calendar_follows_a_cancelled_date(client, make_option, register, mailoutbox, committed):
    option = make_option(title="Regionalworkshop")
    confirmed_registration(client, option, register, mailoutbox, committed)
    url = calendar_link(mailoutbox)
    page = option.occurrence.page.specific
    occurrence = page.occurrences.get()
    occurrence.status = "cancelled"
    page.occurrences = [occurrence]
    committed(page.save_revision().publish)
    (event,) = events(client, url)
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1


def test_the_link_is_revoked_when_the_registrant_cancels(client, make_option, register,
                                                         mailoutbox, committed):
    option = make_option()
    registration = confirmed_registration(client, option, register, mailoutbox, committed)
    url = calendar_link(mailoutbox)
    committed(services.cancel, registration)
    assert client.get(url).status_code == 410


def test_the_link_is_revoked_when_the_data_is_erased(client, make_option, register,
                                                     mailoutbox, committed):
    option = make_option()
    registration = confirmed_registration(client, option, register, mailoutbox, committed)
    url = calendar_link(mailoutbox)
    committed(erase_registration, registration)
    assert client.get(url).status_code == 410


def test_a_forged_link_finds_nothing(client):
    assert client.get("/feeds/personal/abc:def.ics").status_code == 404
