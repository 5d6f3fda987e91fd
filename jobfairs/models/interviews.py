"""Planned short interviews between an employer and a job-seeker at one fair date."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class InterviewStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    MISSED = "missed", _("Did not take place")


class Interview(models.Model):
    occurrence = models.ForeignKey("events.Occurrence", on_delete=models.CASCADE,
                                   related_name="jobfair_interviews", verbose_name=_("fair date"))
    employer = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="employer_interviews",
        verbose_name=_("employer"), limit_choices_to={"option__kind": "employer"},
        help_text=_("An approved employer registration of this date."),
    )
    jobseeker = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="jobseeker_interviews",
        verbose_name=_("job-seeker"), limit_choices_to={"option__kind": "jobseeker"},
        help_text=_("A registered job-seeker of this date."),
    )
    start = models.DateTimeField(_("start"), help_text=_("Europe/Berlin time."))
    end = models.DateTimeField(_("end"), help_text=_("Europe/Berlin time."))
    table = models.CharField(_("table"), max_length=40, help_text=_("Table of the employer."))
    interpreter_language = models.CharField(
        _("interpreter language"), max_length=10, blank=True,
        help_text=_("ISO 639-1 code of the interpreter the interview needs, or empty."),
    )
    status = models.CharField(_("status"), max_length=10, choices=InterviewStatus.choices,
                              default=InterviewStatus.PLANNED)
    proposed = models.BooleanField(
        _("proposed by the matching"), default=True, editable=False,
        help_text=_("False once an editor has changed or added the interview."),
    )

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["start", "table"]
        permissions = [
            ("register_clients", "Can register clients for job fairs"),
            ("check_in", "Can check in guests at job fairs"),
        ]
        indexes = [models.Index(fields=["occurrence", "start"])]

    def __str__(self):
        # No personal data: the label appears in logs and messages.
        return f"{_('Interview')} {self.start:%H:%M} {_('table')} {self.table}"

    @property
    def employer_label(self):
        return (self.employer.data or {}).get("company") or self.employer.name

    def clashes(self):
        """Other interviews of the date that overlap and share the employer, person or table."""
        overlapping = Interview.objects.filter(
            occurrence_id=self.occurrence_id, start__lt=self.end, end__gt=self.start,
        ).exclude(pk=self.pk)
        return overlapping.filter(Q(employer_id=self.employer_id) | Q(jobseeker_id=self.jobseeker_id)
                                  | Q(table=self.table))

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.employer_id and self.employer.option.kind != "employer":
            errors["employer"] = _("Choose an employer registration.")
        if self.jobseeker_id and self.jobseeker.option.kind != "jobseeker":
            errors["jobseeker"] = _("Choose a job-seeker registration.")
        for field in ("employer", "jobseeker"):
            registration = getattr(self, field) if getattr(self, f"{field}_id") else None
            if registration and self.occurrence_id \
                    and registration.occurrence_id != self.occurrence_id:
                errors[field] = _("This registration is for another date.")
        if not errors and self.start and self.end:
            clashes = self.clashes()
            if clashes.filter(jobseeker_id=self.jobseeker_id).exists():
                errors["jobseeker"] = _("The job-seeker has another interview at this time.")
            if clashes.filter(employer_id=self.employer_id).exists():
                errors["employer"] = _("The employer has another interview at this time.")
            elif clashes.filter(table=self.table).exists():
                errors["table"] = _("This table is taken at this time.")
            if Interview.objects.filter(occurrence_id=self.occurrence_id,
                                        employer_id=self.employer_id,
                                        jobseeker_id=self.jobseeker_id).exclude(pk=self.pk).exists():
                errors.setdefault("jobseeker", _("These two already have an interview."))
        if errors:
            raise ValidationError(errors)
