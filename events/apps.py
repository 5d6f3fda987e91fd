from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import checks  # noqa: F401  (registers the system checks)
        from .registration.changes import tell_registrants
        from .registration.kinds import ATTENDEE, register_kind

        # The generic kind for plain event pages; trainings and job fairs register their own.
        register_kind(ATTENDEE)
        page_published.connect(tell_registrants, dispatch_uid="events_tell_registrants")
