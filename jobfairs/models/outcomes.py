"""What came of an interview, as the employer reports it after the fair.

The row keeps what the funders' figures need without the people: the result, the trade and
the job-seeker's anonymous statistics fact (events), so it still counts after the retention
erasure has emptied both registrations, and even if the interview row itself goes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeResult(models.TextChoices):
    TRIAL_WORK = "trial_work", _("Invited to trial work")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship offered")
    CONTRACT = "contract", _("Employment contract")
    NONE = "none", _("No further step")


class InterviewOutcome(models.Model):
    interview = models.OneToOneField(
        "jobfairs.Interview", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="outcome", verbose_name=_("interview"))
    result = models.CharField(_("result"), max_length=20, choices=OutcomeResult.choices,
                              help_text=_("What the employer offered after the interview."))
    trade = models.CharField(
        _("trade"), max_length=80, blank=True,
        help_text=_("Code of the trade the two sides share (the employer's first if none)."))
    # The job-seeker's anonymous fact: date, fair and what they counted as (language, German
    # level, …) for the breakdowns; it outlives the erasure of the registration.
    jobseeker_fact = models.ForeignKey(
        "events.RegistrationFact", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="jobfair_outcomes", editable=False)
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("interview outcome")
        verbose_name_plural = _("interview outcomes")
        indexes = [models.Index(fields=["result", "trade"])]

    def __str__(self):
        return f"{self.get_result_display()} ({self.trade or '-'})"
