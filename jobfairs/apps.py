from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobfairsConfig(AppConfig):
    name = "jobfairs"
    verbose_name = _("Job fairs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from events.models import Registration
        from events.registration.kinds import register_kind
        from events.registration.mail_texts import register_message

        from . import signals
        from .kinds import EMPLOYER, JOBSEEKER
        from .models import JobFairPage

        register_kind(EMPLOYER)
        register_kind(JOBSEEKER)
        # Editors may word these registrant e-mails in the admin (jobfairs/emails.py).
        timetable = {"timetable_url": _("link to the personal interview timetable")}
        manage = {"manage_url": _("employer's link to their job postings and profile")}
        register_message("jobfairs.timetable", _("Job fair: interview timetable"), timetable)
        register_message("jobfairs.followup", _("Job fair: follow-up to employers"),
                         {**timetable, **manage})
        register_message("jobfairs.manage", _("Job fair: employer's link to postings"), manage)
        # Keeps each date's registration places in sync with the page.
        page_published.connect(signals.sync_options, sender=JobFairPage,
                               dispatch_uid="jobfairs_sync_options")
        post_save.connect(signals.send_employer_link, sender=Registration,
                          dispatch_uid="jobfairs_employer_link")
        post_save.connect(signals.create_signup_postings, sender=Registration,
                          dispatch_uid="jobfairs_signup_postings")
        post_save.connect(signals.erase_employer_content, sender=Registration,
                          dispatch_uid="jobfairs_erase_employer_content")
        # Counselling referrals: sent once the registration stands, deleted on erasure.
        from . import outcomes, referrals

        post_save.connect(referrals.registration_saved, sender=Registration,
                          dispatch_uid="jobfairs_counselling_referral")
        # Interview outcomes as extra columns of the funders' statistics.
        outcomes.register_statistics()
