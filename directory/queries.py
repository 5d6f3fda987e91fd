"""Centre listings shared by the directory page, the map and the API (one query per relation)."""

from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, Q, Value
from django.db.models.lookups import StartsWith
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction

from .models import CentrePage, CounsellingLanguage, Service, TargetGroup

# The taxonomies a centre lists, by the name of its relation.
TAXONOMIES = {"services": Service, "languages": CounsellingLanguage, "target_groups": TargetGroup}


def centre_queryset(locale=None, relations=True):
    """Live, public centres with everything a listing shows, prefetched.

    `relations=False`: only the opening hours (the live status), not the taxonomies and
    regions (the directory page reads those only when its cached cards are missing)."""
    # Public: no view restriction on the page or an ancestor (in the same query).
    queryset = CentrePage.objects.live().exclude(Exists(PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path")))))
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    prefetch = ["hours_of_operation", "hours_exceptions"]
    if relations:
        prefetch += ["services", "languages", "target_groups", "regions"]
    return (
        queryset.select_related("institution", "district", "locale")
        .prefetch_related(*prefetch)
        .order_by("title")
    )


def taxonomy_labels(language_code=None):
    """{relation: {slug: name}} of the three taxonomies in `language_code` (default: the active
    language), falling back to the default locale, as `Taxonomy.objects.labels()` per
    taxonomy but all in one query."""
    language_code = language_code or get_language()
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    codes = {language_code, default}

    def rows(relation, model):
        return (model.objects.filter(locale__language_code__in=codes)
                .annotate(kind=Value(relation, output_field=CharField()),
                          code=F("locale__language_code"))
                .values_list("kind", "slug", "name", "code", "sort_order").order_by())

    parts = [rows(relation, model) for relation, model in TAXONOMIES.items()]
    union = parts[0].union(*parts[1:], all=True).order_by("kind", "sort_order", "name")
    labels = {relation: {} for relation in TAXONOMIES}
    for relation, slug, name, code, _order in union:
        if code == language_code or slug not in labels[relation]:
            labels[relation][slug] = name
    return labels


def search_centre_ids(query, locale=None):
    """Ids of centres matching `query` through Wagtail's search backend."""
    base = CentrePage.objects.live()
    if locale is not None:
        base = base.filter(locale=locale)
    # SQLite's full-text syntax quotes each term without escaping: a quote in it is a 500.
    query = query.replace('"', " ").strip()
    if not query:
        return list(base.values_list("pk", flat=True))
    return [page.pk for page in base.search(query, operator="and")]


def filter_centres(queryset, *, district="", city="", service="", language="", target_group="",
                   search="", locale=None):
    """Narrow `queryset` by taxonomy slugs, district slug, city and full text.

    A district matches the centres located in it and those serving it (hotlines included),
    which answers "who serves my district?".
    """
    conditions = Q()
    if district:
        conditions &= Q(pk__in=CentrePage.objects.filter(
            Q(district__slug=district) | Q(regions__slug=district)).values("pk"))
    if city:
        conditions &= Q(city=city)
    if service:
        conditions &= Q(pk__in=CentrePage.objects.filter(services__slug=service).values("pk"))
    if language:
        conditions &= Q(pk__in=CentrePage.objects.filter(languages__slug=language).values("pk"))
    if target_group:
        conditions &= Q(pk__in=CentrePage.objects.filter(target_groups__slug=target_group).values("pk"))
    if search:
        conditions &= Q(pk__in=search_centre_ids(search, locale))
    return queryset.filter(conditions)
