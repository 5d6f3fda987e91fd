"""The attendance certificate ("Teilnahmebescheinigung") as a PDF, drawn with fpdf2.

A Unicode TrueType font (DejaVu Sans, Debian package fonts-dejavu-core) renders names in
any script; without it we fall back to a core font and transliterate what Latin-1 lacks.
The document title stays German (the programme's official name for the document); the rest
is written in the registrant's language.
"""

import os

from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from fpdf import FPDF

from events.conf import site_name
from events.models.occurrences import event_timezone
from events.registration.badges import transliterate

from . import conf

TITLE = "Teilnahmebescheinigung"


def font_paths():
    directory = conf.get("TRAININGS_CERTIFICATE_FONT_DIR")
    regular = os.path.join(directory, "DejaVuSans.ttf")
    bold = os.path.join(directory, "DejaVuSans-Bold.ttf")
    return (regular, bold if os.path.exists(bold) else regular) if os.path.exists(regular) else None


def certificate_filename(registration):
    page = registration.option.occurrence.page
    return f"teilnahmebescheinigung-{slugify(page.slug)[:40]}-{registration.reference[:8]}.pdf"


def _dates(occurrence):
    zone = event_timezone()
    start = timezone.localtime(occurrence.start, zone)
    end = timezone.localtime(occurrence.end, zone)
    if start.date() == end.date():
        day = formats.date_format(start, "DATE_FORMAT")
        # 24-hour times in every language: the certificate is a German document.
        return f"{day}, {start:%H:%M}–{end:%H:%M}"
    return f"{formats.date_format(start, 'DATE_FORMAT')} – {formats.date_format(end, 'DATE_FORMAT')}"


def certificate_lines(registration):
    """(label, value) rows of the certificate, in the registrant's language."""
    occurrence = registration.option.occurrence
    page = occurrence.page.specific
    programme = page.programme() if hasattr(page, "programme") else None
    trainers = ", ".join(trainer.name for trainer in page.trainers.all()) \
        if hasattr(page, "trainers") else ""
    rows = [
        (_("Name"), registration.name),
        (_("Module"), page.title),
        (_("Date"), _dates(occurrence)),
    ]
    if getattr(page, "duration", ""):
        rows.append((_("Duration"), page.duration))
    if trainers:
        rows.append((_("Trainer"), trainers))
    organisation = (registration.data or {}).get("organisation")
    if organisation:
        rows.append((_("Organisation"), organisation))
    funding = programme.funding_notice if programme else ""
    return rows, funding, programme.title if programme else ""


def render_certificate(registration):
    """The PDF as bytes."""
    fonts = font_paths()
    text = (lambda value: str(value)) if fonts else transliterate
    with translation.override(registration.language):
        rows, funding, programme_title = certificate_lines(registration)
        subtitle = _("Certificate of attendance")
        confirms = _("We confirm that the person named below took part in this training "
                     "of the programme “%(programme)s”.") % {
            "programme": programme_title or _("Intercultural training of labour market actors")}
        issued = _("Issued on %(date)s") % {
            "date": formats.date_format(timezone.localdate(), "DATE_FORMAT")}
        site = site_name()
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(text(site))
    pdf.set_creator(text(site))
    if fonts:
        pdf.add_font("DejaVu", "", fonts[0])
        pdf.add_font("DejaVu", "B", fonts[1])
        family = "DejaVu"
    else:
        family = "Helvetica"
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    pdf.set_font(family, "B", 24)
    pdf.cell(0, 14, TITLE, new_x="LMARGIN", new_y="NEXT", align="C")
    if subtitle != TITLE:
        pdf.set_font(family, "", 13)
        pdf.cell(0, 8, text(subtitle), new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(10)
    pdf.set_font(family, "", 11)
    pdf.multi_cell(0, 6, text(confirms), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for label, value in rows:
        pdf.set_font(family, "B", 11)
        pdf.cell(45, 8, text(label) + ":")
        pdf.set_font(family, "", 11)
        pdf.multi_cell(0, 8, text(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.cell(0, 8, text(issued), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, text(site), new_x="LMARGIN", new_y="NEXT")
    if funding:
        pdf.set_y(-50)
        pdf.set_font(family, "", 9)
        pdf.multi_cell(0, 5, text(funding), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
