"""The request's Wagtail Site comes from the cache (cms/sites.py): no site query on a rendered
page or API answer, and a site added or changed in the admin answers the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page, Site

from home.models import StandardPage

pytestmark = pytest.mark.django_db

uncached = override_settings(PAGE_CACHE_SECONDS=0)


def site_queries(client, path, host="localhost"):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, HTTP_HOST=host)
    return response, [q["sql"] for q in context.captured_queries
                      if 'FROM "wagtailcore_site"' in q["sql"]]


@pytest.fixture
def other_root(home_page):
    page = StandardPage(title="Partnerportal", slug="partnerportal")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@uncached
def test_a_rendered_page_and_an_api_answer_run_no_site_query_once_it_is_known(client, home_page):
    for path in ("/de/", "/api/v2/pages/?fields=title"):
        site_queries(client, path)
        site_queries(client, path)  # a first rendering may still write: a new generation
        response, queries = site_queries(client, path)
        assert response.status_code == 200, path
        assert queries == [], path


@uncached
def test_a_site_added_and_edited_in_the_admin_answers_the_next_request(
        client, admin_client, home_page, other_root):
    response, _ = site_queries(client, "/de/", host="partner.example")
    assert "Partnerportal" not in response.content.decode()  # the default site so far
    response = admin_client.post("/admin/sites/new/", {
        "hostname": "partner.example", "port": 80, "site_name": "Partner",
        "root_page": other_root.pk})
    assert response.status_code == 302, response.content[:500]
    site = Site.objects.get(hostname="partner.example")
    response, _ = site_queries(client, "/de/", host="partner.example")
    assert response.status_code == 200
    assert "<h1" in response.content.decode() and "Partnerportal" in response.content.decode()

    response = admin_client.post(f"/admin/sites/edit/{site.pk}/", {
        "hostname": "partner.example.org", "port": 80, "site_name": "Partner",
        "root_page": other_root.pk})
    assert response.status_code == 302, response.content[:500]
    response, queries = site_queries(client, "/de/", host="partner.example")
    assert queries, "the edit must be seen: the site is looked up again"
    assert "Partnerportal" not in response.content.decode()  # the default site's again
    assert Page.objects.filter(pk=other_root.pk).exists()
