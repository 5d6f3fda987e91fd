"""What employers of a fair offer: job postings (approved by editors before they show) and the
employer's public profile (logo, short description, website), both edited through the
employer's signed link, without a login."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .trades import Trade


class PostingLevel(models.TextChoices):
    HELPER = "helper", _("Helper")
    SKILLED = "skilled", _("Skilled worker")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")


class GermanLevel(models.TextChoices):
    NONE = "none", _("No German needed")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class PostingStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class JobPosting(models.Model):
    # The public handle (API, links); the sequential id stays internal.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employer = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="job_postings",
        verbose_name=_("employer"), limit_choices_to={"option__kind": "employer"},
    )
    trade = models.ForeignKey(
        Trade, on_delete=models.PROTECT, related_name="+", verbose_name=_("occupation"),
        help_text=_("The trade or occupation of the position."),
    )
    level = models.CharField(_("level"), max_length=20, choices=PostingLevel.choices,
                             help_text=_("Helper, skilled worker or apprenticeship."))
    german_level = models.CharField(
        _("German level required"), max_length=4, choices=GermanLevel.choices,
        default=GermanLevel.NONE,
        help_text=_("Level of the Common European Framework (A1 to C2), or none."))
    start_date = models.DateField(_("start date"), help_text=_("When the position starts."))
    places = models.PositiveSmallIntegerField(
        _("number of places"), default=1, validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("How many people you can take on for this position."))
    description = models.TextField(
        _("short description"), max_length=600,
        help_text=_("Tasks and what you offer, in a few sentences (at most 600 characters)."))
    status = models.CharField(_("status"), max_length=10, choices=PostingStatus.choices,
                              default=PostingStatus.PENDING)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+", editable=False,
                                    verbose_name=_("reviewed by"))

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        # Company and occupation only: no personal data in logs and messages.
        return f"{self.company} – {self.trade.name}"

    @property
    def company(self):
        return (self.employer.data or {}).get("company", "")


def logo_path(instance, filename):
    # A random name: the file name says nothing about the registration behind it.
    return f"jobfairs/logos/{uuid.uuid4().hex}.png"


class EmployerProfile(models.Model):
    """Shown with the exhibitor on the fair page (only for employers who agreed to be named)."""

    employer = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="employer_profile",
        verbose_name=_("employer"), limit_choices_to={"option__kind": "employer"},
    )
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True,
                             width_field="logo_width", height_field="logo_height",
                             help_text=_("PNG, JPEG or WebP, at most 2 MB. We scale it down to "
                                         "fit 400 × 200 pixels."))
    # Kept with the row, so lists (the API's exhibitors) give the size without opening files.
    logo_width = models.PositiveSmallIntegerField(_("logo width"), null=True, blank=True,
                                                  editable=False)
    logo_height = models.PositiveSmallIntegerField(_("logo height"), null=True, blank=True,
                                                   editable=False)
    description_de = models.TextField(
        _("short description in German"), max_length=500, blank=True,
        help_text=_("Who you are and what you do, in two or three sentences."))
    description_en = models.TextField(
        _("short description in English"), max_length=500, blank=True,
        help_text=_("Optional: the same text in English."))
    website = models.URLField(_("website"), max_length=300, blank=True,
                              help_text=_("The address of your website, e.g. https://example.org."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("employer profile")
        verbose_name_plural = _("employer profiles")

    def __str__(self):
        return (self.employer.data or {}).get("company", "") or str(_("employer profile"))

    def description_for(self, language_code=None):
        """(text, language code): the visitor's language where written, else German."""
        code = (language_code or get_language() or "de").split("-")[0]
        if code == "en" and self.description_en:
            return self.description_en, "en"
        if self.description_de:
            return self.description_de, "de"
        return "", code
