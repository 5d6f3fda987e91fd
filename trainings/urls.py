"""Public routes of the trainings plugin; the site includes them inside i18n_patterns."""

from django.urls import path

from . import views

app_name = "trainings"

urlpatterns = [
    path("certificate/<str:reference>/", views.certificate, name="certificate"),
    # The invitation's token (token_urlsafe): a slug, so no odd character reaches the query.
    path("feedback/<slug:token>/", views.feedback, name="feedback"),
]
