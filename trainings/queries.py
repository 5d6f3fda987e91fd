"""Reading modules and sessions of a programme for its listing: a fixed number of queries."""

from django.db.models import Q
from django.utils import timezone

from events.queries import (
    EventFilters,
    attach_pages,
    expand,
    public_occurrences,
    with_card_images,
)

from .models import TrainingModulePage


def _upcoming_rows(programme, now):
    """Occurrence rows of the programme's live modules that may still have an instance."""
    rows = (public_occurrences(programme.locale, EventFilters(event_type="training"), now=now)
            .filter(page__path__startswith=programme.path, page__depth=programme.depth + 1)
            .filter(Q(end__gt=now) | (~Q(repeat_frequency="") & (
                Q(repeat_until__isnull=True) | Q(repeat_until__gte=now.date()))))
            .select_related("venue").order_by("start", "pk"))
    return expand(list(rows), after=now)


def module_listing(programme, filters, now=None, sessions=None):
    """Live modules of the programme matching `filters`, each with `.next_session` (or None).

    Queries: modules with their venue, category and picture, their audiences (the card shows
    them), the card renditions, and the upcoming dates of all modules at once (unless given
    as `sessions`, from `_upcoming_rows`); none per module or session.
    """
    now = now or timezone.now()
    modules = (TrainingModulePage.objects.live().child_of(programme).defer_streamfields()
               .select_related("venue", "category")
               .prefetch_related("audiences")
               .order_by("path"))
    modules = with_card_images(modules)
    for field in ("topic", "format", "delivery_mode"):
        if filters.get(field):
            modules = modules.filter(**{field: filters[field]})
    if filters.get("audience"):
        modules = modules.filter(audiences__slug=filters["audience"])
    if filters.get("language"):
        modules = modules.filter(languages__slug=filters["language"])
    if filters.get("city"):
        city = filters["city"]
        modules = modules.filter(Q(venue__city__iexact=city)
                                 | Q(occurrences__venue__city__iexact=city,
                                     occurrences__end__gt=now)).distinct()
    if sessions is None:
        sessions = _upcoming_rows(programme, now)
    next_by_page = {}
    for occurrence in sessions:
        if not occurrence.is_cancelled:
            next_by_page.setdefault(occurrence.page_id, occurrence)
    result = []
    for module in modules:
        module.next_session = next_by_page.get(module.pk)
        if module.next_session is not None:
            module.next_session.page = module
        if filters.get("upcoming") and module.next_session is None:
            continue
        result.append(module)
    return result


def next_sessions(programme, limit=6, now=None, sessions=None, modules=()):
    """The next `limit` sessions across the programme's modules, pages attached (from
    `modules` where already read, e.g. by `module_listing`; the rest in one query per type)."""
    now = now or timezone.now()
    if sessions is None:
        sessions = _upcoming_rows(programme, now)
    sessions = list(sessions)[:limit]
    known = {module.pk: module for module in modules}
    missing = []
    for occurrence in sessions:
        if occurrence.page_id in known:
            occurrence.page = known[occurrence.page_id]
        else:
            missing.append(occurrence)
    attached = {id(occurrence) for occurrence in attach_pages(missing, relations=False)}
    return [occurrence for occurrence in sessions
            if occurrence.page_id in known or id(occurrence) in attached]


def programme_listing(programme, filters, limit=6, now=None):
    """(modules, next sessions) of the programme page: the upcoming dates read once for both."""
    now = now or timezone.now()
    sessions = _upcoming_rows(programme, now)
    modules = module_listing(programme, filters, now=now, sessions=sessions)
    upcoming = next_sessions(programme, limit=limit, now=now, sessions=sessions, modules=modules)
    return modules, upcoming
