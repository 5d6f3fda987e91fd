"""API routes beside Wagtail's /api/v2/ endpoints; the site includes them before its API router."""

from django.urls import path

from ..api import OccurrenceListAPIView
from .api import RegistrationCreateAPIView

urlpatterns = [
    path("occurrences/", OccurrenceListAPIView.as_view(), name="events_api_occurrences"),
    path("registrations/", RegistrationCreateAPIView.as_view(), name="events_api_registrations"),
]
