from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from events.registration.kinds import RegistrationKind, StatisticsDimension, register_kind
        from events.registration.mail_texts import register_message
        from events.registration.signals import registration_changed

        from . import signals
        from .choices import OrganisationType
        from .forms import ParticipantFields
        from .models import TrainingModulePage

        register_kind(RegistrationKind(
            name="participant", label=_("Participant"), form_class=ParticipantFields,
            default_waitlist=True, default_requires_approval=False, public=True,
            allows_groups=True,
            # Kept for the funders' statistics after the personal data is erased.
            statistics_dimensions=(StatisticsDimension(
                "organisation_type", _("Type of organisation"),
                lambda: OrganisationType.choices),)))
        # Editors may word these registrant e-mails in the admin (trainings/emails.py).
        certificate = {"certificate_url": _("link to download the certificate")}
        register_message("trainings.certificate", _("Training: certificate of attendance"),
                         certificate)
        register_message("trainings.feedback_invitation", _("Training: feedback invitation"),
                         {**certificate, "feedback_url": _("link to the feedback form")})
        page_published.connect(signals.create_session_places, sender=TrainingModulePage,
                               dispatch_uid="trainings_session_places")
        registration_changed.connect(signals.send_certificate_when_attended,
                                     dispatch_uid="trainings_certificate")
