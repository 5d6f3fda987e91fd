"""The directory map's district names: HTML labels on a solid background over the SVG (not SVG
text, whose contrast axe cannot measure), placed where the districts are."""

import pytest
from bs4 import BeautifulSoup

from directory.map import district_map

pytestmark = pytest.mark.django_db
URL = "/de/beratungsstellen/"


def test_district_names_are_html_labels_at_the_districts(client, sample_centres):
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    figure = soup.select_one("figure.directory-map")
    assert figure.select("svg text") == []
    labels = figure.select(".map-canvas > .map-labels > .map-label")
    assert len(labels) == 13
    assert figure.select_one(".map-labels")["aria-hidden"] == "true"  # the links carry the names
    by_name = {label.get_text(): label["style"] for label in labels}
    # Leipzig is in the north-west, Görlitz in the east, Vogtland in the south-west.
    frame = district_map()
    leipzig = next(s for s in frame.shapes if s.slug == "leipzig")
    assert by_name["Leipzig"] == f"left: {leipzig.label_left}%; top: {leipzig.label_top}%"
    assert leipzig.label_left < 30 and leipzig.label_top < 30
    goerlitz = next(s for s in frame.shapes if s.slug == "goerlitz")
    assert goerlitz.label_left > 80
    assert "map-label-city" in next(label["class"] for label in labels
                                    if label.get_text() == "Leipzig")


def test_label_places_are_percentages_of_the_map():
    frame = district_map()
    for shape in frame.shapes:
        assert 0 < shape.label_left < 100 and 0 < shape.label_top < 100
        assert shape.label_left == round(shape.label_x / frame.width * 100, 2)
