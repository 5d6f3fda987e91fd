"""Spreadsheet exports shared by every export of the events plugins: values a spreadsheet shows,
never runs, and CSV/XLSX files that German Excel opens as they are."""

import csv
import datetime

from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from wagtail.admin.views.mixins import Echo, list_to_str

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
# German Excel splits columns at its list separator, the semicolon (the comma is the decimal
# separator), and reads a file as UTF-8 only when it starts with a byte order mark.
CSV_DELIMITER = ";"
BOM = "\ufeff"
# Local wall time without offset: Excel reads it as a date and time in any language.
DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def neutralise(value):
    """Export values as text a spreadsheet shows, never runs: a leading ' defuses formulas."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def local_datetime(value):
    """A stored (UTC) time as the naive wall time of the current zone (Europe/Berlin)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def local_datetime_text(value):
    return local_datetime(value).strftime(DATETIME_FORMAT)


def in_current_locale(lines):
    """Iterate `lines` (a generator) under the language and time zone active now, whenever the
    caller reads them; between lines the thread keeps whatever it had."""
    language, zone = translation.get_language(), timezone.get_current_timezone()

    def read():
        while True:
            with translation.override(language), timezone.override(zone):
                try:
                    line = next(lines)
                except StopIteration:
                    return
            yield line

    return read()


class ExcelExportMixin:
    """For a Wagtail index view with `list_export`: every CSV/XLSX value goes through
    neutralise(), times are local (Wagtail writes UTC), and the CSV has a BOM and semicolons,
    so that German Excel shows umlauts and columns."""

    custom_value_preprocess = {
        datetime.datetime: {"csv": local_datetime_text, "xlsx": local_datetime},
        (datetime.date, datetime.time): {"xlsx": None},
        list: {"csv": list_to_str, "xlsx": list_to_str},
    }

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        # The response streams after the view has returned, when Wagtail has already left the
        # admin user's language and time zone: each line is written back under the ones the
        # view ran with, so headings, labels and times match the page and the XLSX.
        return in_current_locale(self._csv_lines(queryset))

    def _csv_lines(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER)
        yield BOM.encode() + writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset),
                                         content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response
