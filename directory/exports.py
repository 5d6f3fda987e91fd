"""CSV export of a district's responsibility matrix (safe to open in spreadsheet programs)."""

import csv
import io

from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise spreadsheet formulas (CSV injection): a leading = + - @ gets a quote."""
    value = "" if value is None else str(value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def matrix_csv(district, entries):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("District"), _("Topic"), _("Institution"), _("Department"), _("Contact person"),
                     _("Role"), _("Phone"), _("E-mail"), _("Note"), _("Example data")])
    for entry in entries:
        writer.writerow([safe_cell(value) for value in [
            district.name, entry.get_topic_display(),
            entry.institution.name if entry.institution_id else "", entry.department,
            entry.contact_name, entry.contact_role, entry.phone, entry.email, entry.note,
            _("yes") if entry.is_example_data else "",
        ]])
    # A byte-order mark lets spreadsheet programs detect UTF-8 (umlauts in names).
    return "\ufeff" + buffer.getvalue()
