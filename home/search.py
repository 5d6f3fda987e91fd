"""Site search: one page per language over pages, events, trainings and centres (Wagtail search)."""

import re
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail.search import index
from wagtail.search.query import MATCH_NONE, Phrase, PlainText
from wagtail.search.utils import AND
from wagtail.signals import page_published

# Longer input is cut (a 5,000-character paste must not become a 5,000-term query).
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 240
# Fields that summarise a result, best first.
SNIPPET_FIELDS = ("search_description", "summary", "intro", "service_offer")

# Letters and digits with their combining marks (Arabic harakat, Latin accents): everything
# else (quotes, operators, brackets, *, -, emoji) only separates words, so no input ever
# reaches the full-text engine as syntax.
WORD = re.compile(r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]*")


class ResultType(models.TextChoices):
    ALL = "all", _("All")
    PAGES = "pages", _("Pages")
    EVENTS = "events", _("Events")
    TRAININGS = "trainings", _("Trainings")
    CENTRES = "centres", _("Centres")


def _type_models():
    """Page models of each filter but "pages", which is every other page type."""
    from directory.models import CentrePage
    from events.models import EventPage
    from jobfairs.models import JobFairPage
    from trainings.models import TrainingModulePage

    return {
        ResultType.EVENTS: (EventPage, JobFairPage),
        ResultType.TRAININGS: (TrainingModulePage,),
        ResultType.CENTRES: (CentrePage,),
    }


def clean_query(text):
    """The query as the visitor sees it again: one line, at most MAX_QUERY_LENGTH characters."""
    return " ".join(str(text or "").split())[:MAX_QUERY_LENGTH]


def build_query(text):
    """A Wagtail search query from what the visitor typed, or None when it holds no word.

    Words in double quotes are a phrase; all words must occur (AND). Only words reach the
    backend, so quotes, `AND`/`OR`/`NOT`, `*`, `-` or brackets never become query syntax.
    """
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an unbalanced quote: the last one is just a character
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    queries = []
    terms = 0
    for position, part in enumerate(parts):
        words = WORD.findall(part)[:MAX_TERMS - terms]
        if not words:
            continue
        terms += len(words)
        if position % 2 and len(words) > 1:
            queries.append(Phrase(" ".join(words)))
        else:
            queries.append(PlainText(" ".join(words), operator="and"))
    return AND(queries) if queries else None


def _result_type(page, models_by_type):
    for result_type, type_models in models_by_type.items():
        if isinstance(page, type_models):
            return result_type
    return ResultType.PAGES


def _type_label(page, result_type):
    if result_type in (ResultType.EVENTS, ResultType.TRAININGS):
        return capfirst(page._meta.verbose_name)  # "Event", "Job fair", "Training module"
    if result_type == ResultType.CENTRES:
        return _("Counselling centre")
    return _("Page")


def snippet(page):
    for name in SNIPPET_FIELDS:
        text = " ".join(strip_tags(str(getattr(page, name, "") or "")).split())
        if text:
            return Truncator(text).chars(SNIPPET_LENGTH)
    return ""


def _next_dates(pages):
    """{page id: start of its next date} for event pages: one query, repeats expanded. A
    translation without dates of its own shows its source's (job fairs keep dates there)."""
    from events.models import Occurrence, OccurrenceStatus
    from events.queries import expand

    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    rows = list(Occurrence.objects.filter(page__translation_key__in=keys)
                .exclude(status=OccurrenceStatus.CANCELLED).select_related("page"))
    now = timezone.now()
    by_key = {}
    for instance in expand(rows, after=now):
        key = instance.page.translation_key
        page_id = instance.page_id
        current = by_key.setdefault(key, {})
        if page_id not in current or instance.start < current[page_id]:
            current[page_id] = instance.start
    result = {}
    for page in pages:
        dates = by_key.get(page.translation_key, {})
        if page.pk in dates:
            result[page.pk] = dates[page.pk]
        elif dates:
            result[page.pk] = min(dates.values())
    return result


def _index_published_page(sender, instance, **kwargs):
    """Index a page once more after it is published. Its post_save indexes it before the page's
    ParentalManyToMany rows (a centre's languages, a fair's trades) are written, so with tasks
    run at once (dev, tests, the demo) the index would miss their names until the next save."""
    if index.class_is_indexed(type(instance)):
        index.insert_or_update_object(instance)


def connect_signals():
    page_published.connect(_index_published_page, dispatch_uid="home.search")


def routing_home(request):
    """The home page Wagtail serves `/<language>/…` from: the site root's live translation in
    the visitor's language, else the root itself (untranslated pages in the source language)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    translated = (root.get_translations(inclusive=True).live()
                  .filter(locale__language_code=translation.get_language()).first())
    return translated or root


def search_pages(request, query, result_type):
    """Live, public pages of the site in the tree the visitor's language is served from."""
    home = routing_home(request)
    if home is None:
        return Page.objects.none()
    pages = Page.objects.live().public().descendant_of(home, inclusive=True)
    models_by_type = _type_models()
    if result_type in models_by_type:
        pages = pages.filter(content_type__in=[
            ContentType.objects.get_for_model(model) for model in models_by_type[result_type]])
    elif result_type == ResultType.PAGES:
        typed = {model for type_models in models_by_type.values() for model in type_models}
        others = [model for model in get_page_models() if model not in typed]
        pages = pages.filter(content_type__in=list(
            ContentType.objects.get_for_models(*others).values()))
    return pages.search(query)


def _results(page_list):
    """The page's hits as specific pages, in rank order, with type, snippet and next date."""
    hits = list(page_list)
    ids = [hit.pk for hit in hits]
    specific = {page.pk: page for page in
                Page.objects.filter(pk__in=ids).defer_streamfields().specific()}
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for page in specific.values():  # results show their language: no query per result
        page.locale = locales[page.locale_id]
    models_by_type = _type_models()
    results = []
    for hit in hits:
        page = specific.get(hit.pk)
        if page is None:
            continue
        result_type = _result_type(page, models_by_type)
        results.append({"page": page, "type": result_type,
                        "type_label": _type_label(page, result_type), "snippet": snippet(page)})
    events = [item["page"] for item in results
              if item["type"] in (ResultType.EVENTS, ResultType.TRAININGS)]
    next_dates = _next_dates(events)
    for item in results:
        item["next_date"] = next_dates.get(item["page"].pk)
    return results


def search(request):
    text = clean_query(request.GET.get("q"))
    result_type = request.GET.get("type") or ResultType.ALL
    if result_type not in ResultType.values:
        result_type = ResultType.ALL
    query = build_query(text) if text else None
    context = {
        "search_query": text,
        "result_type": result_type,
        "result_types": ResultType.choices,
        "searched": bool(text),
        "result_count": 0,
    }
    if query is not None and query is not MATCH_NONE:
        paginator = Paginator(search_pages(request, query, result_type), RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        params = {"q": text}
        if result_type != ResultType.ALL:
            params["type"] = result_type
        context.update({
            "page_obj": page_obj,
            "paginator": paginator,
            "result_count": paginator.count,
            "results": _results(page_obj.object_list),
            "page_range": list(paginator.get_elided_page_range(
                page_obj.number, on_each_side=1, on_ends=1)),
            "query_string": urlencode(params),
        })
    response = render(request, "home/search.html", context)
    # Results change with every publish and differ per query: no shared cache keeps them.
    response["Cache-Control"] = "no-cache"
    return response
