"""Centre listings shared by the directory page, the map and the API (one query per relation)."""

from django.db.models import Q

from .models import CentrePage


def centre_queryset(locale=None):
    """Live, public centres with everything a listing shows, prefetched."""
    queryset = CentrePage.objects.live().public()
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return (
        queryset.select_related("institution", "district", "locale")
        .prefetch_related("hours_of_operation", "hours_exceptions", "services", "languages",
                          "target_groups", "regions")
        .order_by("title")
    )


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
