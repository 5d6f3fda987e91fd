"""The offline venue map on event pages: an SVG outline with a marker where the venue has
coordinates, its text alternative and the OpenStreetMap link; nothing without coordinates."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from events.models import Venue
from events.venue_map import openstreetmap_url

pytestmark = pytest.mark.django_db


def venue_section(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.select_one('section[aria-labelledby="venue-heading"]')


def test_venue_with_coordinates_gets_a_map_with_marker_and_link(client, make_event):
    venue = Venue.objects.create(name="Neues Rathaus", street="Martin-Luther-Ring 4-6",
                                 postcode="04109", city="Leipzig", latitude=Decimal("51.337600"),
                                 longitude=Decimal("12.372600"))
    section = venue_section(client, make_event(title="Mit Karte", venue=venue))
    svg = section.select_one("figure.venue-map svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "venue-map-caption"
    assert len(svg.select("path")) == 13  # Saxony's districts and district-free cities
    marker = svg.select_one("circle.venue-map__marker")
    # Leipzig lies in the north-west of the map (800 × 604).
    assert 100 < float(marker["cx"]) < 250 and 100 < float(marker["cy"]) < 250
    caption = section.select_one("figcaption")
    assert "Neues Rathaus" in caption.get_text() and "Leipzig" in caption.get_text()
    link = caption.select_one("a")
    assert link["href"] == ("https://www.openstreetmap.org/?mlat=51.3376&mlon=12.3726"
                            "#map=17/51.3376/12.3726")
    assert "external" in link["rel"]
    assert "Martin-Luther-Ring 4-6" in section.get_text()  # the address stays the text


def test_venue_outside_the_map_gets_the_link_only(client, make_event):
    venue = Venue.objects.create(name="Rotes Rathaus", city="Berlin", latitude=Decimal("52.518"),
                                 longitude=Decimal("13.408"))
    section = venue_section(client, make_event(title="Berlin", venue=venue))
    assert section.select_one("figure.venue-map svg") is None
    assert section.select_one("figure.venue-map a")["href"].startswith(
        "https://www.openstreetmap.org/?mlat=52.518&mlon=13.408")


def test_venue_without_coordinates_gets_no_map(client, make_event):
    venue = Venue.objects.create(name="Saal", city="Dresden")
    section = venue_section(client, make_event(title="Ohne Karte", venue=venue))
    assert section is not None and section.select_one("figure.venue-map") is None


def test_no_map_file_means_link_only(client, make_event, settings):
    settings.DIRECTORY_MAP_SVG = None
    venue = Venue.objects.create(name="Saal", city="Meißen", latitude=Decimal("51.1636"),
                                 longitude=Decimal("13.4737"))
    section = venue_section(client, make_event(title="Ohne Datei", venue=venue))
    assert section.select_one("figure.venue-map svg") is None
    assert section.select_one("figure.venue-map a") is not None


def test_openstreetmap_url_drops_trailing_zeros():
    assert openstreetmap_url(Decimal("51.050400"), Decimal("13.737300"), zoom=15) == (
        "https://www.openstreetmap.org/?mlat=51.0504&mlon=13.7373#map=15/51.0504/13.7373")
    assert openstreetmap_url(Decimal("10.000000"), Decimal("20.500000")).startswith(
        "https://www.openstreetmap.org/?mlat=10&mlon=20.5#")
