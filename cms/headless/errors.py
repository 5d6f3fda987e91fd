"""One JSON shape for every API endpoint: errors as `{"detail": "..."}` or
`{"errors": {field: [...]}}`, bodies without indentation."""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError


class JSONErrorsMixin:
    """Wagtail's endpoints answer `{"message": ...}`; add `detail` (the project's key) to it.

    `message` stays for clients written against stock Wagtail.
    """

    def get_renderer_context(self):
        """Without Wagtail's `indent=4`, which made Python's JSON encoder fall back from its C
        implementation to the pure-Python one (a tenth of a listing's time), like the
        plugins' endpoints."""
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            message = str(exc) or "Not found."
            return Response({"detail": message, "message": message},
                            status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response({"detail": str(exc), "message": str(exc)},
                            status=status.HTTP_400_BAD_REQUEST)
        response = super().handle_exception(exc)
        data = getattr(response, "data", None)
        if isinstance(exc, ValidationError) and isinstance(data, dict):  # a filter's value
            response.data = {"errors": {name: [str(m) for m in messages]
                                        for name, messages in data.items()}}
        elif isinstance(data, dict) and "detail" in data and "errors" not in data:
            response.data = {"detail": str(data["detail"])}
        return response


def api_not_found(request, *args, **kwargs):
    """Any other path under /api/: JSON, not the site's HTML 404 page."""
    return JsonResponse({"detail": "No API endpoint at this address."}, status=404)


def server_error(request):
    """The site's handler500: JSON under /api/ (clients parse it), the HTML page elsewhere.

    Reads nothing from the database: after a database error the connection may be unusable.
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Server error. Please try again later.")}, status=500)
    return defaults.server_error(request)
