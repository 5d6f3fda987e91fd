"""API v2 endpoints: centres (with directory filters) and the responsibility matrix."""

from django_filters.rest_framework import DjangoFilterBackend
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from .filtersets import CentreFilterSet, ResponsibilityFilterSet
from .models import CentrePage, ResponsibilityEntry


class CentresAPIViewSet(PagesAPIViewSet):
    """`/api/v2/centres/?district=meissen&language=ar&search=Anerkennung`"""

    name = "centres"
    model = CentrePage
    filterset_class = CentreFilterSet
    # `search` is read by the FilterSet (the HTML directory's search); it has no operator.
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        CentreFilterSet.base_filters) - {"search_operator"}
    # Our filters take slugs and search goes through the same function as the HTML directory.
    filter_backends = [backend for backend in PagesAPIViewSet.filter_backends
                       if backend not in (FieldsFilter, SearchFilter)] + [DjangoFilterBackend]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "institution", "city", "district", "latitude", "longitude", "phone", "open_now"]

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("institution", "district").prefetch_related(
            "hours_of_operation", "hours_exceptions", "services", "languages", "target_groups",
            "regions", "contacts").order_by("title")


class ResponsibilitiesAPIViewSet(BaseAPIViewSet):
    """`/api/v2/responsibilities/?district=leipzig&topic=recognition&locale=en`"""

    name = "responsibilities"
    model = ResponsibilityEntry
    filter_backends = [OrderingFilter, DjangoFilterBackend]
    filterset_class = ResponsibilityFilterSet
    # No full-text search here: the matrix is filtered by district, topic and language.
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ResponsibilityFilterSet.base_filters) - {"search", "search_operator"}
    body_fields = BaseAPIViewSet.body_fields + [
        "district", "topic", "topic_label", "institution", "department", "contact_name",
        "contact_role", "phone", "email", "note", "is_example_data", "locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "district", "topic", "topic_label", "institution", "department", "contact_name",
        "contact_role", "phone", "email", "is_example_data", "locale"]

    def get_queryset(self):
        queryset = ResponsibilityEntry.objects.select_related("district", "institution", "locale")
        return queryset.order_by("district__name", "topic", "sort_order", "pk")
