"""`GET /api/v2/occurrences/`: upcoming dates of every event type with live registration state.

The events plugin's read API; the registration engine adds `POST /api/v2/registrations/`.

Reads through `events.queries` like the HTML listing, so the same dates appear (public, live,
unexpired pages; view-restricted pages never), repeats expanded, with the same filters
(`events.filtersets.OccurrenceFilterSet`).
"""

import re

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
)
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from wagtail.coreutils import get_supported_content_language_variant

from .addresses import PageAddresses
from .filtersets import OccurrenceFilterSet, event_type_choices, locale_choices
from .models import Occurrence, RegistrationOption
from .models.occurrences import AttendanceMode, OccurrenceStatus, translated_uid
from .models.registrations import AttendancePart
from .queries import attach_pages, expand, upcoming_occurrences
from .registration.api import JSONOnlyMixin
from .registration.kinds import kind_choices
from .registration.serializers import bad_request_response
from .registration.sources import with_page_language
from .registration.summary import registration_summary

LIMIT_DEFAULT = 20
LIMIT_MAX = 100
OFFSET_MAX = 999_999_999
ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


class ListingPagination(LimitOffsetPagination):
    """`limit` (1–100) and `offset`; a wrong value is a 400, not silently the default."""

    default_limit = LIMIT_DEFAULT
    max_limit = LIMIT_MAX

    def number(self, request, name, default, minimum, maximum):
        if name not in request.query_params:
            return default
        value = request.query_params[name].strip()
        if not ASCII_DIGITS.fullmatch(value):  # "²".isdigit() is True, int("١٢") is 12
            raise ValidationError({name: [_("Enter a whole number.")]})
        number = int(value)
        if not minimum <= number <= maximum:
            raise ValidationError({name: [_("Enter a number from %(min)s to %(max)s.") % {
                "min": minimum, "max": maximum}]})
        return number

    def get_limit(self, request):
        return self.number(request, "limit", LIMIT_DEFAULT, 1, LIMIT_MAX)

    def get_offset(self, request):
        return self.number(request, "offset", 0, 0, OFFSET_MAX)

    def get_paginated_response(self, data):
        return Response({"meta": {"total_count": self.count}, "items": data})

    def get_paginated_response_schema(self, schema):
        return {"type": "object", "required": ["meta", "items"], "properties": {
            "meta": {"type": "object", "required": ["total_count"], "properties": {
                "total_count": {"type": "integer", "minimum": 0}}},
            "items": schema}}

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "limit", "in": "query", "required": False,
             "description": "Items per page (1–100).",
             "schema": {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX,
                        "default": LIMIT_DEFAULT}},
            {"name": "offset", "in": "query", "required": False, "description": "Items to skip.",
             "schema": {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX, "default": 0}},
        ]


# Computed fields of page listings: worked out once for every page the listing shows -------

def listing_objects(field, instance):
    """The objects serialised with `instance`: the items of its type on the listing page
    it is part of, or `instance` alone (a detail, or no listing around it)."""
    node = getattr(field, "parent", None)
    while node is not None:
        shown = getattr(node, "instance", None)
        if isinstance(node, serializers.ListSerializer) and isinstance(shown, list) \
                and any(item is instance for item in shown):
            return [item for item in shown if type(item) is type(instance)]
        node = getattr(node, "parent", None)
    return [instance]


def listing_value(field, instance, compute):
    """The value of `field` for `instance`, with `compute(objects)` → `{pk: value}` called
    once for all objects of the listing (a constant number of queries, not one per item)."""
    values = field.context.setdefault("_listing_values", {}).setdefault(
        (compute, field.field_name), {})
    if instance.pk not in values:
        values.update(compute(listing_objects(field, instance)))
    return values[instance.pk]


