"""Hostile input on every URL of the project: odd values answer 4xx with a message, never 5xx.

Walks every URL pattern (admin, API, feeds, the language-prefixed routes, Wagtail's page route
and the sub-routes of routable pages in the demo) and fills each path converter with hostile
values that it accepts: NUL and other control characters, line breaks, 20-digit integers,
quotes, very long values, unicode. Then hostile query strings on every API operation of the
OpenAPI document, the calendar feeds and every demo page with a GET form. Seeded: the same
URLs every run. Each request runs in a savepoint, so on PostgreSQL one failure does not hide
the next.
"""

import random
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

SEED = 13
HOSTILE = [
    "\x00", "a\x00b", " ", "", "\x01\x02\x1b\x7f", "line\nbreak", "cr\r\nlf", "tab\there",
    "9" * 20, "9223372036854775808", "2147483648", "-1", "0", "²", "١٢", "1e9999",
    '"', "'", 'a"b OR c*', "') OR 1=1 --", "<script>alert(1)</script>", "%", "\\", "{}[]",
    "x" * 3000, "ünïcødé", "\u202egnp.exe", "😀" * 50, "עברית",
    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "-", "x" * 300, "foo/bar/", "ünïcødé/", "9" * 20 + "/", "a" * 300 + "/",
]
# Already percent-encoded: a lone surrogate (invalid UTF-8) and an encoded NUL.
RAW = ["%ED%A0%80", "%00", "%C0%AF", "%FF"]
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
PER_PATTERN = 3
PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content once for the module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


# Building URLs from patterns ----------------------------------------------------------------

def leaf_patterns(patterns, prefix=()):
    for entry in patterns:
        pieces = (*prefix, entry.pattern)
        if isinstance(entry, URLResolver):
            yield from leaf_patterns(entry.url_patterns, pieces)
        else:
            yield pieces


def top_level_groups(regex):
    """[(start, end)] of the top-level groups of a regular expression string."""
    spans, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
        index += 1
    return spans


def group_body(group):
    body = group[1:-1]
    return re.sub(r"^\?(?:P<\w+>|:)", "", body)


def pick(rng, matcher, slash=False):
    """A hostile value (percent-encoded) that the converter's regex accepts."""
    values = [v for v in HOSTILE if matcher.fullmatch(v)]
    raw = [v for v in RAW if matcher.fullmatch("x")]
    choice = rng.choice(values + raw) if values or raw else None
    if choice is None or choice in raw:
        return choice
    return quote(choice, safe="/" if slash else "")


def fill_regex(rng, regex):
    regex = regex.lstrip("^").rstrip("$")
    if not top_level_groups(regex):  # a catch-all such as the admin's "^.*/$"
        regex = regex.replace(".*", "(.*)").replace(".+", "(.+)")
    parts, last = [], 0
    for start, end in top_level_groups(regex):
        parts.append(regex[last:start])
        value = pick(rng, re.compile(group_body(regex[start:end])), slash=True)
        if value is None:
            return None
        parts.append(value)
        last = end
    parts.append(regex[last:])
    literal = [re.sub(r"\\(.)", r"\1", part) if index % 2 == 0 else part
               for index, part in enumerate(parts)]
    if any(re.search(r"[\^$*+?{}\[\]|()]", part) for part in literal[::2]):
        return None
    return "".join(literal)


def fill_route(rng, pattern):
    route, out, last = str(pattern), [], 0
    for match in PLACEHOLDER.finditer(route):
        out.append(route[last:match.start()])
        converter = pattern.converters[match["name"]]
        value = pick(rng, re.compile(converter.regex), slash=match["converter"] == "path")
        if value is None:
            return None
        out.append(value)
        last = match.end()
    out.append(route[last:])
    return "".join(out)


def fill(rng, pieces):
    url = "/"
    for piece in pieces:
        if isinstance(piece, LocalePrefixPattern):
            part = f"{rng.choice(LANGUAGES)}/"
        elif isinstance(piece, RoutePattern):
            part = fill_route(rng, piece)
        elif isinstance(piece, RegexPattern):
            part = fill_regex(rng, piece._regex)
        else:  # pragma: no cover - a new pattern type
            part = None
        if part is None:
            return None
        url += part
    return url


def has_placeholders(pieces):
    return any(isinstance(p, RegexPattern) and re.search(r"[(.]", p._regex)
               or isinstance(p, RoutePattern) and p.converters for p in pieces)


