"""API v2 endpoints: centres (with directory filters) and the responsibility matrix."""

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from .models import CentrePage, ResponsibilityEntry, Topic
from .queries import filter_centres

CENTRE_FILTERS = ["district", "service", "language", "target_group", "city"]


class CentresAPIViewSet(PagesAPIViewSet):
    """`/api/v2/centres/?district=meissen&language=ar&search=Anerkennung`"""

    name = "centres"
    model = CentrePage
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CENTRE_FILTERS + ["open_now"])
    # Our filters take slugs and search goes through the same function as the HTML directory.
    filter_backends = [backend for backend in PagesAPIViewSet.filter_backends
                       if backend not in (FieldsFilter, SearchFilter)]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "institution", "city", "district", "latitude", "longitude", "phone", "open_now"]

    def get_queryset(self):
        queryset = super().get_queryset()
        params = {name: self.request.GET.get(name, "").strip() for name in CENTRE_FILTERS}
        params["search"] = self.request.GET.get("search", "").strip()
        queryset = filter_centres(queryset, **params)
        open_now = self.request.GET.get("open_now", "").lower()
        if open_now:
            if open_now not in ("true", "false"):
                raise BadRequestError("open_now must be 'true' or 'false'")
            wanted = open_now == "true"
            candidates = queryset.prefetch_related("hours_of_operation", "hours_exceptions")
            queryset = queryset.filter(pk__in=[c.pk for c in candidates if c.is_open() == wanted])
        return queryset.select_related("institution", "district").prefetch_related(
            "hours_of_operation", "hours_exceptions", "services", "languages", "target_groups",
            "regions", "contacts").order_by("title")


class ResponsibilitiesAPIViewSet(BaseAPIViewSet):
    """`/api/v2/responsibilities/?district=leipzig&topic=recognition&locale=en`"""

    name = "responsibilities"
    model = ResponsibilityEntry
    filter_backends = [OrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["district", "topic", "locale"])
    body_fields = BaseAPIViewSet.body_fields + [
        "district", "topic", "topic_label", "institution", "department", "contact_name",
        "contact_role", "phone", "email", "note", "is_example_data", "locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "district", "topic", "topic_label", "institution", "department", "contact_name",
        "contact_role", "phone", "email", "is_example_data", "locale"]

    def get_queryset(self):
        queryset = ResponsibilityEntry.objects.select_related("district", "institution", "locale")
        district = self.request.GET.get("district")
        if district:
            queryset = queryset.filter(district__slug=district)
        topic = self.request.GET.get("topic")
        if topic:
            if topic not in Topic.values:
                raise BadRequestError(f"topic must be one of: {', '.join(Topic.values)}")
            queryset = queryset.filter(topic=topic)
        locale = self.request.GET.get("locale")
        if locale:
            queryset = queryset.filter(locale__language_code=locale)
        return queryset.order_by("district__name", "topic", "sort_order", "pk")
