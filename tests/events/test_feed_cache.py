"""A repeated feed request is answered from the shared cache; any change renders it anew."""

import pytest

from events import feeds

pytestmark = pytest.mark.django_db
FEED = "/feeds/events.ics"


@pytest.fixture
def renders(monkeypatch):
    """How often the feed was rendered (not answered from the cache)."""
    counter = {"n": 0}
    original = feeds.EventsFeed.__call__

    def counting(self, request, *args, **kwargs):
        counter["n"] += 1
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(feeds.EventsFeed, "__call__", counting)
    return counter


def test_repeated_feed_request_is_served_from_the_cache(client, make_event, renders):
    make_event(title="Netzwerktreffen")
    first = client.get(FEED)
    second = client.get(FEED)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content and b"Netzwerktreffen" in second.content
    assert second["Content-Type"] == first["Content-Type"]
    assert renders["n"] == 1


def test_published_edit_renders_the_feed_anew(client, make_event, renders):
    page = make_event(title="Netzwerktreffen")
    client.get(FEED)
    page.title = "Netzwerktreffen Chemnitz"
    page.save_revision().publish()
    assert b"Netzwerktreffen Chemnitz" in client.get(FEED).content
    assert renders["n"] == 2
