"""Pieces of a page kept in the cache under the content version (issue 16: uncached page within
12 queries) and Wagtail routing in one query: a publish or snippet change shows at once, a
preview's draft never reaches the cache, routing still answers as Wagtail's does."""

import pytest
from django.test.utils import override_settings
from wagtail.models import Locale

from events.models import Audience

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off():
    # The fragments are what this is about, not whole cached pages.
    with override_settings(PAGE_CACHE_SECONDS=0):
        yield


def _audience(name, slug):
    return Audience.objects.create(name=name, slug=slug, locale=Locale.get_default())


def test_a_renamed_audience_shows_at_once_on_the_event_page(client, make_event):
    audience = _audience("Zugewanderte", "zugewanderte")
    page = make_event(title="Bewerbungstraining", audiences=[audience])
    assert "Zugewanderte" in client.get(page.url).content.decode()
    audience.name = "Neu Zugewanderte"
    audience.save()
    assert "Neu Zugewanderte" in client.get(page.url).content.decode()


def test_a_published_audience_change_shows_at_once(client, make_event):
    first, second = _audience("Arbeitgeber", "arbeitgeber"), _audience("Beratende", "beratende")
    page = make_event(title="Netzwerktreffen", audiences=[first])
    assert "Arbeitgeber" in client.get(page.url).content.decode()
    page.audiences = [second]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Beratende" in html and "Arbeitgeber" not in html


def test_a_previewed_draft_never_reaches_the_cached_facts(client, rf, make_event):
    first, second = _audience("Arbeitgeber", "arbeitgeber"), _audience("Geheimer Entwurf", "entwurf")
    page = make_event(title="Netzwerktreffen", audiences=[first])
    client.get(page.url)
    page.audiences = [second]
    preview = page.make_preview_request(rf.get("/admin/"))
    assert "Geheimer Entwurf" in preview.content.decode()
    html = client.get(page.url).content.decode()
    assert "Arbeitgeber" in html and "Geheimer Entwurf" not in html


def test_routing_in_one_query_answers_as_wagtail_does(client, make_event, event_index):
    page = make_event(title="Workshop")
    draft = make_event(title="Entwurf", publish=False)
    assert client.get(page.url).status_code == 200
    assert client.get(event_index.url).status_code == 200
    assert client.get(page.url + "gibt-es-nicht/").status_code == 404
    assert client.get(event_index.url + "gibt-es-nicht/").status_code == 404
    assert client.get(f"{event_index.url}{draft.slug}/").status_code == 404
    assert client.get("/de/gibt-es-nicht/tiefer/").status_code == 404


def test_a_routable_page_still_answers_its_own_urls(client, home_page):
    # The directory listing routes its own subpaths (RoutablePageMixin) besides its children.
    from directory.models import DirectoryIndexPage

    index = home_page.add_child(instance=DirectoryIndexPage(title="Beratungsstellen", slug="beratung"))
    index.save_revision().publish()
    assert client.get("/de/beratung/").status_code == 200
    assert client.get("/de/beratung/zustaendigkeiten/").status_code == 200
    assert client.get("/de/beratung/keine-stelle/").status_code == 404
