"""The pages endpoint with the site's filters, translations, and privacy-safe documents.

Filters (all optional, combined with AND; empty values do not filter):

- `section=<slug or id>`: pages below that page (any locale's page with the slug)
- `category=<slug>`, `audience=<slug>`: event pages (every event type) with that term
- `city=<name>`: event pages with a venue there, and pages with a `city` field (centres)
- `date_from=YYYY-MM-DD`, `date_to=YYYY-MM-DD`: event pages with a date in the range
- Wagtail's own: `type`, `locale`, `translation_of`, `child_of`, `descendant_of`, `search` …

A wrong value answers 400 `{"detail": "...", "message": "..."}`.
"""

import copy as copy_module
import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import Left, Length
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_restricted_collection_ids
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images.api.fields import (
    ImageRenditionDict,
    ImageRenditionErrorDict,
    ImageRenditionField,
)
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.images.utils import to_svg_safe_spec
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, get_page_models

from events.models import Occurrence
from events.queries import event_page_models, public_occurrences

from .addresses import (
    RequestDetailUrlField,
    SiteDocumentSerializer,
    SiteFindMixin,
    SiteImageSerializer,
    SitePageAliasOfField,
    SitePageHtmlUrlField,
    SitePageParentField,
)
from .built import RecentClasses, per_class, with_fields_once
from .errors import JSONErrorsMixin
from .items import ListingItems
from .params import QueryOverride, SafeParametersMixin, is_number, with_site_filters

CONTENT_FILTERS = ["section", "category", "audience", "city", "date_from", "date_to"]


def parse_date(request, name):
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(f"{name}: enter a date as YYYY-MM-DD") from error


def date_range(request):
    """(date_from, date_to) from the query string; 400 for a wrong date. A reversed range
    holds no day, so it matches no page (like any filter that matches nothing)."""
    return parse_date(request, "date_from"), parse_date(request, "date_to")


def day_bounds(date_from, date_to):
    """Aware datetimes [after, before) covering whole days in the site's time zone."""
    zone = timezone.get_current_timezone()
    after = before = None
    if date_from and date_from > datetime.date.min + datetime.timedelta(days=1):
        after = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=zone)
    if date_to and date_to < datetime.date.max - datetime.timedelta(days=1):
        before = datetime.datetime.combine(date_to + datetime.timedelta(days=1),
                                           datetime.time.min, tzinfo=zone)
    return after, before


def event_pages_condition(category="", audience="", city=""):
    """Q on `pk` for event pages of every type with the category/audience/venue city."""
    condition = Q(pk__in=[])
    for model in event_page_models():
        pages = model.objects.all()
        if category:
            pages = pages.filter(category__slug=category)
        if audience:
            pages = pages.filter(audiences__slug=audience)
        if city:
            pages = pages.filter(Q(venue__city__iexact=city)
                                 | Q(occurrences__venue__city__iexact=city))
        condition |= Q(pk__in=pages.values("pk"))
    return condition


def city_pages_condition(city):
    """Q on `pk` for event pages in `city` and pages of any type with a `city` field."""
    condition = event_pages_condition(city=city)
    for model in get_page_models():
        if model._meta.abstract:
            continue
        try:
            field = model._meta.get_field("city")
        except Exception:  # noqa: BLE001 - no such field
            continue
        if isinstance(field, models.CharField) and field.model is model:
            condition |= Q(pk__in=model.objects.filter(city__iexact=city).values("pk"))
    return condition


