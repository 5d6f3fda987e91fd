"""Template tags for the site frame: navigation, language switcher, footer links."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page, Site

register = template.Library()


def _current_home(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def current_home(context):
    return _current_home(context.get("request"))


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """Top-level pages of the home page in the visitor's language."""
    home = _current_home(context.get("request"))
    if home is None:
        return []
    return home.get_children().live().public().in_menu().specific(defer=True)


def _with_prefix(url, old_code, new_code):
    # Wagtail prefixes a page's URL with its own locale; swap in the wanted language.
    marker = f"/{old_code}/"
    index = url.find(marker)
    if index == -1 or "/" in url[:index].replace("//", ""):
        return url
    return url[:index] + f"/{new_code}/" + url[index + len(marker):]


def _visible(queryset):
    return queryset.live().public()


def _routing_homes(request, page):
    """Language code -> the home page Wagtail routes `/<code>/…` through: the site root's
    live translation in that language, else the root itself (as `Page.localized` does)."""
    cached = getattr(request, "_routing_homes", None) if request else None
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request else page.get_site()
    if site is None:
        return {}
    root = site.root_page
    translations = {home.locale.language_code: home
                    for home in root.get_translations(inclusive=True).live().select_related("locale")}
    homes = {code: translations.get(code, root) for code, _name in settings.LANGUAGES}
    if request is not None:
        request._routing_homes = homes
    return homes


def _fallback_in(page, home):
    """The page shown for `page` in the tree of `home`: its version there, else the version of
    its nearest ancestor, else `home` itself."""
    ancestors = list(page.get_ancestors().filter(depth__gt=home.depth).values_list("translation_key", flat=True))
    keys = [page.translation_key, *reversed(ancestors)]
    versions = {
        version.translation_key: version
        for version in _visible(Page.objects.filter(translation_key__in=keys, locale_id=home.locale_id))
        if version.is_descendant_of(home)
    }
    return next((versions[key] for key in keys if key in versions), home)


@register.simple_tag(takes_context=True)
def served_url(context, page):
    """The page's URL under the visitor's language prefix when Wagtail serves it there (the
    language has no home of its own), so the site frame does not switch the language."""
    request = context.get("request")
    url = page.get_url(request=request) or "/"
    current = translation.get_language()
    home = _routing_homes(request, page).get(current)
    if home is None or page.locale_id != home.locale_id or home.locale.language_code == current:
        return url
    return _with_prefix(url, home.locale.language_code, current)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language: the page's translation, or where there is none, what
    that language's prefix really serves (the nearest page Wagtail routes there)."""
    request = context.get("request")
    page = page or context.get("page")
    if not isinstance(page, Page):
        page = _current_home(request)
    if page is None:
        return []
    # The head (hreflang), the switcher and the fallback notice all ask: compute once.
    cache = getattr(request, "_language_links", None) if request else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    translations = {
        translated.locale.language_code: translated
        for translated in _visible(page.get_translations(inclusive=True)).select_related("locale")
    }
    current = translation.get_language()
    homes = _routing_homes(request, page)
    fallbacks = {}  # per routing home: most languages without a home fall back to the same one
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
            if home.pk not in fallbacks:
                fallbacks[home.pk] = _fallback_in(page, home).get_url(request=request) or "/"
            url = _with_prefix(fallbacks[home.pk], home.locale.language_code, code)
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
        if cache is None:
            cache = request._language_links = {}
        cache[page.pk] = links
    return links


@register.simple_tag(takes_context=True)
def translation_fallback(context, page):
    """When the page is shown in a language other than the visitor's (no translation yet):
    the visitor's language name and the languages the page exists in. Else None."""
    if not isinstance(page, Page) or page.locale.language_code == translation.get_language():
        return None
    current = translation.get_language()
    links = language_links(context, page)
    name = getattr(settings, "LANGUAGE_NAMES", {}).get(current) or dict(settings.LANGUAGES).get(current, current)
    return {
        "language": name,
        "available": [link for link in links if link["available"]],
    }


@register.simple_tag
def content_language(page):
    """lang/dir attributes for content whose language differs from the interface's."""
    if not isinstance(page, Page):
        return ""
    code = page.locale.language_code
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
    """The live, public ancestors of the page below the site root, home first; empty on the
    home page. Views that are not pages pass their page as `page` or `event`."""
    page = context.get("page")
    if not isinstance(page, Page):
        page = context.get("event")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = _visible(page.get_ancestors().filter(depth__gte=2))
    return [*ancestors.specific(defer=True), page]


# Fields that summarise a page, in the order a meta description prefers them.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "teaser")


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


@register.simple_tag
def navigation_groups(pages):
    """The action areas (numbered programme pages) apart from the other sections: the menu
    shows them as one disclosure, so the bar keeps a few short entries."""
    areas = [page for page in pages if getattr(page, "number", None)]
    others = [page for page in pages if not getattr(page, "number", None)]
    return {"areas": areas, "others": others}
