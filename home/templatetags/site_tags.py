"""Template tags for the site frame: navigation, language switcher, breadcrumbs, footer links.

The frame of every page (locales, the homes Wagtail routes each language through, the menu, the
footer links, the view-restricted paths) is built once per site, language and content generation
and kept in the shared cache: a publish, move or setting change bumps that generation
(cms/pagecache.py), so the next page shows it. What belongs to one page (its translations for
the switcher, its ancestors for the breadcrumbs) costs one query each, once per request.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.pagecache import request_generations

register = template.Library()

FRAME_SECONDS = 3600
STEPLEN = Page.steplen


# The frame of the site in one language -------------------------------------------------------

def _site(request):
    return Site.find_for_request(request) if request else None


def _content_generation(request):
    return request_generations(request)[0]


def _is_public(path, restricted):
    return not any(path.startswith(prefix) for prefix in restricted)


def _page_entry(page, request, homes, current):
    return {"pk": page.pk, "path": page.path, "title": page.title,
            "url": _served(page.get_url(request=request) or "/", page.locale_id, homes, current),
            "number": getattr(page, "number", None)}


def _served(url, locale_id, homes, current):
    """The URL under the visitor's language prefix when Wagtail serves that language from
    another language's home (it has none of its own), so the frame does not switch language."""
    home = homes.get(current)
    if home is None or locale_id != home["locale_id"] or home["code"] == current:
        return url
    return _with_prefix(url, home["code"], current)


def _build_frame(request, site, current):
    locales = dict(Locale.objects.values_list("id", "language_code"))
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    root = site.root_page
    translations = {locales[home.locale_id]: home
                    for home in Page.objects.filter(translation_key=root.translation_key, live=True)
                    if home.pk != root.pk}
    translations[locales[root.locale_id]] = root
    homes = {code: {"pk": home.pk, "path": home.path, "depth": home.depth,
                    "locale_id": home.locale_id, "code": locales[home.locale_id],
                    "url": home.get_url(request=request) or "/"}
             for code, home in ((code, translations.get(code, root)) for code, _name in settings.LANGUAGES)}
    home = translations.get(current, root)  # Page.localized: the live translation, else the root
    nav = []
    if _is_public(home.path, restricted):
        children = home.get_children().live().in_menu().specific().order_by("path")
        nav = [_page_entry(child, request, homes, current) for child in children
               if _is_public(child.path, restricted)]
    footer = []
    from home.models import FooterSettings

    settings_row = FooterSettings.for_site(site)
    for name in ("imprint", "privacy", "accessibility"):
        target_id = getattr(settings_row, f"{name}_page_id")
        if target_id is None:
            continue
        target = Page.objects.filter(pk=target_id).first()
        if target is None:
            continue
        localized = target.localized  # the live translation in the visitor's language, else it
        footer.append({"name": name, "url": _served(localized.get_url(request=request) or "/",
                                                    localized.locale_id, homes, current)})
    return {
        "locales": locales,
        "restricted": restricted,
        "homes": homes,
        "home": {"pk": home.pk, "url": _served(home.get_url(request=request) or "/", home.locale_id, homes, current)},
        "nav": nav,
        "footer": footer,
    }


def _frame(request):
    """The site frame for this request's site and language (memoised on the request)."""
    current = translation.get_language()
    memo = getattr(request, "_site_frame", None) if request is not None else None
    if memo is not None and memo[0] == current:
        return memo[1]
    site = _site(request)
    if site is None:
        return None
    key = f"siteframe:{site.pk}:{current}:{_content_generation(request)}"
    frame = cache.get(key)
    if frame is None:
        frame = _build_frame(request, site, current)
        cache.set(key, frame, FRAME_SECONDS)
    if request is not None:
        request._site_frame = (current, frame)
    return frame


# The page in context -------------------------------------------------------------------------

def _context_page(context):
    page = context.get("page")
    if not isinstance(page, Page):
        page = context.get("event")
    return page if isinstance(page, Page) else None


