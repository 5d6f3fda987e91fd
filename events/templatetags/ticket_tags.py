"""`{% registration_ticket registration %}`: the QR code and typed code of a settled place, for
the registrant's personal page (events/registration/tickets.py)."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from events.registration import tickets

register = template.Library()


@register.inclusion_tag("events/registration/_ticket.html")
def registration_ticket(registration):
    if not registration.has_secured_place:
        return {"ticket": None}
    code = tickets.short_code(registration.reference)
    label = _("QR code of your ticket, code %(code)s") % {"code": code}
    # segno writes the markup from the signed reference only (no input of the visitor).
    return {"ticket": {"code": code, "svg": mark_safe(tickets.qr_svg(registration, label))}}