def page_ids_with_dates(date_from, date_to):
    """Ids of public event pages with a date (repeats expanded) in [date_from, date_to]."""
    after, before = day_bounds(date_from, date_to)
    rows = public_occurrences("all")
    single = rows.filter(repeat_frequency="")
    if after is not None:
        single = single.filter(end__gt=after)
    if before is not None:
        single = single.filter(start__lt=before)
    ids = set(single.values_list("page_id", flat=True).distinct())
    repeating = rows.exclude(repeat_frequency="").exclude(page_id__in=ids)
    if before is not None:
        repeating = repeating.filter(start__lt=before)
    if after is not None:
        repeating = repeating.filter(Q(repeat_until__isnull=True)
                                     | Q(repeat_until__gte=after.date()))
    for occurrence in repeating.only(*[f.attname for f in Occurrence._meta.concrete_fields]):
        if occurrence.page_id not in ids and next(
                iter(occurrence.instances(after=after, before=before)), None):
            ids.add(occurrence.page_id)
    return ids


class ContentFilter(BaseFilterBackend):
    """The site's filters: section, category, audience, city and date range."""

    def filter_queryset(self, request, queryset, view):
        params = {name: request.GET.get(name, "").strip() for name in CONTENT_FILTERS}
        if params["section"]:
            queryset = queryset.filter(self.section_condition(params["section"], view))
        if params["category"] or params["audience"]:
            queryset = queryset.filter(event_pages_condition(params["category"],
                                                             params["audience"]))
        if params["city"]:
            queryset = queryset.filter(city_pages_condition(params["city"]))
        date_from, date_to = date_range(request)
        if date_from and date_to and date_to < date_from:
            return queryset.none()
        if date_from or date_to:
            queryset = queryset.filter(pk__in=page_ids_with_dates(date_from, date_to))
        return queryset

    @staticmethod
    def section_condition(section, view):
        base = view.get_base_queryset()
        sections = base.filter(pk=int(section)) if is_number(section) and len(section) < 10 \
            else base.filter(slug=section)
        sections = list(sections.values_list("path", "depth")[:20])
        if not sections:
            raise Http404(_("section: no published page with this slug or id"))
        condition = Q(pk__in=[])
        for path, depth in sections:
            condition |= Q(path__startswith=path, depth__gt=depth)
        return condition


