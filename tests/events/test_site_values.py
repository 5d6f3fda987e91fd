"""Site values come from settings: another site's feed names itself, not IQ Netzwerk Sachsen."""

import datetime

import pytest
from icalendar import Calendar

FEED = "/feeds/events.ics"


def uids_and_prodid(client):
    response = client.get(FEED)
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return [str(event["UID"]) for event in calendar.walk("VEVENT")], str(calendar["PRODID"])


@pytest.mark.django_db
def test_another_site_gets_uids_and_product_id_of_its_own(client, settings, make_event):
    del settings.EVENTS_UID_DOMAIN
    settings.WAGTAILADMIN_BASE_URL = "https://termine.example.org:8443/"
    settings.WAGTAIL_SITE_NAME = "Example Network"
    make_event(title="Netzwerktreffen")
    uids, prodid = uids_and_prodid(client)
    assert uids and all(uid.endswith("@termine.example.org") for uid in uids)
    assert prodid == "-//Example Network//Events//DE"
    assert "iq-sachsen" not in client.get(FEED).content.decode()


@pytest.mark.django_db
def test_without_a_base_url_uids_fall_back_to_localhost(client, settings, make_event):
    del settings.EVENTS_UID_DOMAIN
    settings.WAGTAILADMIN_BASE_URL = ""
    make_event(title="Netzwerktreffen")
    uids, _prodid = uids_and_prodid(client)
    assert uids and all(uid.endswith("@localhost") for uid in uids)


@pytest.mark.django_db
def test_this_site_keeps_the_uids_and_product_id_subscribers_already_have(client, make_event):
    page = make_event(title="Netzwerktreffen")
    uids, prodid = uids_and_prodid(client)
    assert uids == [f"{page.occurrences.first().uid}@iq-sachsen.de"]
    assert prodid == "-//IQ Netzwerk Sachsen//Events//DE"


@pytest.mark.django_db
def test_one_date_download_uses_the_same_uid_domain(client, settings, make_event):
    del settings.EVENTS_UID_DOMAIN
    settings.WAGTAILADMIN_BASE_URL = "https://termine.example.org"
    page = make_event(dates=[(datetime.datetime(2031, 5, 6, 10), datetime.datetime(2031, 5, 6, 12))])
    response = client.get(page.ics_url)
    assert response.status_code == 200
    assert b"@termine.example.org" in response.content
