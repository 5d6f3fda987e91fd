"""`{% kind_notice registration "html" %}`: the paragraph a registration kind adds to the status
page and the confirmation e-mail (RegistrationKind.notice), or nothing."""

from django import template
from django.template.loader import render_to_string

from events.registration.kinds import get_kind

register = template.Library()


@register.simple_tag
def kind_notice(registration, medium="html"):
    kind = get_kind(registration.option.kind) if registration else None
    if kind is None or kind.notice is None:
        return ""
    found = kind.notice(registration, medium)
    if not found:
        return ""
    template_name, context = found
    # Rendered by its own template, which escapes (html) or not (txt) as it should.
    return render_to_string(template_name, {"registration": registration, **context})
