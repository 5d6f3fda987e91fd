from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobfairsConfig(AppConfig):
    name = "jobfairs"
    verbose_name = _("Job fairs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events.registration.kinds import register_kind

        from . import signals  # noqa: F401  (keeps registration places in sync with the page)
        from .kinds import EMPLOYER, JOBSEEKER

        register_kind(EMPLOYER)
        register_kind(JOBSEEKER)
