from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save
        from wagtail.signals import page_published

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import Registration
        from .registration.changes import tell_registrants
        from .registration.counts import ensure_triggers
        from .registration.kinds import ATTENDEE, register_kind
        from .registration.statistics import registration_saved

        # The generic kind for plain event pages; trainings and job fairs register their own.
        register_kind(ATTENDEE)
        page_published.connect(tell_registrants, dispatch_uid="events_tell_registrants")
        # Keeps the anonymous statistics in step with every state change (in the same transaction).
        post_save.connect(registration_saved, sender=Registration,
                          dispatch_uid="events_registration_statistics")
        # SQLite drops a table's triggers when a migration rebuilds it: the counters' come back.
        post_migrate.connect(ensure_triggers, sender=self, dispatch_uid="events_counter_triggers")
