"""Routes of the events plugin outside the language prefix: the calendar feeds."""

from django.urls import path

from . import views
from .registration.calendar import personal_feed

app_name = "events"

urlpatterns = [
    path("feeds/events.ics", views.events_feed, name="feed"),
    path("feeds/events/<int:page_id>.ics", views.page_ics, name="page_ics"),
    path("feeds/dates/<uuid:uid>.ics", views.occurrence_ics, name="occurrence_ics"),
    path("feeds/personal/<str:token>.ics", personal_feed, name="personal_feed"),
]
