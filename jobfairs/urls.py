"""Public job-fair URLs; the site includes them inside i18n_patterns."""

from django.urls import path

from . import views

app_name = "jobfairs"

urlpatterns = [
    path("timetable/<str:reference>/", views.timetable, name="timetable"),
    path("employer/<str:token>/", views.employer, name="employer"),
]
