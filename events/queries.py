"""Reading dates of every event type for listings, the home page, feeds and the API.

All event page types (events, trainings, job fairs) keep their dates in the one
`Occurrence` table, so one query finds the dates and one query per page type fetches the
specific pages: the number of queries does not grow with the number of events.

Translations: `copy_for_translation` copies the dates with the page, so every locale's page
has its own `Occurrence` rows (with their own UIDs). Asking for a locale returns the pages
of that locale and, where an event has no live translation, the page in the default
(source) locale, so nobody misses an event because it has not been translated yet.
"""

import copy
import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, prefetch_related_objects
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Locale, Page, PageViewRestriction

from . import conf
from .models import AbstractEventPage, Occurrence


def attach_registration_options(occurrences):
    """The capacity rows that templates and the API read per date, in constant queries; a
    translated date gets its source date's (one set of places whatever the language)."""
    from .registration.sources import attach_options

    return attach_options(occurrences)


def event_page_models(event_type=None):
    """Concrete page models with dates (subclasses of AbstractEventPage), optionally of a type."""
    return [
        model for model in apps.get_models()
        if issubclass(model, AbstractEventPage) and not model._meta.abstract
        and (event_type is None or model.event_type == event_type)
    ]


def event_types():
    return sorted({model.event_type for model in event_page_models()})


def resolve_locale(locale):
    """A Locale from a Locale, a language code or None (the default, source locale)."""
    if locale is None:
        return Locale.get_default()
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.get(language_code=locale)


@dataclass(frozen=True)
class EventFilters:
    """What a listing, feed or API request filters on; empty values do not filter."""

    category: str = ""
    audience: str = ""
    city: str = ""
    language: str = ""
    event_type: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def key(self):
        return (self.category, self.audience, self.city.lower(), self.language,
                self.event_type, self.date_from, self.date_to)


def _page_filter(filters):
    """Q on `page_id` limiting to event pages (of the type) matching the page filters."""
    models = event_page_models(filters.event_type or None)
    if not models:
        return Q(pk__in=[])
    condition = Q()
    for model in models:
        pages = model.objects.all()
        if filters.category:
            pages = pages.filter(category__slug=filters.category)
        if filters.audience:
            pages = pages.filter(audiences__slug=filters.audience)
        if filters.language:
            pages = pages.filter(languages__slug=filters.language)
        if filters.city:
            # The page's venue counts only for dates without their own venue.
            city_pages = pages.filter(venue__city__iexact=filters.city).values("pk")
            condition |= Q(venue__city__iexact=filters.city, page_id__in=pages.values("pk"))
            condition |= Q(venue__isnull=True, page_id__in=city_pages)
        else:
            condition |= Q(page_id__in=pages.values("pk"))
    return condition


def _default_language():
    # Locale.get_default() without its query: the default locale is the one of LANGUAGE_CODE.
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _locale_filter(locale):
    default = _default_language()
    if locale.language_code == default:
        return Q(page__locale_id=locale.pk)
    translated = Page.objects.filter(locale_id=locale.pk, live=True).values("translation_key")
    return Q(page__locale_id=locale.pk) | (
        Q(page__locale__language_code=default) & ~Q(page__translation_key__in=translated)
    )


def public_occurrences(locale=None, filters=None, now=None, restricted=None):
    """Occurrence rows of live, public, unexpired event pages (all times, no expansion).

    `restricted`: the paths of view-restricted pages when the caller has them already (the
    site frame caches them per content generation), else they are read here."""
    filters = filters or EventFilters()
    now = now or timezone.now()
    queryset = Occurrence.objects.filter(
        Q(page__expire_at__isnull=True) | Q(page__expire_at__gt=now),
        page__live=True, page__expired=False,
    )
    queryset = queryset.filter(_page_filter(filters))
    if locale != "all":
        queryset = queryset.filter(_locale_filter(resolve_locale(locale)))
    # Any view restriction (password, login, groups) hides the page and its subtree.
    if restricted is None:
        # In the same query: a restriction on the page or on an ancestor (a prefix of its path).
        return queryset.exclude(Exists(PageViewRestriction.objects.filter(
            StartsWith(OuterRef("page__path"), F("page__path")))))
    for path in restricted:
        queryset = queryset.exclude(page__path__startswith=path)
    return queryset


