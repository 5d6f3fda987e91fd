"""The OpenAPI document, its browsable documentation and the example front end."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

EXAMPLES_DIR = Path(settings.BASE_DIR) / "examples"


@require_GET
def schema(request):
    """`/api/schema/`: the OpenAPI 3 document, always JSON (also for `?format=json`)."""
    from django.utils import translation
    from drf_spectacular.generators import SchemaGenerator

    with translation.override("en"):  # one document for every client, labels in English
        document = SchemaGenerator().get_schema(request=None, public=True)
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/vnd.oai.openapi+json; charset=utf-8" if (
        "application/vnd.oai.openapi" in request.headers.get("Accept", "")
    ) else "application/json; charset=utf-8"
    return response


@require_GET
def docs(request):
    """`/api/docs/`: Swagger UI from static/api-docs/ (no CDN)."""
    return render(request, "cms/api_docs.html", {"schema_url": "/api/schema/"})


@require_GET
def examples(request, path="index.html"):
    """`/examples/…`: the headless demo front end, when SERVE_EXAMPLES or DEBUG is on."""
    if not (settings.DEBUG or getattr(settings, "SERVE_EXAMPLES", False)):
        raise Http404
    target = (EXAMPLES_DIR / path).resolve()
    if EXAMPLES_DIR.resolve() not in target.parents or not target.is_file():
        raise Http404
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target.open("rb"), content_type=content_type)
