"""Full addresses of many pages at once (feeds of 1,000s of dates).

Wagtail's `get_full_url()` reverses the serve view for every page; pages under the same
parent, in the same language, differ only in their last slug. The first page of each parent
is addressed by Wagtail, its siblings by swapping that slug (quoted as Django's reverse()
quotes it), so custom routing and sites stay Wagtail's.
"""

from urllib.parse import quote

from django.utils.http import RFC3986_SUBDELIMS


def _segment(slug):
    return quote(slug, safe=RFC3986_SUBDELIMS + "/~:@") + "/"


class PageAddresses:
    """`addresses.full_url(page)` for many pages of one request."""

    def __init__(self, request):
        self.request = request
        self.prefixes = {}

    def full_url(self, page):
        key = (page.path[:-page.steplen], page.locale_id, type(page).get_url_parts)
        prefix = self.prefixes.get(key)
        if prefix is not None:
            return prefix + _segment(page.slug)
        url = page.get_full_url(self.request)
        segment = _segment(page.slug)
        if url and url.endswith("/" + segment):
            self.prefixes[key] = url[:-len(segment)]
        return url