def is_public(occurrence_ids, now=None):
    """The ids among `occurrence_ids` whose page anyone may see (the feeds' and API's rule)."""
    return set(public_occurrences("all", now=now).filter(pk__in=occurrence_ids)
               .values_list("pk", flat=True))


def _window_filter(queryset, after, before):
    """Rows that may have an instance in [after, before): single dates or repeating ones."""
    repeating = ~Q(repeat_frequency="")
    if after is not None:
        queryset = queryset.filter(
            Q(end__gt=after)
            | (repeating & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=after.date())))
        )
    if before is not None:
        queryset = queryset.filter(start__lt=before)
    return queryset


# The renditions of a card picture: keep in step with preset "card" in
# events/templates/events/includes/picture.html (Wagtail stores the specs without its
# "preserve-svg", which only matters for SVG images).
CARD_RENDITION_SPECS = Filter.expand_spec("format-{webp,jpeg} fill-{960x540,640x360,320x180}-c100")


def card_renditions():
    return get_image_model().get_rendition_model().objects.filter(
        filter_spec__in=CARD_RENDITION_SPECS)


def with_card_images(queryset):
    """Pages of `queryset` with their image (joined) and its card renditions: one more query
    for all rows."""
    return queryset.select_related("image").prefetch_related(Prefetch(
        "image__renditions", queryset=card_renditions(), to_attr="prefetched_renditions"))


def attach_card_images(pages):
    """Set `image` of pages of any types with their card renditions: two queries for all."""
    image_ids = {page.image_id for page in pages if getattr(page, "image_id", None)}
    if not image_ids:
        return pages
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(
        *CARD_RENDITION_SPECS).in_bulk()
    for page in pages:
        if getattr(page, "image_id", None) in images:
            page.image = images[page.image_id]
    return pages


FEED_PAGE_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale", "summary",
                    "category", "venue", "content_type", "live", "last_published_at")


def attach_pages(occurrences, relations=True):
    """Set `.page` of each occurrence to its specific page: one query per page type.

    `relations=False` skips prefetching audiences, languages and organisers (feeds);
    `relations="cards"` reads only what a date card shows (the page, its venue, category and
    card picture: the pictures of all types in two queries).
    """
    by_type = {}
    page_ids = {occurrence.page_id for occurrence in occurrences}
    if not page_ids:
        return occurrences
    if all(hasattr(occurrence, "page_content_type") for occurrence in occurrences):
        pairs = {(occurrence.page_id, occurrence.page_content_type) for occurrence in occurrences}
    else:
        pairs = Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id")
    for page_id, content_type_id in pairs:
        by_type.setdefault(content_type_id, []).append(page_id)
    if relations == "cards":
        return _attach_card_pages(occurrences, by_type)
    pages = {}
    for model in event_page_models():
        ids = by_type.get(ContentType.objects.get_for_model(model).pk)
        if not ids:
            continue
        queryset = model.objects.filter(pk__in=ids).defer_streamfields()
        if relations:
            queryset = with_card_images(queryset.select_related("category", "venue", "locale")
                                        .prefetch_related("audiences", "languages", "organisers"))
        else:
            # Feeds read only these: loading 40 page columns for 1,000s of rows is the cost.
            queryset = queryset.only(*FEED_PAGE_FIELDS)
        pages.update({page.pk: page for page in queryset})
    if not relations:
        # The few categories, venues and locales are shared instances read once each for the
        # pages of every type (same-named foreign keys of each event page model); joined, they
        # were built again for every one of 1,000s of pages.
        prefetch_related_objects(list(pages.values()), "category", "venue", "locale")
    for occurrence in occurrences:
        page = pages.get(occurrence.page_id)
        if page is not None:
            occurrence.page = page
    return [occurrence for occurrence in occurrences if occurrence.page_id in pages]