class ListingListSerializer(serializers.ListSerializer):
    """`many=True` serializer of a computed page field whose child serializer class has
    `listing_values(pages)` → `{page pk: [items]}`: read for the whole listing at once."""

    def get_attribute(self, instance):
        return listing_value(self, instance, type(self.child).listing_values)


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def dates_of_translations(pages):
    """Every date of `pages` and of their translations (one query), annotated with its page's
    language and translation key as `events.registration.sources.with_page_language` does.
    Memoised on the pages: the fields of one listing share it."""
    if not all(hasattr(page, "_api_dates") for page in pages):
        dates = list(with_page_language(Occurrence.objects.filter(
            page__translation_key__in={page.translation_key for page in pages}))
            .select_related("venue").order_by("start"))
        for page in pages:
            page._api_dates = dates
    return pages[0]._api_dates if pages else []


def source_dates(pages):
    """{page pk: the dates of its default-language translation} (`page.source_page()`'s dates:
    one set of places whatever the language), or its own when that translation has none."""
    dates = dates_of_translations(pages)
    default = default_language()
    by_page, source_page = {}, {}
    for occurrence in dates:
        by_page.setdefault(occurrence.page_id, []).append(occurrence)
        if occurrence.page_language == default:
            source_page[occurrence.page_translation_key] = occurrence.page_id
    return {page.pk: by_page.get(source_page.get(page.translation_key, page.pk), [])
            for page in pages}


def attach_shared_options(occurrences, dates):
    """`events.registration.sources.attach_options` for dates read by `dates_of_translations`:
    a translated date finds its source among `dates` (same rule: the UID it was copied with,
    else the same start), so only the capacity rows take a query."""
    default = default_language()
    candidates = {}
    for occurrence in sorted(dates, key=lambda item: (item.sort_order, item.pk)):
        if occurrence.page_language == default:
            candidates.setdefault(occurrence.page_translation_key, []).append(occurrence)
    sources = {}
    for item in occurrences:
        sources[item.pk] = item.pk
        if item.page_language == default:
            continue
        rows = candidates.get(item.page_translation_key, [])
        match = next((row.pk for row in rows
                      if translated_uid(row.uid, item.page_id) == item.uid), None)
        if match is None:  # a copy made some other way: the date at the same time
            match = next((row.pk for row in rows if row.start == item.start), None)
        if match is not None:
            sources[item.pk] = match
    options = {}
    for option in RegistrationOption.objects.filter(
            occurrence_id__in=set(sources.values())).order_by("pk"):
        options.setdefault(option.occurrence_id, []).append(option)
    for item in occurrences:
        item.shared_options = options.get(sources[item.pk], [])
    return occurrences


def upcoming_dates_of(pages, now=None):
    """{page pk: `page.upcoming_dates()`} for many event pages at once (two queries): the
    coming dates, repeats expanded, with their venue and registration places."""
    dates = dates_of_translations(pages)
    pages_by_pk = {page.pk: page for page in pages}
    own = [occurrence for occurrence in dates if occurrence.page_id in pages_by_pk]
    attach_shared_options(own, dates)
    by_page = {pk: [] for pk in pages_by_pk}
    for occurrence in own:
        occurrence.page = pages_by_pk[occurrence.page_id]
        by_page[occurrence.page_id].append(occurrence)
    now = now or timezone.now()
    return {pk: expand(items, after=now) for pk, items in by_page.items()}


class PageReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class VenueSerializer(serializers.Serializer):
    name = serializers.CharField()
    street = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class KindField(serializers.ChoiceField):
    """The registered kinds, read when asked: plugins register theirs in `ready()`, after
    serializers built at import time (job-fair page fields) already exist."""

    def __init__(self, **kwargs):
        super().__init__(choices=[], **kwargs)
        self.choice_strings_to_values = {}  # read-only: values are written as they are

    @property
    def choices(self):
        return dict(kind_choices())

    @choices.setter
    def choices(self, value):
        pass


