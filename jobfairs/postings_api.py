"""`GET /api/v2/job-postings/?fair=<page id>`: the approved job postings of a job fair.

Reads `jobfairs.postings.public_postings(page)`: postings an editor approved, of exhibitors who
agreed to be named. Each posting is named by its UUID; company, never contact data.
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
from .models import GermanLevel, JobFairPage, PostingLevel


class PostingTradeSerializer(serializers.Serializer):
    slug = serializers.CharField(source="trade.slug", help_text="Trade code, as in `trades`.")
    name = serializers.CharField(source="trade_label", help_text="In the requested language.")
    german_name = serializers.CharField(source="trade.german_name")


class JobPostingSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uid", help_text="Stable public id of the posting.")
    company = serializers.CharField()
    occupation = PostingTradeSerializer(source="*")
    level = serializers.ChoiceField(choices=PostingLevel.choices)
    german_level = serializers.ChoiceField(
        choices=GermanLevel.choices, help_text="CEFR level required, or `none`.")
    start_date = serializers.DateField()
    places = serializers.IntegerField(min_value=1)
    description = serializers.CharField()


class PostingInputSerializer(serializers.Serializer):
    """One job posting sent with an employer's registration (`postings`); it is reviewed by the
    fair's team before it shows, like one added later through the employer's link."""

    trade = serializers.CharField(max_length=200, help_text="Trade code (see `trades`).")
    level = serializers.ChoiceField(choices=PostingLevel.choices)
    german_level = serializers.ChoiceField(
        choices=GermanLevel.choices, required=False, default="none",
        help_text="CEFR level required, or `none`.")
    start_date = serializers.DateField(help_text="YYYY-MM-DD.")
    places = serializers.IntegerField(min_value=1, max_value=99)
    description = serializers.CharField(max_length=600, help_text="At most 600 characters.")


class JobPostingListAPIView(JSONOnlyMixin, generics.ListAPIView):
    """Approved job postings of a job fair, by start date."""

    serializer_class = JobPostingSerializer
    pagination_class = ListingPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = ExhibitorFilterSet  # the same `fair` parameter as the exhibitor list

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator asks
            return JobFairPage.objects.none()
        return JobFairPage.objects.live().public()

    @extend_schema(operation_id="job_postings_listing", tags=["exhibitors"],
                   responses={200: JobPostingSerializer(many=True),
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
        items = self.paginate_queryset(page.specific.public_postings())
        return self.get_paginated_response(self.get_serializer(items, many=True).data)
