"""Preferences before the matching: postings or employers a job-seeker is interested in, and
the job-seekers an employer shortlists. The matching plans mutual ones first."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Interest(models.Model):
    """A job-seeker (or their counsellor) marks an employer, optionally one of its postings."""

    jobseeker = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="jobfair_interests",
        verbose_name=_("job-seeker"), limit_choices_to={"option__kind": "jobseeker"})
    employer = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="jobfair_interested",
        verbose_name=_("employer"), limit_choices_to={"option__kind": "employer"})
    posting = models.ForeignKey(
        "jobfairs.JobPosting", null=True, blank=True, on_delete=models.CASCADE,
        related_name="interests", verbose_name=_("job posting"),
        help_text=_("Empty when the interest is in the employer as a whole."))
    created_at = models.DateTimeField(_("marked"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False, verbose_name=_("marked by"),
        help_text=_("The counsellor who marked it on the job-seeker's behalf, if any."))

    class Meta:
        verbose_name = _("interest of a job-seeker")
        verbose_name_plural = _("interests of job-seekers")
        constraints = [
            models.UniqueConstraint(fields=["jobseeker", "posting"],
                                    condition=Q(posting__isnull=False),
                                    name="jobfairs_interest_unique_posting"),
            models.UniqueConstraint(fields=["jobseeker", "employer"],
                                    condition=Q(posting__isnull=True),
                                    name="jobfairs_interest_unique_employer"),
        ]

    def __str__(self):
        # No personal data: the label appears in logs and messages.
        return str(_("Interest of a job-seeker"))


class Shortlist(models.Model):
    """An employer shortlists an (anonymous) job-seeker of the same fair date."""

    employer = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="jobfair_shortlist",
        verbose_name=_("employer"), limit_choices_to={"option__kind": "employer"})
    jobseeker = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="jobfair_shortlisted",
        verbose_name=_("job-seeker"), limit_choices_to={"option__kind": "jobseeker"})
    created_at = models.DateTimeField(_("shortlisted"), auto_now_add=True)

    class Meta:
        verbose_name = _("shortlisted job-seeker")
        verbose_name_plural = _("shortlisted job-seekers")
        constraints = [models.UniqueConstraint(fields=["employer", "jobseeker"],
                                               name="jobfairs_shortlist_unique")]

    def __str__(self):
        return str(_("Shortlisted job-seeker"))