def _relatives(request, page):
    """The page's live translations and its ancestors below the tree root (home first), in one
    query per page and request: the switcher and the breadcrumbs both read them."""
    memo = getattr(request, "_site_relatives", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    # Both change only with a publish, move or delete: kept under the content generation.
    key = f"siterelatives:{page.pk}:{page.path}:{_content_generation(request)}"
    result = cache.get(key)
    if result is None:
        paths = [page.path[:end] for end in range(2 * STEPLEN, len(page.path), STEPLEN)]
        rows = Page.objects.filter(Q(translation_key=page.translation_key, live=True) | Q(path__in=paths))
        translations, ancestors = [], []
        for row in rows.order_by("path"):
            if row.path in paths:
                ancestors.append(row)
            if row.translation_key == page.translation_key and row.live:
                translations.append(row)
        result = (translations, ancestors)
        cache.set(key, result, FRAME_SECONDS)
    if request is not None:
        if memo is None:
            memo = request._site_relatives = {}
        memo[page.pk] = result
    return result


def _ancestors(request, page):
    return _relatives(request, page)[1]


def _code_of(page, frame):
    if frame is not None and page.locale_id in frame["locales"]:
        return frame["locales"][page.locale_id]
    return page.locale.language_code


@register.simple_tag(takes_context=True)
def current_home(context):
    frame = _frame(context.get("request"))
    return frame["home"] if frame else None


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The menu: live, public in-menu children of the home in the visitor's language, the
    action areas (numbered programme pages) apart as one disclosure. Each entry says whether
    it is the page shown ("page") or one of its ancestors ("true")."""
    request = context.get("request")
    frame = _frame(request)
    if frame is None:
        return {"areas": [], "others": []}
    page = _context_page(context)
    current_pk = page.pk if page is not None else None
    trail = {crumb["pk"] for crumb in breadcrumb_trail(context)}
    entries = []
    for item in frame["nav"]:
        state = "page" if item["pk"] == current_pk else ("true" if item["pk"] in trail else None)
        entries.append({**item, "current": state})
    areas = [entry for entry in entries if entry["number"]]
    return {"areas": areas, "others": [entry for entry in entries if not entry["number"]],
            "area_is_current": any(entry["current"] for entry in areas)}


def _with_prefix(url, old_code, new_code):
    # Wagtail prefixes a page's URL with its own locale; swap in the wanted language.
    marker = f"/{old_code}/"
    index = url.find(marker)
    if index == -1 or "/" in url[:index].replace("//", ""):
        return url
    return url[:index] + f"/{new_code}/" + url[index + len(marker):]


@register.simple_tag(takes_context=True)
def served_url(context, page):
    """The page's URL under the visitor's language prefix when Wagtail serves it there (the
    language has no home of its own), so the site frame does not switch the language."""
    request = context.get("request")
    url = page.get_url(request=request) or "/"
    frame = _frame(request)
    if frame is None:
        return url
    return _served(url, page.locale_id, frame["homes"], translation.get_language())


def _fallback_urls(request, page, frame, homes_needed):
    """For each routing home without the page: the URL of the page shown for `page` in that
    home's tree (its version there, else the version of its nearest ancestor, else the home)."""
    site = _site(request)
    key = "sitefallbacks:{}:{}:{}:{}".format(site.pk if site else "", page.pk,
                                             ",".join(str(home["pk"]) for home in homes_needed),
                                             _content_generation(request))
    urls = cache.get(key)
    if urls is None:
        urls = _find_fallback_urls(request, page, frame, homes_needed)
        cache.set(key, urls, FRAME_SECONDS)
    return urls


def _find_fallback_urls(request, page, frame, homes_needed):
    restricted = frame["restricted"]
    keys = [page.translation_key, *(ancestor.translation_key for ancestor in
                                    reversed(_ancestors(request, page)))]
    locale_ids = {home["locale_id"] for home in homes_needed}
    versions = {}
    for version in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids, live=True):
        if _is_public(version.path, restricted):
            versions[(version.locale_id, version.translation_key)] = version
    urls = {}
    for home in homes_needed:
        found = next((versions[(home["locale_id"], key)] for key in keys
                      if (home["locale_id"], key) in versions
                      and versions[(home["locale_id"], key)].path.startswith(home["path"])
                      and versions[(home["locale_id"], key)].depth > home["depth"]), None)
        urls[home["pk"]] = (found.get_url(request=request) or "/") if found else home["url"]
    return urls


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language: the page's translation, or where there is none, what
    that language's prefix really serves (the nearest page Wagtail routes there)."""
    request = context.get("request")
    page = page or _context_page(context)
    frame = _frame(request)
    if page is None:
        if frame is None:
            return []
        page = Page.objects.get(pk=frame["home"]["pk"])
    # The head (hreflang), the switcher and the fallback notice all ask: compute once.
    memo = getattr(request, "_language_links", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    restricted = frame["restricted"] if frame else []
    locales = frame["locales"] if frame else dict(Locale.objects.values_list("id", "language_code"))
    translations = {
        locales[translated.locale_id]: translated
        for translated in _relatives(request, page)[0]
        if _is_public(translated.path, restricted)
    }
    current = translation.get_language()
    homes = frame["homes"] if frame else {}
    missing = [homes[code] for code, _name in settings.LANGUAGES if code not in translations and code in homes]
    fallbacks = {}
    # A home of the page's own tree serves the page itself; only other trees need a query.
    for home in missing:
        if home["locale_id"] == page.locale_id and page.path.startswith(home["path"]) and page.depth > home["depth"]:
            fallbacks[home["pk"]] = page.get_url(request=request) or "/"
    others = [home for home in missing if home["pk"] not in fallbacks]
    if others:
        fallbacks.update(_fallback_urls(request, page, frame, others))
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request=request)
        elif code in homes:
            # Wagtail serves `/<code>/…` from that language's home, else the source home:
            # link to what it really serves there, keeping the prefix so the interface
            # speaks `code`. A German or English slug under another home would 404.
            home = homes[code]
            url = _with_prefix(fallbacks[home["pk"]], home["code"], code)
        else:
            url = page.get_url(request=request) or "/"
        links.append({
            "code": code,
            "name": name,
            "url": url,
            "current": code == current,
            "available": target is not None,
            "bidi": translation.get_language_info(code)["bidi"],
        })
    if request is not None:
        if memo is None:
            memo = request._language_links = {}
        memo[page.pk] = links
    return links


