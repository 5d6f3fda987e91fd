"""The job fairs plugin's API routes; a site includes them under its API prefix (e.g. /api/v2/)."""

from django.urls import path

from .api import ExhibitorListAPIView
from .postings_api import JobPostingListAPIView

urlpatterns = [
    path("exhibitors/", ExhibitorListAPIView.as_view(), name="jobfairs_api_exhibitors"),
    path("job-postings/", JobPostingListAPIView.as_view(), name="jobfairs_api_job_postings"),
]
