"""Public registration URLs; the site includes them inside i18n_patterns (messages in the page's language)."""

from django.urls import path

from . import group_views, views

app_name = "events_registration"

urlpatterns = [
    path("<uuid:occurrence_uid>/<slug:kind>/", views.registration_form, name="form"),
    path("<uuid:occurrence_uid>/<slug:kind>/<slug:part>/", views.registration_form,
         name="form_part"),
    path("r/<str:reference>/", views.status, name="status"),
    path("g/<uuid:reference>/", group_views.group_status, name="group_status"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("cancel/<str:token>/substitute/", views.substitute, name="substitute"),
]
