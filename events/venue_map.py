"""A small offline map of a venue: the region's outline from the site's SVG (EVENTS_MAP_SVG,
the same kind of file as the directory's map) with a marker, and a link to OpenStreetMap.
No tiles are downloaded; without the setting the page shows the link alone."""

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from . import conf

SVG_NS = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Outline:
    width: int
    height: int
    west: float
    east: float
    south: float
    north: float
    paths: tuple

    def point(self, latitude, longitude):
        """(x, y) of a WGS 84 position on the outline, None outside it (linear projection,
        as the file's data-lon0/lon1/lat0/lat1 declare)."""
        lat, lon = float(latitude), float(longitude)
        if not (self.south <= lat <= self.north and self.west <= lon <= self.east):
            return None
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


@functools.cache
def _outline(path):
    root = ET.parse(Path(path)).getroot()
    _x, _y, width, height = (float(value) for value in root.get("viewBox").split())
    lon0, lon1 = float(root.get("data-lon0")), float(root.get("data-lon1"))
    lat0, lat1 = float(root.get("data-lat0")), float(root.get("data-lat1"))
    paths = tuple(element.get("d") for element in root.iter(f"{SVG_NS}path") if element.get("d"))
    return Outline(int(width), int(height), min(lon0, lon1), max(lon0, lon1),
                   min(lat0, lat1), max(lat0, lat1), paths)


def outline():
    path = conf.get("EVENTS_MAP_SVG")
    return _outline(str(path)) if path else None


def openstreetmap_url(latitude, longitude, zoom=17):
    # "f": 10.000000 normalises to 1E+1, which OpenStreetMap would not read.
    lat, lon = (format(Decimal(value).normalize(), "f") for value in (latitude, longitude))
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={zoom}/{lat}/{lon}"


def venue_map(venue):
    """What the template draws for a venue with coordinates, else None:
    {"outline", "x", "y", "osm_url"} ("outline" None when the site has no map or the venue
    lies outside it)."""
    if venue is None or venue.latitude is None or venue.longitude is None:
        return None
    frame = outline()
    point = frame.point(venue.latitude, venue.longitude) if frame else None
    return {
        "outline": frame if point else None,
        "x": point[0] if point else None,
        "y": point[1] if point else None,
        "osm_url": openstreetmap_url(venue.latitude, venue.longitude),
    }
