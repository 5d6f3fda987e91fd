"""Editors' own texts for registration e-mails: placeholders, their checks and their values.

A text is plain text with placeholders such as {name} or {cancel_url}. Substitution is done
here, piece by piece from string.Formatter().parse, never with str.format on objects: only
plain names from PLACEHOLDERS are replaced by strings, so no attribute or index access
("{name.__class__}") and no template syntax can reach the code. The HTML part escapes both
the editor's text and every value.
"""

import logging
import string

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Name → what it stands for (shown to editors in the help text and in form errors).
PLACEHOLDERS = {
    "name": _("name of the registrant"),
    "event": _("title of the event"),
    "date": _("day of the date, e.g. Thursday, 14 January 2027"),
    "time": _("start and end time, e.g. 10:00 – 13:00"),
    "venue": _("address of the venue (or “Online”)"),
    "kind": _("kind of registration, e.g. attendee or employer"),
    "reference": _("short reference of the registration"),
    "reason": _("message given with a cancellation or rejection"),
    "event_url": _("link to the event page"),
    "confirm_url": _("link that confirms the e-mail address"),
    "cancel_url": _("personal link to cancel or hand over the place"),
    "calendar_url": _("personal calendar subscription"),
    "online_url": _("online join link (only for settled places)"),
    "ticket_code": _("short ticket code shown at the check-in (only for settled places)"),
    "details": _("the standard block with event, date, venue and reference"),
    "site_name": _("name of the website"),
}


# Further e-mails that plugins let editors word (register_message in their ready()), with the
# placeholders only they have: name → (label, {placeholder: meaning}).
_plugin_messages = {}


def register_message(name, label, placeholders=None):
    """Let editors word a plugin's registration e-mail `name` ("trainings.certificate"); its
    sender calls custom_email(name, context) with the extra placeholders' values in `context`."""
    _plugin_messages[name] = (label, dict(placeholders or {}))


def message_choices():
    from events.models.mail_texts import MailMessage

    return [*MailMessage.choices, *((name, label) for name, (label, _p) in
                                    _plugin_messages.items())]


def placeholders_for(message=None):
    return {**PLACEHOLDERS, **_plugin_messages.get(message, (None, {}))[1]}


class PlaceholderError(ValueError):
    pass


def placeholder_help(message=None):
    return ", ".join(f"{{{name}}}" for name in placeholders_for(message))


