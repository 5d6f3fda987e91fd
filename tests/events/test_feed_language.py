"""The feed speaks its language (categories and venues too), has no empty properties, and
filters exactly like the HTML listing with the same query string."""

import pytest
from wagtail.models import Locale

from events.models import Category, Venue

from .test_feeds import FEED, events_of, future, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


def test_an_english_feed_names_the_category_and_venue_in_english(client, make_event, english):
    category = Category.objects.create(name="Jobmesse", slug="jobfair")
    translated = category.copy_for_translation(english)
    translated.name = "Job fair"
    translated.save()
    venue = Venue.objects.create(name="Messehalle", city="Leipzig", street="Messeallee 1")
    venue_en = venue.copy_for_translation(english)
    venue_en.name = "Exhibition hall"
    venue_en.save()
    # A German page without an English translation: the English feed shows it in German,
    # but its vocabulary in English.
    make_event(title="Bewerbertag Bau", category=category, venue=venue,
               dates=[(future(5), future(5, 16))])
    (event,) = events_of(parse(client.get(FEED + "?lang=en")))
    assert [str(value) for value in event["CATEGORIES"].cats] == ["Job fair"]
    assert str(event["LOCATION"]).startswith("Exhibition hall")
    (german,) = events_of(parse(client.get(FEED)))
    assert [str(value) for value in german["CATEGORIES"].cats] == ["Jobmesse"]


def test_no_empty_properties_for_dates_without_category_or_venue(client, make_event):
    make_event(title="Ohne Kategorie", dates=[(future(3), future(3, 12))])
    body = client.get(FEED).content.decode().replace("\r\n ", "")
    empty = [line for line in body.split("\r\n") if line.endswith(":")]
    assert empty == []
    assert "CATEGORIES" not in body


def summaries(client, url):
    return sorted(str(event["SUMMARY"]) for event in events_of(parse(client.get(url))))


def listed_titles(client, url):
    html = client.get(url).content.decode()
    return sorted(title for title in ("In Leipzig", "In Dresden") if title in html)


@pytest.mark.parametrize("query", ["city=leipzig", "city=LEIPZIG", "city=Leipzig"])
def test_listing_and_feed_filter_the_same_way(client, make_event, event_index, query):
    leipzig = Venue.objects.create(name="Rathaus", city="Leipzig")
    dresden = Venue.objects.create(name="Rathaus", city="Dresden")
    make_event(title="In Leipzig", venue=leipzig, dates=[(future(3), future(3, 12))])
    make_event(title="In Dresden", venue=dresden, dates=[(future(4), future(4, 12))])
    assert summaries(client, f"{FEED}?{query}") == ["In Leipzig"]
    assert listed_titles(client, f"{event_index.url}?{query}") == ["In Leipzig"]


def test_listing_and_feed_filter_by_type(client, make_event, event_index):
    make_event(title="In Leipzig", dates=[(future(3), future(3, 12))])
    assert summaries(client, f"{FEED}?type=event") == ["In Leipzig"]
    assert listed_titles(client, f"{event_index.url}?type=event") == ["In Leipzig"]
    assert summaries(client, f"{FEED}?type=jobfair") == []
    assert listed_titles(client, f"{event_index.url}?type=jobfair") == []
    bad = client.get(f"{FEED}?type=party")
    assert bad.status_code == 400 and "type" in bad.content.decode()


def test_the_listing_links_the_feed_with_its_filters(client, event_index, make_event):
    html = client.get(f"{event_index.url}?city=leipzig&type=event&language=ar").content.decode()
    assert "city=Leipzig" in html or "city=leipzig" in html
    assert "type=event" in html and "language=ar" in html
