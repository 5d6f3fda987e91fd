"""Typed shapes of the job-fair page's computed API fields (trades, exhibitors, places), so the
OpenAPI document and generated clients know them instead of a bare object; exhibitors and
places are read for every fair of a listing at once (`events.api.ListingListSerializer`)."""

from django.db.models import Q
from rest_framework import serializers

from events.api import (
    ListingListSerializer,
    RegistrationStateSerializer,
    attach_shared_options,
    dates_of_translations,
    default_language,
    source_dates,
)


class TradeSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Send it in `trades` to register.")
    name = serializers.CharField()
    german_name = serializers.CharField()


def exhibitors_of(pages):
    """{fair pk: `page.api_exhibitors()`} for many fairs in three queries: the employers
    shown (`jobfairs.exhibitors`) with the trades known in the fair's or the default language."""
    from events.models import Registration

    from .exhibitors import SHOWN_STATES
    from .models import Trade

    dates = source_dates(pages)
    rows = list(Registration.objects.filter(
        occurrence_id__in={occurrence.pk for items in dates.values() for occurrence in items},
        option__kind="employer", state__in=SHOWN_STATES, erased_at__isnull=True,
        data__public_listing=True,
    ).values_list("occurrence_id", "data"))
    slugs = {slug for _occurrence, data in rows for slug in data.get("trades", [])}
    default = default_language()
    trades = list(Trade.objects.filter(
        Q(locale_id__in={page.locale_id for page in pages}) | Q(locale__language_code=default),
        slug__in=slugs).select_related("locale"))
    result = {}
    for page in pages:
        shown = {occurrence.pk for occurrence in dates[page.pk]}
        by_slug = {}
        for trade in trades:
            if trade.locale_id != page.locale_id and trade.locale.language_code != default:
                continue
            if trade.slug not in by_slug or trade.locale_id == page.locale_id:
                by_slug[trade.slug] = trade
        items = [{"company": data.get("company", ""),
                  "trades": [by_slug[slug].slug for slug in data.get("trades", [])
                             if slug in by_slug]}
                 for occurrence_id, data in rows if occurrence_id in shown]
        items.sort(key=lambda item: item["company"].casefold())
        result[page.pk] = items
    return result


class ExhibitorEntrySerializer(serializers.Serializer):
    company = serializers.CharField()
    trades = serializers.ListField(child=serializers.CharField(), help_text="Trade slugs.")

    listing_values = staticmethod(exhibitors_of)

    class Meta:
        list_serializer_class = ListingListSerializer


def places_of(pages):
    """{fair pk: `page.api_places()`} for many fairs in two queries: every date of the fair
    (its default-language page's: one set of places) with its registration state."""
    from events.registration.summary import registration_summary

    dates = source_dates(pages)
    attach_shared_options([occurrence for items in dates.values() for occurrence in items],
                          dates_of_translations(pages))
    return {page.pk: [{"occurrence": occurrence.pk, "start": occurrence.start,
                       "registration": [item.as_api()
                                        for item in registration_summary(occurrence)]}
                      for occurrence in dates[page.pk]]
            for page in pages}


class PlaceSerializer(serializers.Serializer):
    occurrence = serializers.IntegerField(help_text="Send it as `occurrence` to register.")
    start = serializers.DateTimeField()
    registration = RegistrationStateSerializer(many=True)

    listing_values = staticmethod(places_of)

    class Meta:
        list_serializer_class = ListingListSerializer

