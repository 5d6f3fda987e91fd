"""Printable name badges (PDF, fpdf2) for the people holding a place on a date, and the PDF
helpers plugins share for door signs (jobfairs/table_signs.py).

A Unicode TrueType font (DejaVu Sans, Debian package fonts-dejavu-core, setting
EVENTS_PDF_FONT_DIR) draws names in Latin, Cyrillic and Arabic letters; without it a core font
is used and what Latin-1 lacks is transliterated. Arabic and Persian names are joined and
written right to left by fpdf2's text shaping (uharfbuzz); without it the letters stand apart.
"""

import io
import os
import unicodedata

from django.conf import settings
from django.utils import formats, timezone
from django.utils.text import slugify
from fpdf import FPDF

from events.conf import site_name
from events.models import Registration
from events.models.registrations import HOLDING_STATES

from . import tickets

DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
# Letters and punctuation that NFKD does not reduce to ASCII.
FALLBACKS = {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe",
             "ı": "i", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}


def font_paths():
    directory = getattr(settings, "EVENTS_PDF_FONT_DIR", DEFAULT_FONT_DIR)
    regular = os.path.join(directory, "DejaVuSans.ttf")
    bold = os.path.join(directory, "DejaVuSans-Bold.ttf")
    return (regular, bold if os.path.exists(bold) else regular) if os.path.exists(regular) else None


def transliterate(text):
    """Latin-1 text for the core fonts: accents kept where Latin-1 has them, others stripped."""
    result = []
    for char in str(text):
        if char in FALLBACKS:
            result.append(FALLBACKS[char])
            continue
        try:
            char.encode("latin-1")
            result.append(char)
        except UnicodeEncodeError:
            result.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
                          or "?")
    return "".join(result)


def shaping_available():
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


class Document(FPDF):
    """An FPDF with the Unicode font set up; `printable()` makes any string printable with it."""

    def __init__(self, *args, title="", **kwargs):
        super().__init__(*args, **kwargs)
        fonts = font_paths()
        if fonts:
            self.add_font("DejaVu", "", fonts[0])
            self.add_font("DejaVu", "B", fonts[1])
            self.base_family = "DejaVu"
        else:
            self.base_family = "Helvetica"
        self.unicode_font = bool(fonts)
        if fonts and shaping_available():
            self.set_text_shaping(use_shaping_engine=True)
        self.set_auto_page_break(False)
        site = self.printable(site_name())
        self.set_title(self.printable(title))
        self.set_author(site)
        self.set_creator(site)

    def printable(self, value):
        value = " ".join(str(value or "").split())
        return value if self.unicode_font else transliterate(value)

    def fitted_cell(self, width, height, value, *, size, style="", min_size=7, align="L"):
        """One line of `value` in the largest size up to `size` that fits `width`."""
        value = self.printable(value)
        while size > min_size:
            self.set_font(self.base_family, style, size)
            if self.get_string_width(value) <= width:
                break
            size -= 1
        else:
            self.set_font(self.base_family, style, min_size)
            while value and self.get_string_width(value + "…") > width:
                value = value[:-1]
            value += "…"
        self.cell(width, height, value, align=align)

    def output_bytes(self):
        return bytes(self.output())


def local_date(value):
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


def badge_registrations(occurrence):
    return (Registration.objects.filter(occurrence=occurrence, state__in=HOLDING_STATES,
                                        erased_at__isnull=True)
            .select_related("option").order_by("name", "pk"))


def organisation_of(registration):
    data = registration.data or {}
    return data.get("company") or data.get("organisation") or ""


# A4 portrait, 2 × 5 badges of 90 × 54 mm (the usual badge holder).
BADGE_W, BADGE_H, COLUMNS, ROWS = 90, 54, 2, 5
MARGIN_X, MARGIN_Y = (210 - COLUMNS * BADGE_W) / 2, (297 - ROWS * BADGE_H) / 2
QR_SIZE = 26


def render_badges(occurrence, registrations=None):
    """The badges of a date as PDF bytes: name, organisation, kind, QR ticket and typed code."""
    registrations = list(badge_registrations(occurrence) if registrations is None
                         else registrations)
    page = occurrence.page
    pdf = Document(format="A4", title=f"{page.title} – {local_date(occurrence.start)}")
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.2)
    per_page = COLUMNS * ROWS
    if not registrations:
        pdf.add_page()
    for index, registration in enumerate(registrations):
        if index % per_page == 0:
            pdf.add_page()
        column, row = index % COLUMNS, (index % per_page) // COLUMNS
        x, y = MARGIN_X + column * BADGE_W, MARGIN_Y + row * BADGE_H
        pdf.rect(x, y, BADGE_W, BADGE_H)  # the cutting line
        text_w = BADGE_W - QR_SIZE - 10
        pdf.set_xy(x + 4, y + 4)
        pdf.fitted_cell(BADGE_W - 8, 5, f"{page.title} · {local_date(occurrence.start)}", size=8)
        pdf.set_xy(x + 4, y + 14)
        pdf.fitted_cell(text_w, 10, registration.name, size=18, style="B")
        pdf.set_xy(x + 4, y + 25)
        pdf.fitted_cell(text_w, 6, organisation_of(registration), size=11)
        pdf.set_xy(x + 4, y + BADGE_H - 10)
        pdf.fitted_cell(text_w, 5, registration.option.kind_label, size=9)
        pdf.image(io.BytesIO(tickets.qr_png(registration, scale=4)),
                  x=x + BADGE_W - QR_SIZE - 4, y=y + 12, w=QR_SIZE, h=QR_SIZE)
        pdf.set_xy(x + BADGE_W - QR_SIZE - 4, y + 12 + QR_SIZE)
        pdf.fitted_cell(QR_SIZE, 5, tickets.short_code(registration.reference), size=9,
                        align="C")
    return pdf.output_bytes()


def pdf_filename(prefix, occurrence):
    return f"{prefix}-{slugify(occurrence.page.slug)[:40]}-{timezone.localtime(occurrence.start):%Y-%m-%d}.pdf"
