"""Settings the directory plugin reads, each with its default (documented in the README)."""

from django.conf import settings

DEFAULTS = {
    # An SVG with one <path data-district="<slug>"> per district and the bounding box in
    # data-lon0/lon1/lat0/lat1 on the root; None: the directory shows no map.
    "DIRECTORY_MAP_SVG": None,
    # schema.org addressRegion of the centres' addresses (e.g. the federal state); "" omits it.
    "DIRECTORY_ADDRESS_REGION": "",
    # Wall-clock zone of opening hours ("open now").
    "DIRECTORY_TIME_ZONE": "Europe/Berlin",
}


def get(name):
    value = getattr(settings, name, None)
    return DEFAULTS[name] if value is None else value