class SiteFieldsFilter(FieldsFilter):
    """Wagtail's filter on a page type's own fields (`?slug=…`), but not on the names of the
    site's filters: `category` is a slug for every event type, not one model's foreign key."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.copy()
        for name in CONTENT_FILTERS:
            query.pop(name, None)
        return super().filter_queryset(QueryOverride(request, query), queryset, view)


class TranslationsField(Field):
    """`[{"id", "locale", "title", "html_url"}]` of the page's live, public translations."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        """The translations of every page in the listing are read with the first one (one
        query per listing, not per page)."""
        known = self.context.setdefault("_translations", {})
        if page.translation_key not in known:
            listing = getattr(getattr(self.parent, "parent", None), "instance", None)
            pages = listing if isinstance(listing, list) and page in listing else [page]
            keys = {item.translation_key for item in pages}
            translations = Page.objects.filter(translation_key__in=keys, live=True)
            base = self.context.get("base_queryset")
            if base is not None:
                translations = translations.filter(pk__in=base.values("pk"))
            for key in keys:
                known[key] = []
            for translation in (translations.select_related("locale")
                                .only("pk", "title", "url_path", "translation_key",
                                      "locale__language_code")
                                .order_by("locale__language_code")):
                known[translation.translation_key].append(translation)
        request = self.context.get("request")
        return [{"id": item.pk, "locale": item.locale.language_code, "title": item.title,
                 "html_url": item.get_full_url(request)}
                for item in known[page.translation_key] if item.pk != page.pk]


def relation_lookups(serializer_class, model):
    """What the serializer reads from other rows, to fetch at once for a listing:
    (foreign keys to join, lookups to prefetch, StreamFields to convert in bulk).

    A field reads the relation named by its `source` (or by its own name, for computed fields
    named after the relation they show, such as a job fair's `trades`); rows of inline panels
    come with the foreign keys their own API fields read; a field may name more with a
    `listing_prefetch` attribute (e.g. `trainings.serializers.TrainersField`)."""
    joins, lookups, streams, seen = [], [], [], set()
    for field in serializer_class().fields.values():
        lookups.extend(name for name in getattr(field, "listing_prefetch", ())
                       if name not in lookups)
        for name in ((field.source or "").split(".")[0], field.field_name):
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if name in seen:
                break
            seen.add(name)
            if isinstance(model_field, StreamField):
                streams.append(name)
            elif model_field.many_to_one and model_field.concrete:
                joins.append(name)
            elif model_field.is_relation:
                lookups.append(child_rows_prefetch(field, model_field) or name)
            break
    return joins, lookups, streams


def child_rows_prefetch(field, model_field):
    """Rows of an inline panel with the objects their API fields read (a workshop's trade,
    an info desk's organisation) in the same query."""
    serializer_class = getattr(field, "serializer_class", None)
    if not (model_field.one_to_many and serializer_class):
        return None
    row_model = model_field.related_model
    joins, _lookups, _streams = relation_lookups(serializer_class, row_model)
    if not joins:
        return None
    return Prefetch(model_field.name, queryset=row_model._default_manager.select_related(*joins))


def own_copy(lookup):
    """A kept lookup for one listing: a `Prefetch` and its queryset are changed as they are
    used (`add_prefix`, `_next_is_sticky`), and gunicorn's threads share the kept ones."""
    if not isinstance(lookup, Prefetch):
        return lookup
    fresh = copy_module.copy(lookup)
    if lookup.queryset is not None:
        fresh.queryset = lookup.queryset.all()
    return fresh


def load_streams(items, names):
    """StreamField values of every item converted together: one query per chooser model
    (images, pages, documents, snippets) for the whole listing instead of one per item
    (`StreamBlock.bulk_to_python` over every item's raw data)."""
    for name in names:
        loaded = [item for item in items if name in item.__dict__]  # deferred: left alone
        if not loaded:
            continue
        stream_block = type(loaded[0])._meta.get_field(name).stream_block
        values = stream_block.bulk_to_python([list(getattr(item, name).raw_data)
                                              for item in loaded])
        for item, value in zip(loaded, values, strict=True):
            setattr(item, name, value)


def rendition_specs(serializer_class):
    """{attribute: filter specs} of the serializer's rendition fields (an event's
    `image_card` is `fill-800x450` of `image`), with the spec an SVG image is served with."""
    specs = {}
    for field in serializer_class().fields.values():
        if isinstance(field, ImageRenditionField) and field.source and "." not in field.source:
            names = specs.setdefault(field.source, set())
            names.add(field.filter_spec)
            if field.preserve_svg:
                names.add(to_svg_safe_spec(field.filter_spec))
    return specs


def prefetch_renditions(items, specs):
    """The renditions of the listing's images (`image.get_rendition(spec)` of every rendition
    field) read together: from the renditions cache in one call, those it lacks from the
    database in one query, instead of a cache call or a query per image and size. They are
    the image's `prefetched_renditions`, where Wagtail looks first
    (`Image.find_existing_renditions`); a missing one is made as before."""
    # Keyed by the instance, not the row: two pages with the same picture hold one each.
    wanted = {}  # id(image) -> (image, {spec: Filter})
    for name, names in specs.items():
        for item in items:
            image = getattr(item, name, None)
            if image is not None and hasattr(image, "get_rendition_model"):
                filters = wanted.setdefault(id(image), (image, {}))[1]
                filters.update((spec, Filter(spec=spec)) for spec in names)
    by_model = {}
    for image, filters in wanted.values():
        by_model.setdefault(type(image), []).append((image, filters))
    for model, images in by_model.items():
        rendition_model = model.get_rendition_model()
        keys = {}  # cache key -> the instances of the image that want it
        for image, filters in images:
            for spec, f in filters.items():
                keys.setdefault(rendition_model.construct_cache_key(
                    image, f.get_cache_key(image), spec), []).append(image)
        cached = rendition_model.cache_backend.get_many(list(keys))
        found = {id(image): [] for image, _filters in images}
        for key, rendition in cached.items():
            for image in keys[key]:
                copy = copy_module.copy(rendition)
                copy.image = image
                found[id(image)].append(copy)
        missing = [(image, filters) for image, filters in images
                   if len(found[id(image)]) < len(filters)]
        if missing:
            rows = rendition_model.objects.filter(
                image_id__in={image.pk for image, _filters in missing},
                filter_spec__in=sorted({spec for _image, filters in missing for spec in filters}))
            stored = {}
            for rendition in rows:
                for image, _filters in missing:
                    if image.pk == rendition.image_id:
                        copy = copy_module.copy(rendition)
                        copy.image = image
                        found[id(image)].append(copy)
                        stored[rendition_model.construct_cache_key(
                            image, rendition.focal_point_key, rendition.filter_spec)] = rendition
            if stored:  # for the next listing (the fields write only renditions they make)
                rendition_model.cache_backend.set_many(stored)
        for image, _filters in images:
            image.prefetched_renditions = found[id(image)]


class ListingRenditionField(ImageRenditionField):
    """Wagtail's rendition field, without writing every rendition back to the renditions
    cache on each request (`get_rendition` does, a cache call per image and size): only
    renditions made or read from the database now are written (`get_renditions`)."""

    def to_representation(self, image):
        try:
            spec = self.filter_spec
            if self.preserve_svg and image.is_svg():
                spec = to_svg_safe_spec(spec)
            rendition = next(iter(image.get_renditions(spec).values()))
        except SourceImageIOError:
            return ImageRenditionErrorDict(error="SourceImageIOError")
        return ImageRenditionDict(url=rendition.url, full_url=rendition.full_url,
                                  width=rendition.width, height=rendition.height,
                                  alt=rendition.alt)


def with_listing_renditions(serializer_class):
    """The serializer class (built per request by Wagtail) with `ListingRenditionField`
    for each of Wagtail's rendition fields."""
    for name, field in list(serializer_class._declared_fields.items()):
        if type(field) is ImageRenditionField:
            serializer_class._declared_fields[name] = ListingRenditionField(
                *field._args, **field._kwargs)
    return serializer_class


class PrefetchedListingMixin:
    """A listing's related rows (snippets, images, child rows, StreamField choosers) read once
    for all its items, whichever fields a client asks for (`fields=*`)."""

    serializer_classes = RecentClasses()
    # Listing items from the shared cache (cms/headless/items.py): off where an item's
    # representation depends on more than its page, the request's address and the generations.
    cache_items = False

    def get_serializer_class(self):
        """Built once per endpoint, page type and `fields` (cms/headless/built.py): Wagtail
        builds the class, and runs the listing's queryset again to learn its model, each time
        it is asked, three times per listing."""
        if getattr(self, "_serializer_request", None) is not self.request:
            if self.action == "listing_view":  # the model follows from the endpoint and `type`
                kind = ("listing", self.request.GET.get("type", ""))
            else:
                kind = (self.action, type(self.get_object()))
            key = (type(self), *kind, self.request.GET.get("fields"))
            self._serializer_key = key
            self._serializer_class = self.serializer_classes.get(key, lambda: with_fields_once(
                with_listing_renditions(super(PrefetchedListingMixin, self).get_serializer_class())))
            self._serializer_request = self.request
        return self._serializer_class

    def paginate_queryset(self, queryset):
        serializer_class = self.get_serializer_class()
        self._listing_items = ListingItems.for_view(self, self._serializer_key) \
            if self.cache_items else None  # reads the generations before the rows
        listing = self._listing_items
        joins, lookups, streams = per_class(relation_lookups, serializer_class, queryset.model)
        lookups = [own_copy(lookup) for lookup in lookups]
        if not isinstance(queryset, models.QuerySet):  # search results: fetched like the rest
            lookups = joins + lookups
        elif listing is not None and listing.warm():
            return self.paginate_known_items(queryset, joins, lookups, streams, listing)
        else:
            queryset = queryset.select_related(*joins)
        items = list(super().paginate_queryset(queryset))
        fresh = listing.read(items) if listing is not None and items else items
        self.prefetch_items(fresh, lookups, streams)
        return items

    def paginate_known_items(self, queryset, joins, lookups, streams, listing):
        """The page of a listing whose items this process stored under the generations read:
        its ids first (a query without joins, planned in a tenth of the time), then the rows
        of the items not in the cache (usually none)."""
        rows = list(super().paginate_queryset(queryset.select_related(None).only("pk")))
        missing = {row.pk for row in listing.read(rows)}
        loaded = queryset.select_related(*joins).in_bulk(missing) if missing else {}
        # A page unpublished between the two queries is left out, not loaded field by field.
        items = [loaded.get(row.pk) if row.pk in missing else row for row in rows]
        self.prefetch_items(list(loaded.values()), lookups, streams)
        return [item for item in items if item is not None]

    def prefetch_items(self, fresh, lookups, streams):
        if fresh:
            prefetch_related_objects(fresh, *lookups)
            load_streams(fresh, streams)
            prefetch_renditions(fresh, per_class(rendition_specs, self.get_serializer_class()))

    def get_serializer(self, *args, **kwargs):
        """For a listing with cached items (`cache_items`): the serializer of the others, and
        every item's representation in order."""
        listing = getattr(self, "_listing_items", None)
        if listing is None or not kwargs.get("many"):
            return super().get_serializer(*args, **kwargs)
        items = args[0]
        fresh = [item for item in items if item.pk not in listing.found]
        return listing.serializer(items, super().get_serializer(fresh, many=True))


class NestedSerializerMixin:
    """One serializer for every value the field shows in a listing: Wagtail builds a new one
    (and its fields) for each item's related object or child rows."""

    def nested_serializer(self):
        serializer = self.__dict__.get("_nested_serializer")
        if serializer is None:
            serializer = self._nested_serializer = with_fields_once(self.serializer_class)(
                context=self.context)
        return serializer


class ListingRelatedField(NestedSerializerMixin, wagtail_serializers.RelatedField):
    def to_representation(self, value):
        return self.nested_serializer().to_representation(value)


class ListingChildRelationField(NestedSerializerMixin, wagtail_serializers.ChildRelationField):
    def to_representation(self, value):
        serializer = self.nested_serializer()
        return [serializer.to_representation(child) for child in value.all()]


LISTING_FIELDS = {wagtail_serializers.RelatedField: ListingRelatedField,
                  wagtail_serializers.ChildRelationField: ListingChildRelationField}


class SitePageSerializer(PageSerializer):
    translations = TranslationsField()
    # Addresses on the host the client called (cms/headless/addresses.py).
    detail_url = RequestDetailUrlField(read_only=True)
    html_url = SitePageHtmlUrlField(read_only=True)
    parent = SitePageParentField(read_only=True)
    alias_of = SitePageAliasOfField(read_only=True)

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        return LISTING_FIELDS.get(field_class, field_class), kwargs


class AnonymousRequest:
    """The request as an anonymous visitor without session: view restrictions apply to all.

    The API serves public content only, whoever calls (an editor's admin cookie must not
    change an answer that is cached by ETag). DRF's `request.user` is None here
    (UNAUTHENTICATED_USER), which Wagtail's restriction checks cannot read.
    """

    user = AnonymousUser()
    session = {}

    def __init__(self, request):
        self._wrapped = request

    def __getattr__(self, name):
        return getattr(self._wrapped, name)


def below(pages):
    """Exists: the outer page is one of `pages` or below one of them (its tree path starts
    with theirs), as a condition of the outer query, not a list read beforehand."""
    return Exists(pages.filter(path=Left(OuterRef("path"), Length("path"))))


# The restrictions an anonymous visitor without session fails (`accept_request`): all but
# "none" (public), which Wagtail accepts.
CLOSED_TO_VISITORS = [BaseViewRestriction.PASSWORD, BaseViewRestriction.LOGIN,
                      BaseViewRestriction.GROUPS]


def public_pages_queryset(request):
    """Wagtail's `get_public_pages_queryset` for an anonymous visitor, in the listing's own
    query: the pages of the request's site (`?site=` or the host) and of its root's
    translations, without view-restricted pages and what lies below them.

    Wagtail reads the restrictions and the root's translations with a query each (and the
    site with a third) before every listing; here they are conditions of the listing's
    query, so only the site is read beforehand (once per request)."""
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if not site:  # no sites configured
        return Page.objects.none()
    queryset = Page.objects.live()
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    else:
        roots = Page.objects.filter(pk=site.root_page_id)
    restricted = Page.objects.filter(pk__in=PageViewRestriction.objects.filter(
        restriction_type__in=CLOSED_TO_VISITORS).values("page_id"))
    return queryset.filter(below(roots)).exclude(below(restricted))


def page_type_names(model):
    """`app_label.ModelName` of every page type an endpoint for `model` serves (a plugin's new
    page type is one more), for the `type` parameter and its enum in the OpenAPI document."""
    return [f"{m._meta.app_label}.{m.__name__}" for m in api_models() if issubclass(m, model)]


class PublicPagesMixin:
    def get_queryset(self):
        names = self.request.GET.get("type", "")
        allowed = {name.lower() for name in page_type_names(self.model)}
        if names and any(name.lower() not in allowed for name in names.split(",")):
            raise BadRequestError("type doesn't exist")  # Wagtail's own message
        return super().get_queryset()

    def get_base_queryset(self):
        # Read once per request: the listing, its filters and its serializer all ask for it
        # (the site is a query each time).
        if getattr(self, "_base_request", None) is not self.request:
            try:
                self._base_queryset = (
                    # A search backend filters on plain field lookups only (path, depth), as
                    # in Wagtail's queryset, not on a condition with a subquery.
                    get_public_pages_queryset if "search" in self.request.GET
                    else public_pages_queryset)(AnonymousRequest(self.request))
            except ValueError as error:
                raise BadRequestError(str(error)) from error
            self._base_request = self.request
        return self._base_queryset.all()


class SitePagesAPIViewSet(JSONErrorsMixin, SafeParametersMixin, PublicPagesMixin,
                          PrefetchedListingMixin, SiteFindMixin, PagesAPIViewSet):
    """`/api/v2/pages/`: every page type, with the site's filters and `translations`
    (on the detail; in listings with `fields=translations`)."""

    base_serializer_class = SitePageSerializer
    filter_backends = with_site_filters(
        [SiteFieldsFilter if backend is FieldsFilter else backend
         for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter]
        + [ContentFilter, SearchFilter])
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CONTENT_FILTERS)
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    cache_items = True

    def get_queryset(self):
        # `meta.locale` of every item reads the locale: one join instead of a query per page.
        return super().get_queryset().select_related("locale")


class SiteImagesAPIViewSet(JSONErrorsMixin, SafeParametersMixin, SiteFindMixin,
                           ImagesAPIViewSet):
    base_serializer_class = SiteImageSerializer
    filter_backends = with_site_filters(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")  # `tags` of every item


class SiteDocumentsAPIViewSet(JSONErrorsMixin, SafeParametersMixin, SiteFindMixin,
                              DocumentsAPIViewSet):
    """Documents outside collections with a view restriction, judged as an anonymous visitor."""

    base_serializer_class = SiteDocumentSerializer
    filter_backends = with_site_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        queryset = self.model.objects.all().order_by("id").prefetch_related("tags")
        return queryset.exclude(
            collection__in=get_restricted_collection_ids(AnonymousRequest(self.request)))


def api_models():
    """Every model the pages endpoint can serve (used by the OpenAPI document)."""
    return [model for model in get_page_models() if not model._meta.abstract
            and apps.is_installed(model._meta.app_config.name)]
