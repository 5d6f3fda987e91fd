"""Headless preview: the admin's preview stores the draft; the API returns it for its token."""

from urllib.parse import quote

import pytest
from django.test import RequestFactory, override_settings
from wagtail_headless_preview.models import PagePreview
from wagtail_headless_preview.settings import headless_preview_settings

from events.models import EventPage

pytestmark = pytest.mark.django_db
URL = "/api/v2/page_preview/"
CLIENT = {"CLIENT_URLS": {"default": "https://frontend.example.org/preview"},
          "ENFORCE_TRAILING_SLASH": False}


@pytest.fixture
def headless():
    with override_settings(WAGTAIL_HEADLESS_PREVIEW=CLIENT):
        headless_preview_settings.reload()
        yield
    headless_preview_settings.reload()


def preview_draft(admin_client, page, title):
    """Edit the page in the admin form data and open the preview, as an editor does."""
    page.title = title
    page.save_revision()
    preview = page.specific.create_page_preview()
    return preview.token


def test_admin_preview_opens_the_front_end_with_a_token(admin_client, make_event, headless):
    event = make_event(title="Live title")
    response = event.serve_preview(RequestFactory().get("/admin/"), "")
    assert response.status_code == 200
    preview = PagePreview.objects.get()
    assert b"https://frontend.example.org/preview?content_type=events.eventpage&amp;token=" in (
        response.content)
    assert quote(preview.token) in response.content.decode()


def test_valid_token_returns_the_draft_only_there(client, admin_client, make_event, headless):
    event = make_event(title="Live title")
    token = preview_draft(admin_client, event, "Draft title")
    data = client.get(URL, {"content_type": "events.eventpage", "token": token}).json()
    assert data["id"] == event.pk and data["title"] == "Draft title"
    assert data["meta"]["type"] == "events.EventPage" and "body" in data
    assert client.get(f"/api/v2/pages/{event.pk}/").json()["title"] == "Live title"
    response = client.get(URL, {"content_type": "events.eventpage", "token": token})
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("params,status", [
    ({}, 400),
    ({"content_type": "events.eventpage"}, 400),
    ({"content_type": "events.eventpage", "token": "id=1:forged"}, 404),
    ({"content_type": "nope.nothing", "token": "x"}, 400),
])
def test_missing_or_invalid_tokens_are_refused(client, make_event, params, status):
    response = client.get(URL, params)
    assert response.status_code == status and response.json()["detail"]


def test_token_of_another_type_or_expired_is_refused(client, admin_client, make_event, headless):
    event = make_event(title="Live title")
    token = preview_draft(admin_client, event, "Draft title")
    assert client.get(URL, {"content_type": "home.homepage", "token": token}).status_code == 404
    with override_settings(HEADLESS_PREVIEW_MAX_AGE=-1):
        response = client.get(URL, {"content_type": "events.eventpage", "token": token})
    assert response.status_code == 404 and "expired" in response.json()["detail"]


def test_without_a_client_url_wagtail_previews_as_before(admin_client, make_event):
    event = make_event(title="Live title")
    response = admin_client.get(f"/admin/pages/{event.pk}/view_draft/")
    assert response.status_code == 200 and b"Live title" in response.content
    assert not PagePreview.objects.exists()
    assert isinstance(EventPage.objects.get(pk=event.pk), EventPage)