def pattern_urls(rng):
    """(URLs, patterns that no hostile value fits) for every URL pattern of the project."""
    urls, unfilled = [], []
    for pieces in leaf_patterns(get_resolver().url_patterns):
        count = PER_PATTERN if has_placeholders(pieces) else 1
        built = {url for url in (fill(rng, pieces) for _ in range(count)) if url}
        if not built:
            unfilled.append("".join(str(p) for p in pieces))
        urls.extend(sorted(built))
    return urls, unfilled


def routable_page_urls(rng):
    urls = []
    for page in Page.objects.live().specific().order_by("pk"):
        if not isinstance(page, RoutablePageMixin) or page.url is None:
            continue
        for pieces in leaf_patterns(page.get_resolver().url_patterns):
            for _ in range(PER_PATTERN if has_placeholders(pieces) else 1):
                url = fill(rng, pieces)
                if url:
                    urls.append(page.url + url.lstrip("/"))
    return urls


# Hostile query strings ----------------------------------------------------------------------

def hostile_query(rng, names):
    """One parameter hostile, or all of them at once."""
    names = sorted(names)
    chosen = [rng.choice(names)] if rng.random() < 0.6 else names
    query = urlencode({name: rng.choice(HOSTILE) for name in chosen})
    if rng.random() < 0.2:
        query += f"&{rng.choice(names)}={rng.choice(RAW)}"
    return query


class GetFormFields(HTMLParser):
    """Names of the fields of the page's GET forms (filters, search)."""

    def __init__(self):
        super().__init__()
        self.names, self.in_get_form = set(), False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif self.in_get_form and tag in ("input", "select", "textarea") and attrs.get("name"):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False


API_COMMON = {"offset", "limit", "search", "search_operator", "fields", "order", "type", "id",
              "html_path", "locale", "child_of", "descendant_of", "translation_of"}
FEED_PARAMETERS = {"category", "audience", "language", "city", "type", "lang"}


def api_query_urls(client, rng):
    document = client.get("/api/schema/").json()
    urls = []
    for path, operations in sorted(document["paths"].items()):
        if "get" not in operations:
            continue
        names = {p["name"] for p in operations["get"].get("parameters", []) if p["in"] == "query"}
        names |= API_COMMON
        path = re.sub(r"\{[^}]+\}", lambda _m: rng.choice(["1", "9" * 20, "0"]), path)
        urls += [f"{path}?{hostile_query(rng, names)}" for _ in range(8)]
    return urls


def page_query_urls(client, rng):
    urls = []
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code__in=["de", "en"])
    for page in pages.order_by("pk"):
        response = client.get(page.url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = GetFormFields()
        parser.feed(response.content.decode())
        if parser.names:
            urls += [f"{page.url}?{hostile_query(rng, parser.names)}" for _ in range(10)]
    return urls


# Requests -----------------------------------------------------------------------------------

def server_errors(client, urls):
    """[(url, what went wrong)] for answers >= 500 and non-JSON errors under /api/."""
    problems = []
    for url in urls:
        try:
            with transaction.atomic():
                response = client.get(url)
        except Exception as error:  # noqa: BLE001 - every failure is reported with its URL
            problems.append((url, f"{type(error).__name__}: {str(error)[:200]}"))
            continue
        if response.status_code >= 500:
            problems.append((url, response.status_code))
        elif (url.startswith("/api/v2/") and response.status_code >= 400
              and "json" not in response.get("Content-Type", "")):
            problems.append((url, f"{response.status_code} not JSON"))
    return problems


def report(problems):
    return "\n".join(f"{url[:200]!r}: {what}" for url, what in problems[:40])


@pytest.mark.django_db
def test_every_url_pattern_answers_hostile_path_values_without_a_server_error(demo, client):
    rng = random.Random(SEED)
    urls, unfilled = pattern_urls(rng)
    urls += routable_page_urls(rng)
    assert len(urls) > 500
    assert not unfilled, unfilled
    problems = server_errors(client, urls)
    assert not problems, report(problems)


@pytest.mark.django_db
def test_listings_feeds_and_api_answer_hostile_query_strings_without_a_server_error(demo, client):
    rng = random.Random(SEED)
    urls = api_query_urls(client, rng)
    urls += [f"/feeds/events.ics?{hostile_query(rng, FEED_PARAMETERS)}" for _ in range(40)]
    urls += page_query_urls(client, rng)
    assert len(urls) > 250
    problems = server_errors(client, urls)
    assert not problems, report(problems)
