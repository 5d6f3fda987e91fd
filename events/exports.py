"""Spreadsheet-safe export values, shared by every export of the events plugins."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Export values as text a spreadsheet shows, never runs: a leading ' defuses formulas."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
