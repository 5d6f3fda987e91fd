"""The job fairs plugin's API routes; a site includes them under its API prefix (e.g. /api/v2/)."""

from django.urls import path

from .api import ExhibitorListAPIView

urlpatterns = [
    path("exhibitors/", ExhibitorListAPIView.as_view(), name="jobfairs_api_exhibitors"),
]
