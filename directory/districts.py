"""The district list is the site's data, not the plugin's: read it from a JSON or CSV file.

Each row has `slug`, `name`, `short_name` and `kind` ("landkreis" or "city"). The functions
take the model class so a data migration can pass its historical model.
"""

import csv
import json
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .errors import DirectoryError

FIELDS = ("slug", "name", "short_name", "kind")
KINDS = ("landkreis", "city")


def read_rows(path):
    """Rows from a `.json` file (a list of objects) or a `.csv` file with a header line."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            if path.suffix.lower() == ".csv":
                return list(csv.DictReader(handle))
            rows = json.load(handle)
    except (OSError, ValueError) as error:
        raise DirectoryError(_("Cannot read %(path)s: %(error)s") % {
            "path": path, "error": error}, code="unreadable") from error
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise DirectoryError(_("%(path)s must hold a list of districts.") % {"path": path})
    return rows


def _clean(row, number):
    values = {field: str(row.get(field) or "").strip() for field in FIELDS}
    values["short_name"] = values["short_name"] or values["name"]
    missing = [field for field in ("slug", "name", "kind") if not values[field]]
    if missing:
        raise DirectoryError(_("District %(number)s lacks %(fields)s.") % {
            "number": number, "fields": ", ".join(missing)})
    if values["kind"] not in KINDS:
        raise DirectoryError(_("District %(number)s: kind must be one of %(kinds)s.") % {
            "number": number, "kinds": ", ".join(KINDS)})
    return values


def _referenced(model, queryset):
    """Whether any row of another table points at one of these districts."""
    for relation in model._meta.related_objects:
        related = relation.related_model._base_manager
        if related.filter(**{f"{relation.field.name}__in": queryset}).exists():
            return True
    return False


def load_districts(model, rows, *, prune=False):
    """Create or update the districts by slug; `prune` removes the others (unless referenced).

    Returns (created, updated, removed) counts.
    """
    cleaned = [_clean(row, number) for number, row in enumerate(rows, start=1)]
    slugs = [values["slug"] for values in cleaned]
    created = updated = removed = 0
    with transaction.atomic():
        for values in cleaned:
            slug = values.pop("slug")
            _district, was_created = model._base_manager.update_or_create(slug=slug, defaults=values)
            created += was_created
            updated += not was_created
        if prune:
            others = model._base_manager.exclude(slug__in=slugs)
            if _referenced(model, others):
                raise DirectoryError(_("Districts that centres or responsibilities use cannot be "
                                       "removed."), code="referenced")
            removed, _by_model = others.delete()
    return created, updated, removed


def seeded_districts_unused(model, slugs):
    """True on a fresh installation: only the given districts exist and nothing uses them."""
    queryset = model._base_manager.filter(slug__in=slugs)
    return not model._base_manager.exclude(slug__in=slugs).exists() \
        and not _referenced(model, queryset)
