"""Walk the demo site like a visitor: from each language's home page follow every internal
link (bounded) and require that none answers 4xx or 5xx."""

import time
from collections import deque
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.html_links import internal_path, links

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_URLS = 600
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/django-admin/")


def crawl(client, start_paths, max_urls=MAX_URLS):
    """Breadth-first walk; returns (visited paths, failures as (path, status, found on))."""
    queue = deque(start_paths)
    found_on = {path: None for path in start_paths}
    failures = []
    visited = []
    while queue and len(visited) < max_urls:
        path = queue.popleft()
        visited.append(path)
        response = client.get(path, follow=True)
        if response.status_code >= 400:
            failures.append((path, response.status_code, found_on[path]))
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue  # calendar files, documents, JSON: reachable is all we ask
        final_path = response.redirect_chain[-1][0] if response.redirect_chain else path
        for href in links(response.content.decode()):
            target = internal_path(final_path, href.split("#")[0] or final_path)
            if target is None or target.startswith(SKIP_PREFIXES) or target in found_on:
                continue
            found_on[target] = path
            queue.append(target)
    return visited, failures


def test_every_link_from_every_home_page_answers(client):
    call_command("load_demo_content", verbosity=0, stdout=StringIO())
    started = time.monotonic()
    visited, failures = crawl(client, [f"/{code}/" for code, _name in settings.LANGUAGES])
    print(f"crawled {len(visited)} URLs in {time.monotonic() - started:.1f} s, {len(failures)} failed")
    assert len(visited) > 200  # the demo really was walked, not just six home pages
    assert not failures, "\n".join(f"{status} {path} (linked from {origin})" for path, status, origin in failures)
