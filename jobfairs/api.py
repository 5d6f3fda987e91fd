"""`GET /api/v2/exhibitors/?fair=<page id>`: the public exhibitor list of a job fair.

Reads `jobfairs.exhibitors.exhibitors(page)` (approved employers who agreed to be named):
company and trades only, never contact data.
"""

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from events.api import ListingPagination
from events.registration.api import JSONOnlyMixin
from events.registration.serializers import ErrorSerializer, bad_request_response

from .filtersets import ExhibitorFilterSet
from .models import JobFairPage


class TradeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ExhibitorSerializer(serializers.Serializer):
    company = serializers.CharField()
    trades = TradeSerializer(many=True)


class ExhibitorListAPIView(JSONOnlyMixin, generics.ListAPIView):
    """Exhibitors of a job fair (approved employers who agreed to be named)."""

    serializer_class = ExhibitorSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ExhibitorFilterSet
    pagination_class = ListingPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator asks
            return JobFairPage.objects.none()
        # Public pages only: live, and no view restriction (the API answers anonymously).
        return JobFairPage.objects.live().public()

    @extend_schema(operation_id="exhibitors_listing", tags=["exhibitors"],
                   responses={200: ExhibitorSerializer(many=True),
                              400: bad_request_response("No fair id."),
                              404: OpenApiResponse(ErrorSerializer,
                                                   "No published job fair with this id.")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        filterset = ExhibitorFilterSet(request.query_params, queryset=self.get_queryset(),
                                       request=request)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        page = filterset.qs.first()
        if page is None:
            return Response({"detail": _("No published job fair with this id.")}, status=404)
        items = self.paginate_queryset(list(page.exhibitors()))
        return self.get_paginated_response(self.get_serializer(items, many=True).data)
