"""The offline map: district shapes from the site's SVG (DIRECTORY_MAP_SVG), centres projected onto it."""

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from . import conf

SVG_NS = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Shape:
    slug: str
    css_class: str
    d: str
    label_x: float
    label_y: float
    # The label's place in percent of the map's width and height: labels are HTML over the
    # SVG, with a solid background that contrast checkers (axe) can measure.
    label_left: float = 0.0
    label_top: float = 0.0


@dataclass(frozen=True)
class MapFrame:
    width: int
    height: int
    lon0: float
    lon1: float
    lat0: float
    lat1: float
    shapes: tuple

    def project(self, latitude, longitude):
        """(x, y) in the SVG's coordinates: a linear projection over the map's bounding box."""
        x = (float(longitude) - self.lon0) / (self.lon1 - self.lon0) * self.width
        y = (self.lat1 - float(latitude)) / (self.lat1 - self.lat0) * self.height
        return round(x, 1), round(y, 1)

    def contains(self, latitude, longitude):
        return self.lat0 <= float(latitude) <= self.lat1 and self.lon0 <= float(longitude) <= self.lon1


def district_map():
    """The site's map, or None when it has none."""
    path = conf.get("DIRECTORY_MAP_SVG")
    return _parse(str(path)) if path else None


@functools.cache
def _parse(path):
    root = ET.parse(Path(path)).getroot()
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    shapes = []
    for element in root.iter(f"{SVG_NS}path"):
        d = element.get("d")
        points = [(float(x), float(y)) for x, y in re.findall(r"([\d.]+),([\d.]+)", d)]
        label_x = round(sum(p[0] for p in points) / len(points), 1)
        label_y = round(sum(p[1] for p in points) / len(points), 1)
        shapes.append(Shape(
            slug=element.get("data-district"),
            css_class=element.get("class", ""),
            d=d,
            label_x=label_x,
            label_y=label_y,
            label_left=round(label_x / width * 100, 2),
            label_top=round(label_y / height * 100, 2),
        ))
    return MapFrame(int(width), int(height), float(root.get("data-lon0")), float(root.get("data-lon1")),
                    float(root.get("data-lat0")), float(root.get("data-lat1")), tuple(shapes))
