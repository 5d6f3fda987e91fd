"""Each item of a pages listing kept in the shared cache, under the content and counts
generations (cms/pagecache.py), like the pieces of a page (home/templatetags/site_tags.py).

A whole answer is cached per URL; partners and front ends ask for the same pages with other
filters, offsets and orderings, each a new URL. Their items are the same: a listing whose items
are all known reads its rows (one query), and no relation, StreamField, rendition or
translation of any item. A publish, a snippet change or a changed registration count bumps a
generation and every item is rendered anew; what depends on the clock (upcoming dates, "open
now") lives PAGE_CACHE_API_ITEM_SECONDS at most (30 s, as long as cached answers).

An item's representation depends on the endpoint, the page type and `fields` asked for (the
serializer class), the host and scheme called (absolute addresses), `?site=` and the language;
these make the key with the page's id. Setting: PAGE_CACHE_API_ITEM_SECONDS (default
30; 0 turns it off).
"""

import hashlib
from collections import OrderedDict
from threading import Lock

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from cms.pagecache import request_generations


def item_seconds():
    return int(getattr(settings, "PAGE_CACHE_API_ITEM_SECONDS", 30))


class RecentPrefixes:
    """The key prefixes this process stored items under lately (each holds the generations,
    so a publish starts anew): a listing with one of them expects its items in the cache."""

    def __init__(self, size=256):
        self.size, self.prefixes, self.lock = size, OrderedDict(), Lock()

    def __contains__(self, prefix):
        return prefix in self.prefixes

    def add(self, prefix):
        with self.lock:  # gunicorn's threads share it
            self.prefixes[prefix] = True
            self.prefixes.move_to_end(prefix)
            while len(self.prefixes) > self.size:
                self.prefixes.popitem(last=False)


class ListingItems:
    """The cached representations of one listing's items, and the storing of the others."""

    stored = RecentPrefixes()

    def __init__(self, request, serializer_key):
        parts = "\n".join(map(str, (
            serializer_key, request.scheme, request.get_host(), request.GET.get("site", ""),
            get_language(), *request_generations(request))))
        self.prefix = "apiitem:" + hashlib.sha256(parts.encode()).hexdigest()[:32]
        self.found = {}

    @classmethod
    def for_view(cls, view, serializer_key):
        if item_seconds() <= 0 or getattr(view.request, "is_preview", False):
            return None
        return cls(view.request, serializer_key)

    def warm(self):
        """Whether this process stored items under this prefix: the listing then reads its
        rows' ids first and the rows of missing items only (a first listing after a publish
        reads its rows whole, in as many queries as without this cache)."""
        return self.prefix in self.stored

    def key(self, pk):
        return f"{self.prefix}:{pk}"

    def read(self, items):
        """The items whose representation is not cached (to prefetch and serialize)."""
        keys = {self.key(item.pk): item.pk for item in items}
        self.found = {keys[key]: data for key, data in cache.get_many(list(keys)).items()}
        return [item for item in items if item.pk not in self.found]

    def serializer(self, items, serializer):
        """A stand-in for the listing's serializer (of the items not found): its `data` is
        every item in order, the new ones stored."""
        return AssembledListing(self, items, serializer)


class AssembledListing:
    def __init__(self, listing, items, serializer):
        self.listing, self.items, self.serializer = listing, items, serializer

    @property
    def data(self):
        rendered = dict(zip((item.pk for item in self.serializer.instance),
                            self.serializer.data, strict=True))
        if rendered:
            cache.set_many({self.listing.key(pk): data for pk, data in rendered.items()},
                           item_seconds())
            self.listing.stored.add(self.listing.prefix)
        return [rendered[item.pk] if item.pk in rendered else self.listing.found[item.pk]
                for item in self.items]