class RegistrationStateSerializer(serializers.Serializer):
    kind = KindField()
    part = serializers.ChoiceField(
        choices=AttendancePart.choices[1:], required=False,
        help_text=_("Only on hybrid dates: the places `onsite` or `online`, each with its own "
                    "capacity (send it as `part` to register)."))
    open = serializers.BooleanField()
    capacity = serializers.IntegerField(min_value=0)
    remaining = serializers.IntegerField(min_value=0)
    waitlist = serializers.BooleanField()


class OccurrenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Send it as `occurrence` to register."))
    uid = serializers.UUIDField()
    page = PageReferenceSerializer()
    event_type = serializers.CharField(source="page.event_type")
    locale = serializers.CharField(source="page.locale.language_code")
    detail_url = serializers.SerializerMethodField(help_text=_("The page in the pages endpoint."))
    html_url = serializers.SerializerMethodField(help_text=_("The page on the website."))
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    all_day = serializers.BooleanField()
    status = serializers.ChoiceField(choices=OccurrenceStatus.choices)
    status_note = serializers.CharField()
    mode = serializers.ChoiceField(
        choices=AttendanceMode.choices,
        help_text=_("On site, online or hybrid. The join link is sent to registrants only."))
    online = serializers.SerializerMethodField()
    venue = serializers.SerializerMethodField()
    registration = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_detail_url(self, occurrence):
        return self.context["request"].build_absolute_uri(
            f"/api/v2/pages/{occurrence.page.pk}/")

    def listing_memo(self, name, build):
        """One `build()` per listing (kept in the context), not per date."""
        value = self.context.get(name)
        if value is None:
            value = self.context[name] = build()
        return value

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_html_url(self, occurrence):
        addresses = self.listing_memo("_page_addresses",
                                      lambda: PageAddresses(self.context["request"]))
        return addresses.full_url(occurrence.page)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_online(self, occurrence):
        return bool(occurrence.online_url) or occurrence.mode != AttendanceMode.ON_SITE

    @extend_schema_field(VenueSerializer(allow_null=True))
    def get_venue(self, occurrence):
        venue = occurrence.venue or occurrence.page.venue
        if venue is None:
            return None
        # Dates share a few venues: each is represented once, by one serializer.
        venues = self.listing_memo("_venues", dict)
        if venue.pk not in venues:
            venues[venue.pk] = self.listing_memo("_venue_serializer", VenueSerializer) \
                .to_representation(venue)
        return venues[venue.pk]

    @extend_schema_field(RegistrationStateSerializer(many=True))
    def get_registration(self, occurrence):
        return [item.as_api() for item in registration_summary(occurrence)]


class OccurrenceSchema(AutoSchema):
    """The filters whose choices come from the database, with their values as enums."""

    def get_override_parameters(self):
        return super().get_override_parameters() + [
            OpenApiParameter("locale", str, enum=[code for code, _label in locale_choices()],
                             description="Language code, or `all` (the default): a language "
                                         "shows its pages and untranslated ones of the source "
                                         "language."),
            OpenApiParameter("event_type", str,
                             enum=[code for code, _label in event_type_choices()],
                             description="Type of event."),
        ]


class OccurrenceListAPIView(JSONOnlyMixin, generics.ListAPIView):
    """Upcoming dates of every event type with live registration state.

    Repeating dates are expanded (same `id`, different start). Only public, live pages; the
    same dates as the website's listing.
    """

    queryset = Occurrence.objects.none()
    serializer_class = OccurrenceSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = OccurrenceFilterSet
    pagination_class = ListingPagination
    schema = OccurrenceSchema()

    @extend_schema(operation_id="occurrences_listing", tags=["occurrences"],
                   responses={200: OccurrenceSerializer(many=True),
                              400: bad_request_response("A query parameter is wrong.")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        filterset = OccurrenceFilterSet(request.query_params, queryset=self.queryset,
                                        request=request)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        dates = upcoming_occurrences(filterset.chosen_locale(), filterset.event_filters(),
                                     attach=False)
        shown = self.paginate_queryset(dates)
        shown = attach_pages(list(shown), relations=False)
        return self.get_paginated_response(self.get_serializer(shown, many=True).data)
