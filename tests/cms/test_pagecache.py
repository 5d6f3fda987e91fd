"""Public pages from the shared cache: hits without queries, purged by every change a visitor
would see, never for editors, previews, restricted pages or pages holding a CSRF token."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageViewRestriction

from events.models import Venue
from events.registration import services

pytestmark = pytest.mark.django_db


def test_second_request_is_served_from_the_cache_without_queries(client, make_event,
                                                                 django_assert_max_num_queries):
    page = make_event(title="Bewerbungstraining")
    first = client.get(page.url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    with django_assert_max_num_queries(2):
        second = client.get(page.url)
    assert second.status_code == 200 and second["X-Cache"] == "HIT"
    assert second.content == first.content


def test_language_and_query_are_separate_entries(client, make_event):
    page = make_event(title="Bewerbungstraining")
    client.get(page.url)
    assert client.get(page.url + "?seite=2")["X-Cache"] == "MISS"
    assert client.get(page.url, HTTP_HOST="other.example.org")["X-Cache"] == "MISS"


def test_published_edit_appears_at_once(client, make_event):
    page = make_event(title="Bewerbungstraining")
    assert "Bewerbungstraining" in client.get(page.url).content.decode()
    page.title = "Bewerbungstraining kompakt"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Cache"] == "MISS"
    assert "Bewerbungstraining kompakt" in response.content.decode()


def test_unpublished_page_is_gone_at_once(client, make_event):
    page = make_event(title="Bewerbungstraining")
    client.get(page.url)
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404


def test_renamed_venue_appears_on_the_cached_event_page(client, make_event):
    venue = Venue.objects.create(name="Volkshochschule", street="Löhrstraße 3",
                                 postcode="04105", city="Leipzig")
    page = make_event(title="Bewerbungstraining", venue=venue)
    assert "Volkshochschule" in client.get(page.url).content.decode()
    venue.name = "Stadtbibliothek"
    venue.save()
    html = client.get(page.url).content.decode()
    assert "Stadtbibliothek" in html and "Volkshochschule" not in html


def test_places_left_change_after_a_registration(client, make_option, register):
    option = make_option(capacity=5)
    url = option.occurrence.page.url
    assert "5 Plätze frei" in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "HIT"
    register(option)
    html = client.get(url).content.decode()
    assert "4 Plätze frei" in html


def test_logged_in_editor_is_never_served_or_stored(client, make_event):
    page = make_event(title="Bewerbungstraining")
    client.get(page.url)  # the anonymous copy is stored
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    for _attempt in range(2):
        response = client.get(page.url)
        assert response.status_code == 200 and "X-Cache" not in response
    client.logout()
    assert client.get(page.url)["X-Cache"] == "HIT"


def test_preview_is_never_cached(client, rf, make_event):
    page = make_event(title="Bewerbungstraining")
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"
    page.title = "Entwurf, noch nicht veröffentlicht"
    # Wagtail's preview runs a dummy request for the page's URL through the middleware.
    preview = page.make_preview_request(rf.get("/admin/"))
    assert "Entwurf, noch nicht veröffentlicht" in preview.content.decode()
    response = client.get(page.url)
    assert response["X-Cache"] == "HIT"
    assert "Entwurf, noch nicht veröffentlicht" not in response.content.decode()
    assert "X-Cache" not in client.get(page.url + "?preview=1")


def test_password_restricted_page_and_its_form_are_never_cached(client, make_event):
    page = make_event(title="Interner Workshop")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")
    for _attempt in range(2):
        response = client.get(page.url)
        assert response.status_code == 200 and response.get("X-Cache") != "HIT"
        assert "csrfmiddlewaretoken" in response.content.decode()
    restriction = PageViewRestriction.objects.get(page=page)
    unlocked = client.post(reverse("wagtailcore_authenticate_with_password",
                                   args=[restriction.pk, page.pk]),
                           {"password": "geheim", "return_url": page.url}, follow=True)
    assert unlocked.status_code == 200 and "X-Cache" not in unlocked
    client.cookies.clear()
    assert "csrfmiddlewaretoken" in client.get(page.url).content.decode()


def test_page_that_used_a_csrf_token_is_not_stored(client, make_event, monkeypatch):
    from django.middleware.csrf import get_token

    from events.models import EventPage

    page = make_event(title="Bewerbungstraining")
    original = EventPage.get_context

    def with_token(self, request, *args, **kwargs):
        get_token(request)  # as {% csrf_token %} in a form on the page would
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(EventPage, "get_context", with_token)
    for _attempt in range(2):
        assert "X-Cache" not in client.get(page.url)


def test_registration_form_is_never_cached(client, option):
    url = f"/de/registration/{option.occurrence.uid}/{option.kind}/"
    tokens = set()
    for _attempt in range(2):
        response = client.get(url)
        assert response.status_code == 200 and "X-Cache" not in response
        tokens.add(re.search(r'name="form_token" value="([^"]*)"',
                             response.content.decode()).group(1))
    assert len(tokens) == 2


def test_registration_service_purges_places_left(client, make_option, committed):
    option = make_option(capacity=3)
    url = option.occurrence.page.url
    client.get(url)
    committed(services.register, option, name="Ada", email="ada@example.org", consent=True)
    assert "2 Plätze frei" in client.get(url).content.decode()
