"""The site's URLs plus /media/ served from the default storage, as the web server does.

Tests and the test server run with DEBUG off (no media route) and in-memory storage, so the
rendition URLs a page links to are checked through this urlconf.
"""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import re_path

from cms.urls import handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns


def media(request, path):
    if ".." in path or not default_storage.exists(path):
        raise Http404(path)
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(path), content_type=content_type)


urlpatterns = [re_path(r"^media/(?P<path>.+)$", media), *site_urlpatterns]