def _pieces(text, message=None):
    """(literal, name) pairs of `text`; PlaceholderError for anything but a known plain name."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise PlaceholderError(gettext(
            "Braces must enclose a placeholder; write {{ and }} for a brace itself.")) from error
    pieces = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (name not in placeholders_for(message) or spec or conversion):
            shown = "{" + name + (f"!{conversion}" if conversion else "") + \
                (f":{spec}" if spec else "") + "}"
            raise PlaceholderError(gettext(
                "Unknown placeholder %(placeholder)s. Allowed are: %(allowed)s.")
                % {"placeholder": shown or "{}", "allowed": placeholder_help(message)})
        pieces.append((literal, name))
    return pieces


def check_text(text, message=None):
    """Raise ValidationError when `text` uses anything but the placeholders of `message`."""
    try:
        _pieces(text or "", message)
    except PlaceholderError as error:
        raise ValidationError(str(error), code="placeholder") from error


def substitute(text, values, html=False, message=None):
    """`text` with its placeholders replaced by `values` (strings); escaped for HTML if asked."""
    out = []
    for literal, name in _pieces(text, message):
        out.append(escape(literal) if html else literal)
        if name is not None:
            value = str(values.get(name, ""))
            if html and name.endswith("_url") and value:
                out.append(format_html('<a href="{0}">{0}</a>', value))
            else:
                out.append(escape(value) if html else value)
    return mark_safe("".join(out)) if html else "".join(out)


def render(text_object, values):
    """(subject, plain body, HTML body) of an editor's text, or None when it cannot be used
    (a translation imported with an unknown placeholder): the built-in text is sent then."""
    try:
        message = text_object.message
        subject = substitute(text_object.subject, values, message=message)
        body = substitute(text_object.body, values, message=message)
        # Every piece is escaped by substitute(); linebreaks only adds <p> and <br>.
        html = mark_safe(linebreaks(substitute(text_object.body, values, html=True,
                                               message=message)))
    except PlaceholderError:
        logger.warning("registration e-mail text %s has an unknown placeholder", text_object.pk)
        return None
    return subject, body, html


def values_from_context(context):
    """Placeholder values from the context of the built-in e-mail (events/registration/emails.py),
    in the active language."""
    from events.templatetags.event_tags import in_locale_of, long_date

    registration, occurrence, page = context["registration"], context["occurrence"], context["page"]
    if "cancel_url" not in context:  # a plugin's e-mail: the registrant's own links too
        from .emails import registration_links

        context = {**registration_links(registration), "option": registration.option, **context}
    venue = in_locale_of(occurrence.venue or getattr(page, "venue", None), page)
    if venue:
        venue_text = getattr(venue, "address", "") or str(venue)
    else:
        venue_text = gettext("Online") if occurrence.online_url else ""
    start, end = occurrence.start, occurrence.end
    return {
        "name": registration.name, "event": page.title,
        "date": long_date(start),
        "time": f"{date_format(start, 'H:i')} – {date_format(end, 'H:i')}" if end else
                date_format(start, "H:i"),
        "venue": venue_text, "kind": str(registration.option.kind_label),
        "reference": registration.reference[:8], "reason": registration.message,
        "event_url": context.get("page_url", ""), "confirm_url": context.get("confirm_url", ""),
        "cancel_url": context.get("cancel_url", ""),
        "calendar_url": context.get("calendar_url", ""),
        "online_url": getattr(occurrence, "personal_online_url", "") or "",
        "ticket_code": context.get("ticket_code", ""),
        "details": render_to_string("events/registration/email/_details.txt", context).strip(),
        "site_name": str(context.get("site_name", "")),
        # A plugin's own placeholders come from its e-mail's context.
        **{name: str(context.get(name) or "") for name in _all_plugin_placeholders()},
    }


def _all_plugin_placeholders():
    return {name for _label, extra in _plugin_messages.values() for name in extra}


def sample_values():
    """Values the admin preview shows, in the active language."""
    import datetime

    from django.utils import timezone

    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) \
        + datetime.timedelta(days=14)
    end = start + datetime.timedelta(hours=3)
    from events.templatetags.event_tags import long_date

    base = "https://www.example.org"
    details = "\n".join([
        f"{gettext('Event')}: {gettext('Sample event')}",
        f"{gettext('Date')}: {long_date(start)}, {date_format(start, 'H:i')} – "
        f"{date_format(end, 'H:i')}",
        f"{gettext('Venue')}: Musterstraße 1, 01067 Dresden",
    ])
    return {
        "name": "Erika Mustermann", "event": gettext("Sample event"), "date": long_date(start),
        "time": f"{date_format(start, 'H:i')} – {date_format(end, 'H:i')}",
        "venue": "Musterstraße 1, 01067 Dresden", "kind": gettext("Attendee"),
        "reference": "AbCd1234", "reason": gettext("Sample reason"),
        "event_url": f"{base}/events/sample/", "confirm_url": f"{base}/registration/confirm/…/",
        "cancel_url": f"{base}/registration/cancel/…/",
        "calendar_url": f"{base}/registration/calendar/…/",
        "online_url": f"{base}/online/…/", "ticket_code": "K7M-42Q", "details": details,
        "site_name": "IQ Netzwerk Sachsen",
        **{name: f"{base}/{name.removesuffix('_url').replace('_', '-')}/…/"
           for name in _all_plugin_placeholders()},
    }


def find_text(template, kind, language):
    """The editor's text for e-mail `template` to a registrant of `kind` in `language`: the one
    for that kind first, else the one for all kinds; None = built-in text. A language without
    its own translation gets the built-in text in that language, not another language's."""
    from events.models.mail_texts import RegistrationMailText

    texts = RegistrationMailText.objects.filter(
        message=template, kind__in=[kind, ""], locale__language_code=language)
    return sorted(texts, key=lambda text: text.kind != kind)[0] if texts else None


def custom_email(template, context):
    """(subject, body, html) from the editor's text for this e-mail, or None (built-in).
    `context` is the built-in e-mail's: registration, occurrence, page, links."""
    from django.utils import timezone, translation

    from events.models.occurrences import event_timezone

    registration = context["registration"]
    text = find_text(template, registration.option.kind, registration.language)
    if text is None:
        return None
    with translation.override(registration.language), timezone.override(event_timezone()):
        return render(text, values_from_context(context))
