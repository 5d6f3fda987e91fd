"""`GET /api/v2/exhibitors/?fair=<page id>`: the public exhibitor list of a job fair.

Reads `jobfairs.exhibitors.exhibitors(page)` (approved employers who agreed to be named):
company, trades and the employer's public profile (logo, description, website), never
contact data. `FairListAPIView` is the shape shared with the job postings list.
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
from .serializers import EmployerProfileSerializer


class TradeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ExhibitorSerializer(EmployerProfileSerializer):
    company = serializers.CharField()
    trades = TradeSerializer(many=True)


class FairListAPIView(JSONOnlyMixin, generics.ListAPIView):
    """A list about one published job fair, named by `?fair=<page id>`: 400 without a valid
    id, 404 for no published fair; subclasses say what `items(page)` lists."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = ExhibitorFilterSet
    pagination_class = ListingPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator asks
            return JobFairPage.objects.none()
        # Public pages only: live, and no view restriction (the API answers anonymously).
        return JobFairPage.objects.live().public()

    def items(self, page):
        raise NotImplementedError

    def list(self, request, *args, **kwargs):
        filterset = ExhibitorFilterSet(request.query_params, queryset=self.get_queryset(),
                                       request=request)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        page = filterset.qs.first()
        if page is None:
            return Response({"detail": _("No published job fair with this id.")}, status=404)
        items = self.paginate_queryset(list(self.items(page.specific)))
        return self.get_paginated_response(self.get_serializer(items, many=True).data)


def fair_list_schema(operation_id, serializer):
    return extend_schema(operation_id=operation_id, tags=["exhibitors"],
                         responses={200: serializer(many=True),
                                    400: bad_request_response("No fair id."),
                                    404: OpenApiResponse(ErrorSerializer,
                                                         "No published job fair with this id.")})


class ExhibitorListAPIView(FairListAPIView):
    """Exhibitors of a job fair (approved employers who agreed to be named)."""

    serializer_class = ExhibitorSerializer

    def items(self, page):
        return page.exhibitors()

    @fair_list_schema("exhibitors_listing", ExhibitorSerializer)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
