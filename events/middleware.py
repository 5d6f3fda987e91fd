"""Refuse control characters in the URL before any view reads it.

No link, form or person types a NUL or another C0 control character into an address, and
PostgreSQL cannot store NUL in text: a lookup with one ends in a 500 deep in a query (tokens,
references, filter values). This answers 400 with a message instead: JSON under /api/,
a page in the visitor's language elsewhere. Tab, line feed and carriage return stay allowed
in query values (text pasted into a GET form may carry them); nothing is allowed in the path.
"""

import re

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

PATH_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
QUERY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(request):
    if PATH_CONTROLS.search(request.path):
        return True
    return any(QUERY_CONTROLS.search(key) or any(QUERY_CONTROLS.search(v) for v in values)
               for key, values in request.GET.lists())


class ControlCharactersMiddleware:
    """Place after LocaleMiddleware, so the message is in the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        message = _("The address contains characters that are not allowed (such as NUL).")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return render(request, "events/registration/message.html",
                      {"title": _("Invalid address"), "text": message}, status=400)
