"""Read links out of rendered pages the way a visitor's browser sees them."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _LinkParser(HTMLParser):
    def __init__(self, within_class=None):
        super().__init__()
        self.within_class = within_class
        self.depth = 0  # > 0 while inside the element with `within_class`
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.within_class and tag not in VOID_ELEMENTS:
            if self.depth:
                self.depth += 1
            elif self.within_class in (attrs.get("class") or "").split():
                self.depth = 1
        if self.within_class and not self.depth:
            return
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self.within_class and self.depth and tag not in VOID_ELEMENTS:
            self.depth -= 1


def links(html, within_class=None):
    """The href of every <a>, optionally only inside the element with class `within_class`."""
    parser = _LinkParser(within_class)
    parser.feed(html)
    return parser.links


def internal_path(base_path, href, host="testserver"):
    """Path and query of `href` when it stays on this site over http(s), else None."""
    url = urlsplit(urljoin(f"http://{host}{base_path}", href))
    if url.scheme not in ("http", "https") or url.netloc != host:
        return None
    return url.path + (f"?{url.query}" if url.query else "")
