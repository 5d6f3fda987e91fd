"""What crawlers and link previews read: robots.txt, the sitemap index, one sitemap per
language, and each page's description, OpenGraph tags and hreflang alternates."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client, language):
    response = client.get(f"/{language}/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ET.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_robots_txt_keeps_crawlers_out_of_personal_and_admin_paths(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ("/admin/", "/api/", "/*/registration/"):
        assert f"Disallow: {path}" in lines
    sitemap = [line for line in lines if line.startswith("Sitemap: ")]
    assert sitemap == ["Sitemap: http://testserver/sitemap.xml"]


def test_the_sitemap_index_names_one_sitemap_per_language(client, demo_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    locations = [loc.text for loc in tree.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert locations == [f"http://testserver/{code}/sitemap.xml" for code, _ in settings.LANGUAGES]
    for location in locations:
        assert client.get(urlsplit(location).path).status_code == 200


def test_each_language_sitemap_lists_only_that_languages_live_public_pages(client, demo_content):
    german = sitemap_paths(client, "de")
    english = sitemap_paths(client, "en")
    assert "/de/" in german and len(german) > 10
    assert all(path.startswith("/de/") for path in german)
    assert "/en/" in english
    assert all(path.startswith("/en/") for path in english)
    # Every listed page answers, as a crawler would find it.
    for path in german[:40]:
        assert client.get(path).status_code == 200, path


def test_private_and_unpublished_pages_stay_out_of_the_sitemap(client, demo_content):
    german_home = Page.objects.get(url_path="/home/", locale__language_code="de") \
        if Page.objects.filter(url_path="/home/", locale__language_code="de").exists() \
        else Page.objects.filter(depth=2, locale__language_code="de").first()
    private, hidden = german_home.get_children().live()[:2]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden.unpublish()
    paths = sitemap_paths(client, "de")
    assert private.relative_url(None) not in paths
    assert hidden.relative_url(None) not in paths
    for page in private.get_descendants():
        assert page.relative_url(None) not in paths


def test_every_page_has_a_description_opengraph_and_alternates(client, demo_content):
    paths = sitemap_paths(client, "de")
    undescribed = [path for path in paths
                   if not re.search(r'<meta name="description" content="[^"\s][^"]*"',
                                    client.get(path).content.decode())]
    assert not undescribed, f"pages without a meta description: {undescribed}"
    for path in paths[:25]:
        html = client.get(path).content.decode()
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert len(description.group(1)) <= 170, path
        assert re.search(r'<meta property="og:title" content="[^"]+"', html), path
        assert f'<meta property="og:url" content="http://testserver{path}"' in html, path
        assert '<meta property="og:locale" content="de"' in html, path
        # hreflang alternates point at pages that exist.
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
        assert ("de", f"http://testserver{path}") in alternates, path
        for _code, href in alternates:
            assert client.get(urlsplit(href).path).status_code == 200, (path, href)