def _attach_card_pages(occurrences, by_type):
    """What a date card shows of pages of every type in one query (each type's table joined
    to the page, with its venue, category, locale and picture) and the pictures' card
    renditions in one more."""
    from django.db.models import prefetch_related_objects
    from wagtail.fields import StreamField

    models = [model for model in event_page_models()
              if ContentType.objects.get_for_model(model).pk in by_type]
    related, deferred, names = [], [], {}
    for model in models:
        name = model._meta.get_ancestor_link(Page).related_query_name()
        names[model] = name
        related += [f"{name}__{field}" for field in ("category", "venue", "locale", "image")]
        deferred += [f"{name}__{field.name}" for field in model._meta.concrete_fields
                     if isinstance(field, StreamField)]
    ids = [page_id for type_ids in by_type.values() for page_id in type_ids]
    pages = {}
    for base in Page.objects.filter(pk__in=ids).select_related(*related).defer(*deferred):
        for model, name in names.items():
            specific = getattr(base, name, None) if base.content_type_id == (
                ContentType.objects.get_for_model(model).pk) else None
            if specific is not None:
                pages[base.pk] = specific
    images = [page.image for page in pages.values() if getattr(page, "image", None)]
    if images:
        prefetch_related_objects(images, Prefetch(
            "renditions", queryset=card_renditions(), to_attr="prefetched_renditions"))
    for occurrence in occurrences:
        page = pages.get(occurrence.page_id)
        if page is not None:
            occurrence.page = page
    return [occurrence for occurrence in occurrences if occurrence.page_id in pages]


def localize_vocabulary(occurrences, language, locale_id=None):
    """Show each date's venue and its page's venue and category in `language` (two queries).

    A page shown in a language it has no translation in (or a copy whose links point at the
    source's snippets) would otherwise say "Jobmesse" in an English feed or listing.
    `locale_id`: the id of `language`'s locale, when known: snippets already in it are kept
    without a query (no query at all when every one is).
    """
    from .models import Category, Venue

    wanted = {Category: set(), Venue: set()}
    for occurrence in occurrences:
        page = occurrence.page
        for obj in (occurrence.venue, getattr(page, "venue", None), getattr(page, "category", None)):
            if (obj is not None and obj.locale_id and type(obj) in wanted
                    and obj.locale_id != locale_id):
                wanted[type(obj)].add(obj.translation_key)
    found = {}
    for model, keys in wanted.items():
        if keys:
            found[model] = {obj.translation_key: obj for obj in model.objects.filter(
                translation_key__in=keys, locale__language_code=language)}

    def swap(obj):
        if obj is None:
            return None
        return found.get(type(obj), {}).get(obj.translation_key, obj)

    for occurrence in occurrences:
        if occurrence.venue_id:
            occurrence.venue = swap(occurrence.venue)
        page = occurrence.page
        for name in ("venue", "category"):
            if getattr(page, f"{name}_id", None):
                setattr(page, name, swap(getattr(page, name)))
    return occurrences


def expand(occurrences, after=None, before=None):
    """One object per instance: copies of the occurrence with `start`/`end` of the instance.

    The copies keep `uid`, `pk` and every annotation; `is_recurring_instance` tells them
    apart. They are for reading only: never save them.
    """
    instances = []
    for occurrence in occurrences:
        if not occurrence.repeat_frequency:
            if (after is None or occurrence.end > after) and (
                    before is None or occurrence.start < before):
                instances.append(occurrence)
            continue
        for start, end in occurrence.instances(after=after, before=before):
            instance = copy.copy(occurrence)
            instance.start, instance.end = start, end
            instance.is_recurring_instance = True
            instances.append(instance)
    instances.sort(key=lambda item: (item.start, item.pk))
    return instances


