"""A job-seeker referred to a recognition counselling centre, with their explicit consent.

Personal: it names the registration and the centre that received the contact data, and goes
with the registration's erasure (jobfairs.referrals.forget_erased).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CounsellingReferral(models.Model):
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="counselling_referrals",
        verbose_name=_("job-seeker"), limit_choices_to={"option__kind": "jobseeker"})
    district = models.CharField(_("district"), max_length=60,
                                help_text=_("Code of the district the job-seeker named."))
    centre_name = models.CharField(_("counselling centre"), max_length=200)
    centre_email = models.EmailField(_("e-mail of the centre"), max_length=254)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True,
                                   help_text=_("When the e-mail to the centre was handed over."))
    created_at = models.DateTimeField(_("referred at"), auto_now_add=True)

    class Meta:
        verbose_name = _("counselling referral")
        verbose_name_plural = _("counselling referrals")
        constraints = [models.UniqueConstraint(fields=["registration", "centre_email"],
                                               name="jobfairs_referral_once_per_centre")]

    def __str__(self):
        return f"{_('Referral')} → {self.centre_name}"
