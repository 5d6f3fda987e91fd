"""API addresses on the host the client called, and pages found by their website path.

Wagtail builds `meta.detail_url` and find's redirect from WAGTAILAPI_BASE_URL (or the Site's
hostname); a client that reached the API under another name (a proxy, a staging host) would be
sent elsewhere. These fields and the find mixin use `request.build_absolute_uri` instead.
`html_url` stays the page's canonical address on its Site.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch
from django.utils.translation import get_language_from_path
from rest_framework.fields import SkipField
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.models import Locale, Site


def detail_url(context, model, pk):
    path = context["router"].get_object_detail_urlpath(model, pk)
    return context["request"].build_absolute_uri(path) if path else None


class RequestDetailUrlField(wagtail_serializers.DetailUrlField):
    def get_attribute(self, instance):
        url = detail_url(self.context, type(instance), instance.pk)
        if url is None:
            raise SkipField  # no endpoint for this model
        return url


class SitePageHtmlUrlField(wagtail_serializers.PageHtmlUrlField):
    """The page's address, with the sites' root paths read once per request (Wagtail's field
    reads them from the cache for every page of a listing)."""

    def to_representation(self, page):
        try:
            return page.get_full_url(self.context.get("request"))
        except NoReverseMatch:
            return None


def nested_page(field, page):
    """A parent or original page as Wagtail nests it, with our detail URL."""
    from .pages import SitePageSerializer

    serializer_class = wagtail_serializers.get_serializer_class(
        page.__class__, ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"], base=SitePageSerializer)
    return serializer_class(context=field.context).to_representation(page)


class SitePageParentField(wagtail_serializers.PageParentField):
    def to_representation(self, value):
        return nested_page(self, value)


class SitePageAliasOfField(wagtail_serializers.PageAliasOfField):
    def to_representation(self, value):
        return nested_page(self, value)


class SiteBaseSerializer(wagtail_serializers.BaseSerializer):
    """For endpoints on Wagtail's BaseSerializer: nested items use it too."""

    detail_url = RequestDetailUrlField(read_only=True)


class PrefetchedTagsField(wagtail_serializers.TagsField):
    """Tag names from the listing's `prefetch_related("tags")`: no query per item (Wagtail's
    field orders in the database, one query each)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        if field_class is wagtail_serializers.TagsField:
            field_class = PrefetchedTagsField
        return field_class, kwargs


class SiteImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    detail_url = RequestDetailUrlField(read_only=True)


class SiteDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    detail_url = RequestDetailUrlField(read_only=True)


class SiteFindMixin:
    """find/ redirects to the detail on the host the client called; for pages, `html_path`
    takes the website's language-prefixed paths (i18n_patterns): `/en/…` is routed from the
    Site root's English translation."""

    def find_view(self, request):
        try:
            obj = self.find_object(self.get_queryset(), request)
        except self.model.DoesNotExist:
            obj = None
        if obj is None:
            raise Http404("not found")
        url = detail_url({"router": request.wagtailapi_router, "request": request},
                         self.model, obj.pk)
        query = request.GET.copy()
        for name in self.find_query_parameters:  # only used to find the object
            query.pop(name, None)
        return redirect(f"{url}?{query.urlencode()}")

    def find_object(self, queryset, request):
        path = request.GET.get("html_path")
        if path is None or "html_path" not in self.find_query_parameters:
            return super().find_object(queryset, request)
        site = Site.find_for_request(request)
        if site is None:
            return None
        components = [component for component in path.split("/") if component]
        root = site.root_page
        language = get_language_from_path("/" + "/".join(components) + "/")
        if language:
            components = components[1:]
            locale = Locale.objects.filter(language_code=language).first()
            root = root.get_translation_or_none(locale) if locale else None
            if root is None:
                return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None