def upcoming_occurrences(locale=None, filters=None, *, now=None, past=False, limit=None,
                         attach=True, restricted=None):
    """Dates (repeats expanded) of public event pages, specific pages attached.

    Upcoming: dates not yet over, soonest first (repeats up to the horizon). `past=True`:
    dates that are over, latest first. `filters.date_from`/`date_to` narrow the range.
    `attach="cards"`: pages with only what a date card shows (see `attach_pages`);
    `restricted`: as for `public_occurrences`.
    """
    filters = filters or EventFilters()
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    after = before = None
    if past:
        before = now
    else:
        after = now
    if filters.date_from:
        start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=zone)
        after = max(after, start) if after else start
    if filters.date_to:
        end = datetime.datetime.combine(filters.date_to + datetime.timedelta(days=1),
                                        datetime.time.min, tzinfo=zone)
        before = min(before, end) if before else end
    from .registration.sources import with_page_language

    queryset = with_page_language(public_occurrences(locale, filters, now=now, restricted=restricted)
                                  .select_related("venue")
                                  .annotate(page_content_type=F("page__content_type_id")))
    queryset = _window_filter(queryset, after, before)
    if limit is not None and not past:
        # Only the first `limit` single dates can make it, plus any repeating date.
        rows = (list(queryset.filter(repeat_frequency="").order_by("start", "pk")[:limit])
                + list(queryset.exclude(repeat_frequency="")))
    else:
        rows = list(queryset)
    attach_registration_options(rows)
    instances = expand(rows, after=after, before=before)
    if past:
        instances = [item for item in instances if item.end <= now]
        instances.reverse()
    else:
        instances = [item for item in instances if item.end > now]
    if limit is not None:
        instances = instances[:limit]
    if not attach:
        return instances
    return attach_pages(instances, relations="cards" if attach == "cards" else True)


def feed_occurrences(locale=None, filters=None, *, now=None, past_days=None):
    """Occurrence rows for a calendar feed (repeats not expanded), specific pages attached."""
    now = now or timezone.now()
    if past_days is None:
        past_days = int(conf.get("EVENTS_FEED_PAST_DAYS"))
    after = now - datetime.timedelta(days=past_days)
    queryset = public_occurrences(locale, filters, now=now).select_related("venue")
    queryset = _window_filter(queryset, after, None).order_by("start", "pk")
    return attach_pages(list(queryset), relations=False)


# Audit-log actions after which a date leaves feeds without any of its rows changing.
HIDING_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled", "wagtail.delete",
                  "wagtail.move", "wagtail.view_restriction.create",
                  "wagtail.view_restriction.edit", "wagtail.view_restriction.delete")


def outside_changed_at():
    """The last change that alters feeds outside their date rows: a page unpublished,
    deleted, moved or restricted (Wagtail's audit log), a venue or category edited. Both
    validators must move then, or clients sending only If-Modified-Since keep stale data."""
    from wagtail.models import PageLogEntry

    from .models import Category, Venue

    values = (
        PageLogEntry.objects.filter(action__in=HIDING_ACTIONS).aggregate(at=Max("timestamp"))["at"],
        Venue.objects.aggregate(at=Max("updated_at"))["at"],
        Category.objects.aggregate(at=Max("updated_at"))["at"],
    )
    return max((value for value in values if value), default=None)


def latest(*values):
    return max((value for value in values if value), default=None)


def feed_fingerprint(locale=None, filters=None, *, now=None, queryset=None):
    """(count, last change) of the rows a feed shows, for ETag and Last-Modified."""
    now = now or timezone.now()
    if queryset is None:
        queryset = public_occurrences(locale, filters, now=now)
    data = queryset.aggregate(
        count=Count("pk"), updated=Max("updated_at"), published=Max("page__last_published_at"),
    )
    return data["count"], latest(data["updated"], data["published"], outside_changed_at())