@register.simple_tag(takes_context=True)
def translation_fallback(context, page):
    """When the page is shown in a language other than the visitor's (no translation yet):
    the visitor's language name and the languages the page exists in. Else None."""
    if not isinstance(page, Page):
        return None
    current = translation.get_language()
    if _code_of(page, _frame(context.get("request"))) == current:
        return None
    links = language_links(context, page)
    name = getattr(settings, "LANGUAGE_NAMES", {}).get(current) or dict(settings.LANGUAGES).get(current, current)
    return {
        "language": name,
        "available": [link for link in links if link["available"]],
    }


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """lang/dir attributes for content whose language differs from the interface's."""
    if not isinstance(page, Page):
        return ""
    code = _code_of(page, _frame(context.get("request")))
    if code == translation.get_language():
        return ""
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag
def text_direction():
    return "rtl" if translation.get_language_bidi() else "ltr"


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """The page in the visitor's language when a translation is live, else the page."""
    if page is None:
        return None
    return page.localized


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The live, public ancestors of the page below the site root, home first, then the page,
    as {pk, title, url}; empty on the home page. Views that are not pages pass their page as
    `page` or `event`."""
    request = context.get("request")
    page = _context_page(context)
    if page is None or page.depth <= 2:
        return []
    memo = getattr(request, "_breadcrumbs", None) if request is not None else None
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    frame = _frame(request)
    restricted = frame["restricted"] if frame else []
    homes = frame["homes"] if frame else {}
    current = translation.get_language()
    trail = [
        {"pk": ancestor.pk, "title": ancestor.title,
         "url": _served(ancestor.get_url(request=request) or "/", ancestor.locale_id, homes, current)}
        for ancestor in _ancestors(request, page)
        if ancestor.live and _is_public(ancestor.path, restricted)
    ]
    trail.append({"pk": page.pk, "title": page.title,
                  "url": _served(page.get_url(request=request) or "/", page.locale_id, homes, current)})
    if request is not None:
        request._breadcrumbs = (page.pk, trail)
    return trail


@register.simple_tag(takes_context=True)
def content_generation(context):
    """The content generation, for `{% cache %}` keys of fragments that change only on
    publish (snippets, a page's own relations); empty in previews, whose drafts must never
    reach the cache. base.html sets it as CONTENT_GENERATION for every template."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return ""
    return _content_generation(request)


# The home page's own sections --------------------------------------------------------------

def restricted_paths(request):
    """The paths of view-restricted pages, from the site frame (no query once it is cached)."""
    frame = _frame(request)
    if frame is None:
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))
    return frame["restricted"]


@register.simple_tag(takes_context=True)
def home_sections(context, page):
    """The action areas ({title, url, number, summary}) and the events index URL of a home
    page: they change only on publish, so they are kept under the content generation like
    the frame."""
    request = context.get("request")
    current = translation.get_language()
    key = f"homesections:{page.pk}:{current}:{_content_generation(request)}"
    sections = cache.get(key)
    if sections is None:
        restricted = restricted_paths(request)
        areas = [{"title": area.title, "number": area.number, "summary": area.summary,
                  "url": area.get_url(request=request)}
                 for area in page.action_areas(restricted=restricted)]
        index = page.event_index(restricted=restricted)
        index_url = index.get_url(request=request) if index is not None else None
        sections = {"areas": areas, "index_url": index_url}
        cache.set(key, sections, FRAME_SECONDS)
    return sections


@register.simple_tag(takes_context=True)
def home_upcoming_dates(context, page):
    """The home page's next dates (live: places and dates change without a publish)."""
    request = context.get("request")
    frame = _frame(request)
    locale = None
    if frame is not None and page.locale_id in frame["locales"]:
        # The page's locale without a query: the frame knows the codes.
        locale = Locale(pk=page.locale_id, language_code=frame["locales"][page.locale_id])
    return page.upcoming_dates(locale=locale, restricted=restricted_paths(request))


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's legal pages (FooterSettings) in the visitor's language, as {name, url}."""
    frame = _frame(context.get("request"))
    return frame["footer"] if frame else []


# Fields that summarise a page, in the order a meta description prefers them.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "teaser", "service_offer")


@register.simple_tag
def meta_description(page, length=160):
    """Plain text for <meta name="description"> and og:description."""
    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    page = getattr(page, "specific_deferred", page)
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(length)
    return ""
