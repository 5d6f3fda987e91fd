"""Typed shapes of the job-fair page's computed API fields (trades, exhibitors, places), so the
OpenAPI document and generated clients know them instead of a bare object; exhibitors and
places are read for every fair of a listing at once (`events.api.ListingListSerializer`)."""

from django.db.models import Q
from drf_spectacular.utils import extend_schema_field
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


class LogoSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField(help_text="Absolute URL of the logo (PNG).")
    width = serializers.IntegerField(source="instance.logo_width",
                                     help_text="At most 400 pixels.")
    height = serializers.IntegerField(source="instance.logo_height",
                                      help_text="At most 200 pixels.")

    @extend_schema_field(serializers.URLField())
    def get_url(self, logo):
        request = self.context.get("request")
        return request.build_absolute_uri(logo.url) if request else logo.url


def _profile(item):
    """The EmployerProfile (or None) of an exhibitor: a `jobfairs.exhibitors.Exhibitor` or the
    dict the page API computes."""
    return item.get("profile") if isinstance(item, dict) else item.profile


class EmployerProfileSerializer(serializers.Serializer):
    """The employer's public profile of an exhibitor: shared by `/api/v2/exhibitors/` and the
    fair page's `exhibitors` field."""

    logo = serializers.SerializerMethodField(
        help_text="The employer's logo, scaled down to fit 400 × 200 pixels; null without one.")
    description = serializers.CharField(
        help_text="Short description in the requested language where the employer wrote "
                  "one, else in German; empty without one.")
    description_language = serializers.CharField(
        help_text="Language code of `description` (`de`, `en`); empty without one.")
    website = serializers.SerializerMethodField(help_text="The employer's website, or empty.")

    @extend_schema_field(LogoSerializer(allow_null=True))
    def get_logo(self, exhibitor):
        profile = _profile(exhibitor)
        logo = profile.logo if profile else None
        if not logo:
            return None
        try:
            return LogoSerializer(logo, context=self.context).data
        except (OSError, ValueError):  # the file went missing: no logo rather than a 500
            return None

    @extend_schema_field(serializers.CharField())
    def get_website(self, exhibitor):
        profile = _profile(exhibitor)
        return profile.website if profile else ""


def exhibitor_entry(company, trade_slugs, profile):
    """One item of the fair page's `exhibitors` field (see `ExhibitorEntrySerializer`)."""
    text, language = profile.description_for() if profile else ("", "")
    return {"company": company, "trades": trade_slugs, "profile": profile,
            "description": text, "description_language": language}


def exhibitors_of(pages):
    """{fair pk: `page.api_exhibitors()`} for many fairs in three queries: the employers
    shown (`jobfairs.exhibitors`) with their profiles, and the trades known in the fair's or
    the default language."""
    from events.models import Registration

    from .exhibitors import SHOWN_STATES
    from .models import Trade

    dates = source_dates(pages)
    rows = [(registration.occurrence_id, registration.data or {},
             getattr(registration, "employer_profile", None))
            for registration in Registration.objects.filter(
                occurrence_id__in={occurrence.pk for items in dates.values()
                                   for occurrence in items},
                option__kind="employer", state__in=SHOWN_STATES, erased_at__isnull=True,
                data__public_listing=True,
            ).select_related("employer_profile")]
    default = default_language()
    # Exhibitors name the fair's own trades as a rule: those the listing prefetched with the
    # pages (in the page's language) need no query; only other slugs are looked up.
    known = {page.pk: list(page.trades.all()) for page in pages
             if "trades" in getattr(page, "_prefetched_objects_cache", {})}
    missing = set()
    for page in pages:
        shown = {occurrence.pk for occurrence in dates[page.pk]}
        own = {trade.slug for trade in known.get(page.pk, ())}
        missing |= {slug for occurrence_id, data, _profile in rows if occurrence_id in shown
                    for slug in data.get("trades", []) if slug not in own}
    trades = list(Trade.objects.filter(
        Q(locale_id__in={page.locale_id for page in pages}) | Q(locale__language_code=default),
        slug__in=missing).select_related("locale")) if missing else []
    result = {}
    for page in pages:
        shown = {occurrence.pk for occurrence in dates[page.pk]}
        by_slug = {trade.slug: trade for trade in known.get(page.pk, ())}
        for trade in trades:
            if trade.locale_id != page.locale_id and trade.locale.language_code != default:
                continue
            if trade.slug not in by_slug or trade.locale_id == page.locale_id:
                by_slug[trade.slug] = trade
        items = [exhibitor_entry(data.get("company", ""),
                                 [by_slug[slug].slug for slug in data.get("trades", [])
                                  if slug in by_slug], profile)
                 for occurrence_id, data, profile in rows if occurrence_id in shown]
        items.sort(key=lambda item: item["company"].casefold())
        result[page.pk] = items
    return result


class ExhibitorEntrySerializer(EmployerProfileSerializer):
    """An exhibitor in the fair page's `exhibitors` field: company, trade slugs and the
    employer's public profile, as `/api/v2/exhibitors/` gives them."""

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

