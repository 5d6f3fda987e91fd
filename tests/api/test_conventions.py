"""Wagtail's API conventions on a multilingual site: `find/?html_path=` takes the website's
language-prefixed paths, listings can carry each page's translations with their URLs,
`meta.detail_url` and find's redirect name the host the client called, and every timestamp is
ISO 8601 with an offset."""

import datetime
import re
import zoneinfo

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
PAGES = "/api/v2/pages/"
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture
def translated_event(make_event, locales):
    event = make_event(title="Workshop", slug="workshop")
    translation = event.copy_for_translation(locales["en"], copy_parents=True)
    translation.title = "Workshop EN"
    translation.slug = "workshop-en"
    translation.save_revision().publish()
    return event, type(event).objects.get(pk=translation.pk)


def find(client, path, host="testserver"):
    return client.get(f"{PAGES}find/", {"html_path": path}, headers={"Host": host})


@pytest.mark.parametrize("language", ["de", "en"])
def test_find_resolves_the_website_path_of_each_language(client, translated_event, language):
    event, translation = translated_event
    page = event if language == "de" else translation
    assert page.url.startswith(f"/{language}/")
    response = find(client, page.url)
    assert response.status_code == 302, response.content
    assert response["Location"] == f"http://testserver{PAGES}{page.pk}/?"
    assert client.get(response["Location"]).json()["id"] == page.pk


def test_find_answers_404_for_a_path_in_the_wrong_language_or_unknown(client, translated_event):
    event, translation = translated_event
    assert find(client, translation.url.replace("/en/", "/de/")).status_code == 404
    assert find(client, "/en/no-such-page/").status_code == 404
    assert find(client, "/xx/").status_code == 404


def test_find_and_detail_urls_use_the_host_the_client_called(client, translated_event, settings):
    event, translation = translated_event
    settings.ALLOWED_HOSTS = ["*"]
    response = find(client, event.url, host="api.example.org")
    assert response["Location"].startswith(f"http://api.example.org{PAGES}{event.pk}/")
    listing = client.get(PAGES, {"type": "events.EventPage", "locale": "de"},
                         headers={"Host": "api.example.org"}).json()
    assert [item["meta"]["detail_url"] for item in listing["items"]] == [
        f"http://api.example.org{PAGES}{event.pk}/"]
    detail = client.get(f"{PAGES}{event.pk}/", headers={"Host": "api.example.org"}).json()
    assert detail["meta"]["parent"]["meta"]["detail_url"].startswith("http://api.example.org/")


def test_listing_can_include_translations_with_their_urls(client, translated_event):
    event, translation = translated_event
    listing = client.get(PAGES, {"type": "events.EventPage", "fields": "translations"}).json()
    by_id = {item["id"]: item["meta"]["translations"] for item in listing["items"]}
    assert by_id[event.pk] == [{"id": translation.pk, "locale": "en", "title": "Workshop EN",
                                "html_url": translation.get_full_url()}]
    assert by_id[translation.pk] == [{"id": event.pk, "locale": "de", "title": "Workshop",
                                      "html_url": event.get_full_url()}]
    assert translation.get_full_url().endswith("/en/" + translation.url.split("/en/", 1)[1])
    # Not by default: the plain listing stays as cheap as before.
    plain = client.get(PAGES, {"type": "events.EventPage"}).json()
    assert all("translations" not in item["meta"] for item in plain["items"])


def timestamps(value, key=""):
    """(key, value) of every string that looks like a date and time, anywhere in `value`."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from timestamps(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from timestamps(item, key)
    elif isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d", value):
        yield key, value


def test_every_timestamp_is_iso_8601_with_an_offset(client, translated_event, fair):
    event, _translation = translated_event
    answers = [
        client.get(f"{PAGES}{event.pk}/").json(),
        client.get(f"{PAGES}{fair.pk}/").json(),
        client.get(PAGES, {"fields": "*", "limit": 100}).json(),
        client.get("/api/v2/occurrences/").json(),
    ]
    found = [pair for answer in answers for pair in timestamps(answer)]
    keys = {key for key, _value in found}
    assert {"first_published_at", "start", "end"} <= keys, keys
    wrong = [(key, value) for key, value in found if not ISO_WITH_OFFSET.match(value)]
    assert not wrong, wrong
    # One convention for the offset too: the site's time zone (as the website shows times),
    # not UTC in one field and local time in the next.
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    for key, value in found:
        moment = datetime.datetime.fromisoformat(value)
        assert moment.utcoffset() == moment.astimezone(zone).utcoffset(), (key, value)
