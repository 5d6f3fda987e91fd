"""Nothing private leaks: drafts, draft changes, view-restricted pages, restricted documents,
registrations' personal data — in listings, details, search, filters, StreamField, dates."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

pytestmark = pytest.mark.django_db
URLS = ["/api/v2/pages/?fields=*&limit=100", "/api/v2/pages/?search=Geheim",
        "/api/v2/pages/?search=Geheimtreffen", "/api/v2/occurrences/?limit=100",
        "/api/v2/pages/?date_from=2000-01-01&fields=*"]


def everything(client, extra=()):
    """Every listing and every listed page's detail, as one string."""
    texts = []
    for url in [*URLS, *extra]:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    for item in client.get("/api/v2/pages/?limit=100").json()["items"]:
        texts.append(client.get(f"/api/v2/pages/{item['id']}/").content.decode())
    return "\n".join(texts)


def test_drafts_never_appear(client, make_event):
    draft = make_event(title="Geheimtreffen Entwurf", publish=False)
    text = everything(client)
    assert "Geheimtreffen" not in text
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_unpublished_changes_of_a_live_page_stay_hidden(client, make_event):
    event = make_event(title="Öffentlicher Workshop")
    event.title = "Geheimtreffen umbenannt"
    event.summary = "Geheim: noch nicht veröffentlicht"
    event.save_revision()  # a draft revision, not published
    text = everything(client)
    assert "Öffentlicher Workshop" in text
    assert "Geheim" not in text


def test_view_restricted_pages_and_their_dates_stay_hidden(client, make_event, event_index):
    private = make_event(title="Geheimtreffen intern")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    text = everything(client, extra=["/api/v2/pages/?section=veranstaltungen"])
    assert "Geheimtreffen" not in text
    assert str(private.occurrences.first().uid) not in text
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404


def test_login_restricted_section_hides_its_children(client, make_event, event_index):
    PageViewRestriction.objects.create(page=event_index, restriction_type="login")
    make_event(title="Geheimtreffen unter Login")
    text = everything(client)
    assert "Geheimtreffen" not in text and "Veranstaltungen" not in text


def test_streamfield_links_to_private_pages_show_only_an_id(client, make_event):
    private = make_event(title="Geheimtreffen verlinkt", publish=False)
    event = make_event(title="Offen", body=[("call_to_action", {
        "text": "Mehr", "label": "Los", "page": private, "url": ""})])
    body = client.get(f"/api/v2/pages/{event.pk}/").json()["body"]
    assert body[0]["value"]["page"] == private.pk
    assert "Geheim" not in json.dumps(body)


def test_registrations_never_appear(client, option, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v2/registrations/", json.dumps({
            "occurrence": option.occurrence_id, "kind": "attendee", "name": "Ada Lovelace",
            "email": "ada.secret@example.org", "consent": True, "phone": "0341 999999"}),
            content_type="application/json")
    assert response.status_code == 201
    text = everything(client, extra=[f"/api/v2/pages/{option.occurrence.page_id}/?fields=*"])
    for secret in ("Ada Lovelace", "ada.secret@example.org", "999999",
                   response.json()["reference"]):
        assert secret not in text
    item = client.get("/api/v2/occurrences/").json()["items"][0]
    assert item["registration"][0]["remaining"] == option.capacity - 1  # only counts


def test_documents_of_restricted_collections_are_not_listed(client, db):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
    Document.objects.create(title="Öffentlicher Flyer", file=ContentFile(b"x", name="flyer.pdf"))
    secret = Document.objects.create(title="Geheime Liste", collection=internal,
                                     file=ContentFile(b"x", name="liste.pdf"))
    text = client.get("/api/v2/documents/?search=Geheime").content.decode()
    text += client.get("/api/v2/documents/").content.decode()
    assert "Öffentlicher Flyer" in text and "Geheime" not in text
    assert client.get(f"/api/v2/documents/{secret.pk}/").status_code == 404


def test_online_meeting_links_are_not_published(client, make_event):
    start = datetime.datetime(2099, 1, 1, 10)
    make_event(dates=[{"start": start, "end": start + datetime.timedelta(hours=2),
                       "online_url": "https://meet.example.org/secret-room"}])
    text = client.get("/api/v2/occurrences/").content.decode()
    assert "secret-room" not in text and '"online":true' in text.replace(" ", "")
