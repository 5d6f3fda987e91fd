"""The events plugin's API routes; a site includes them under its API prefix (e.g. /api/v2/)."""

from django.urls import path

from .api import OccurrenceListAPIView
from .registration.api import RegistrationCreateAPIView

urlpatterns = [
    path("occurrences/", OccurrenceListAPIView.as_view(), name="events_api_occurrences"),
    path("registrations/", RegistrationCreateAPIView.as_view(), name="events_api_registrations"),
]
