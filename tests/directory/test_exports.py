"""Machine-readable exports: the matrix CSV and the vCards, parsed back as a program would."""

import csv
import io

import pytest

from directory.exports import safe_cell
from directory.vcard import escape, fold

from .conftest import make_entry

pytestmark = pytest.mark.django_db
URL = "/de/beratungsstellen/"


def parse_vcard(text):
    """A small RFC 6350 reader: CRLF lines, unfolding, parameters, unescaping."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "")
    lines = unfolded.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCARD" and lines[-1] == "END:VCARD"
    props = {}
    for line in lines[1:-1]:
        name_params, value = line.split(":", 1)
        name = name_params.split(";")[0]
        props[name] = value
    return props


def unescape(value):
    out, chars = "", iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out += "\n" if nxt in "nN" else nxt
        else:
            out += char
    return out


def split_unescaped(value, sep=";"):
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == sep:
            parts.append(unescape(current))
            current = ""
        else:
            current += char
    parts.append(unescape(current))
    return parts


def test_centre_vcard_parses_with_address_phone_and_geo(client, sample_centres):
    response = client.get(URL + "ibas-leipzig/vcard/")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="ibas-leipzig.vcf"' in response["Content-Disposition"]
    props = parse_vcard(response.content.decode())
    assert props["VERSION"] == "4.0"
    assert unescape(props["FN"]) == "IBAS Leipzig"
    assert split_unescaped(props["ADR"]) == ["", "", "Beispielstraße 1", "Leipzig", "", "04109", "Deutschland"]
    assert props["TEL"] == "0341 123456"
    assert props["EMAIL"] == "ibas@example.org"
    assert props["GEO"] == "geo:51.339700,12.373100"


def test_contact_vcard_only_for_people_who_consented(client, sample_centres):
    anna, bernd = sample_centres["leipzig"].contacts.all()
    response = client.get(URL + f"ibas-leipzig/kontakt/{anna.pk}/vcard/")
    props = parse_vcard(response.content.decode())
    assert unescape(props["FN"]) == "Anna Beispiel"
    assert split_unescaped(props["N"])[:2] == ["Beispiel", "Anna"]
    assert props["EMAIL"] == "anna@example.org"
    assert unescape(props["ROLE"]) == "Beratung"
    assert client.get(URL + f"ibas-leipzig/kontakt/{bernd.pk}/vcard/").status_code == 404
    assert client.get(URL + "ibas-leipzig/kontakt/999999/vcard/").status_code == 404


def test_vcard_escapes_special_characters_and_folds_long_lines():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "NOTE:" + "ä" * 100
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    assert unescape(escape("Termine: Di, Do; sonst\nnach Absprache")) == "Termine: Di, Do; sonst\nnach Absprache"


def test_matrix_csv_has_one_row_per_entry_and_opens_as_utf8(client, districts, sample_centres):
    make_entry(districts["meissen"], "work_permit", department="Ausländeramt",
               contact_name="Frau Kretzschmar", phone="03521 1")
    make_entry(districts["meissen"], "benefits", department="Jobcenter (Optionskommune)")
    make_entry(districts["leipzig"], "benefits", department="Jobcenter Leipzig")
    response = client.get(URL + "zustaendigkeiten/meissen/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="zustaendigkeiten-meissen.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 3  # header + two Meißen entries, none from Leipzig
    assert rows[1][0] == "Landkreis Meißen"
    assert rows[1][3] == "Ausländeramt" and rows[1][4] == "Frau Kretzschmar"
    assert rows[2][3] == "Jobcenter (Optionskommune)"


def test_matrix_csv_neutralises_spreadsheet_formulas(client, districts, sample_centres):
    make_entry(districts["meissen"], "benefits", department="=HYPERLINK(\"http://evil\")",
               note="@SUM(A1)", contact_name="-2+3", phone="+49 3521 1")
    text = client.get(URL + "zustaendigkeiten/meissen/csv/").content.decode().lstrip("\ufeff")
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[3] == "'=HYPERLINK(\"http://evil\")"
    assert row[4] == "'-2+3"
    assert row[6] == "'+49 3521 1"
    assert row[8] == "'@SUM(A1)"
    assert safe_cell("Normal") == "Normal" and safe_cell(None) == ""
