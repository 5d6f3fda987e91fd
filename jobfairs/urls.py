"""Public job-fair URLs; the site includes them inside i18n_patterns."""

from django.urls import path

from . import preference_views, views

app_name = "jobfairs"

urlpatterns = [
    path("timetable/<str:reference>/", views.timetable, name="timetable"),
    path("employer/<str:token>/", views.employer, name="employer"),
    path("employer/<str:token>/candidates/", preference_views.candidates, name="candidates"),
    path("jobseeker/<str:reference>/", preference_views.jobseeker, name="jobseeker"),
    path("timetable/<str:reference>/interviews.ics", preference_views.timetable_calendar,
         name="timetable_ics"),
]
