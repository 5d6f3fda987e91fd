"""Cache calls per request (issue 16): constant for an API listing, however many pages it
shows, and on Redis without building a new client for each call."""

import os

import pytest
from django.core.cache import cache, caches

from tests.api.test_query_counts import ITEMS, at_least

pytestmark = pytest.mark.django_db


class CountingCache:
    """Counts the calls of the default cache's methods (not those one makes of another, as
    the local-memory cache's `get_many` calls `get` for each key)."""

    METHODS = ("get", "get_many", "set", "set_many", "add", "delete", "incr")

    def __init__(self, monkeypatch):
        self.calls = []
        self.depth = 0
        for name in self.METHODS:
            original = getattr(cache, name)
            monkeypatch.setattr(cache, name, self._counted(name, original))

    def _counted(self, name, original):
        def counted(*args, **kwargs):
            if not self.depth:
                self.calls.append((name, args[0] if args else None))
            self.depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1
        return counted


@pytest.fixture
def modules(demo_content, settings):
    from trainings.models import TrainingModulePage

    settings.PAGE_CACHE_API_PREFIXES = ()  # the listing is rendered, not served from the cache
    settings.PAGE_CACHE_API_ITEM_SECONDS = 0  # nor are its items
    at_least(TrainingModulePage, ITEMS)


@pytest.mark.slow
def test_api_listing_makes_as_many_cache_calls_for_ten_pages_as_for_two(
        client, modules, monkeypatch):
    """Each module's address read the sites' root paths from the cache, and each date's
    places their count: 8 calls for 2 modules and 32 for 10 before; now the renditions in one
    call and the root paths in another."""
    url = "/api/v2/pages/?type=trainings.TrainingModulePage&fields=*"
    client.get(f"{url}&limit={ITEMS}")  # renditions and root paths written once
    counted = {}
    for limit in (2, ITEMS):
        counter = CountingCache(monkeypatch)
        response = client.get(f"{url}&limit={limit}")
        assert len(response.json()["items"]) == limit
        counted[limit] = counter.calls
        monkeypatch.undo()
    assert len(counted[2]) == len(counted[ITEMS]) <= 3, counted


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL=redis://…")
def test_redis_cache_shares_one_client_between_calls():
    """Django's Redis cache built a `redis.Redis` (and its table of response callbacks) for
    every call; the site's keeps one per connection pool."""
    backend = caches["default"]
    backend.set("iq-test-client", 1)
    assert backend.get("iq-test-client") == 1
    client = backend._cache.get_client(write=True)
    assert backend._cache.get_client(write=True) is client
    assert backend._cache.get_client() is client  # one server: reads use the same pool
    backend.delete("iq-test-client")


def test_kept_serializer_classes_answer_each_fields_parameter_with_its_own_fields(client, modules):
    """Serializer classes are kept per endpoint, type and `fields` (cms/headless/built.py):
    one asked for again answers as the first time, and never with another's fields."""
    base = "/api/v2/pages/?type=trainings.TrainingModulePage&limit=2"

    def keys(fields):
        items = client.get(f"{base}&fields={fields}").json()["items"]
        return [sorted(item) for item in items]

    narrow = keys("_,title")
    wide = keys("*")
    assert narrow == [["title"]] * 2
    assert {"sessions", "trainer_list", "body"} <= set(wide[0])
    assert keys("_,title") == narrow and keys("*") == wide
    detail = client.get(f"/api/v2/pages/{client.get(base).json()['items'][0]['id']}/").json()
    assert "sessions" in detail and "parent" in detail["meta"]  # detail fields, not a listing's
