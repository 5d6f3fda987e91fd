"""Anonymous facts for the funders' statistics: one row per registration that outlives erasure."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registrations import RegistrationState


class RegistrationFact(models.Model):
    """What a registration counts as, without anything that names or reaches the person.

    The link to the registration exists only while the registration itself still holds personal
    data (so that state changes update the figures); erasure cuts it, and from then on the row is
    anonymous: no name, address, phone, free text, reference or id.
    """

    registration = models.OneToOneField(
        "events.Registration", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="statistics_fact", editable=False)
    date = models.DateField(_("date"), db_index=True,
                            help_text=_("The day the event date starts (Europe/Berlin)."))
    # The page in the default language (translations of a page count as one), kept as a plain
    # number and key so that the figures survive the page being deleted.
    page_key = models.UUIDField(_("page"), db_index=True)
    source_page_id = models.PositiveIntegerField(_("page ID"), null=True, blank=True)
    title = models.CharField(_("event, module or fair"), max_length=255)
    kind = models.CharField(_("kind of registration"), max_length=40)
    state = models.CharField(_("state"), max_length=20, choices=RegistrationState.choices)
    language = models.CharField(_("language of communication"), max_length=10,
                                choices=settings.LANGUAGES)
    district = models.CharField(_("district"), max_length=100, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("registration statistic")
        verbose_name_plural = _("registration statistics")
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self):
        return f"{self.title} {self.date:%Y-%m-%d} {self.kind} {self.state}"


class RegistrationFactValue(models.Model):
    """One value of a dimension a kind declared (a trade, a spoken language, an organisation
    type); a list in the registration gives one row per entry."""

    fact = models.ForeignKey(RegistrationFact, on_delete=models.CASCADE, related_name="values")
    dimension = models.CharField(max_length=40)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["dimension", "value"])]
        constraints = [models.UniqueConstraint(fields=["fact", "dimension", "value"],
                                               name="events_factvalue_unique")]

    def __str__(self):
        return f"{self.dimension}={self.value}"
