"""Spreadsheet-safe export values, shared by every export of the events plugins."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Export values as text a spreadsheet shows, never runs: a leading ' defuses formulas."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class NeutralisedExportMixin:
    """For a Wagtail index view with `list_export`: every CSV/XLSX value goes through neutralise()."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
