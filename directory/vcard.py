"""vCard 4.0 (RFC 6350) for a centre and for a contact person, written by hand: no dependency."""

from django.utils.html import strip_tags


def escape(value):
    """Escape a text value: backslash, comma, semicolon and newlines (RFC 6350 §3.4)."""
    value = str(value).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line, limit=75):
    """Fold a content line at 75 octets without splitting a UTF-8 character (§3.2)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def render(properties):
    """A vCard from (name-with-params, value) pairs; values must already be escaped."""
    lines = ["BEGIN:VCARD", "VERSION:4.0"]
    lines += [f"{name}:{value}" for name, value in properties if value not in (None, "")]
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def centre_vcard(centre, url=""):
    properties = [("KIND", "org"), ("FN", escape(centre.title))]
    if centre.institution_id:
        properties.append(("ORG", escape(centre.institution.name)))
    if centre.has_address:
        adr = ";".join(escape(part) for part in
                       ["", "", centre.street, centre.city, "", centre.postal_code, "Deutschland"])
        properties.append(("ADR;TYPE=work", adr))
    if centre.latitude is not None and centre.longitude is not None:
        properties.append(("GEO", f"geo:{centre.latitude},{centre.longitude}"))
    properties += [
        ("TEL;TYPE=work,voice", escape(centre.phone)),
        ("EMAIL;TYPE=work", escape(centre.email)),
        ("URL", escape(centre.website or url)),
    ]
    note = strip_tags(centre.appointment_info or "")
    if centre.is_example_data:
        note = ("Beispieldaten / example data. " + note).strip()
    properties.append(("NOTE", escape(note)))
    return render(properties)


def contact_vcard(centre, contact):
    *given, family = contact.name.split() or [""]
    properties = [
        ("KIND", "individual"),
        ("FN", escape(contact.name)),
        ("N", ";".join([escape(family), escape(" ".join(given)), "", "", ""])),
        ("ORG", escape(centre.institution.name if centre.institution_id else centre.title)),
        ("ROLE", escape(contact.role)),
        ("TEL;TYPE=work,voice", escape(contact.public_phone)),
        ("EMAIL;TYPE=work", escape(contact.public_email)),
    ]
    return render(properties)
