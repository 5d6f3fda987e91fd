"""In-house training requests: an organisation asks for a module for its own team."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def new_reference():
    return secrets.token_urlsafe(18)


class InHouseRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    SCHEDULED = "scheduled", _("Scheduled")
    DECLINED = "declined", _("Declined")


class PlaceChoice(models.TextChoices):
    OUR_PREMISES = "our_premises", _("At our premises")
    ONLINE = "online", _("Online")
    EITHER = "either", _("Either")


class InHouseRequest(models.Model):
    # The public handle (confirmation page); never the sequential id.
    reference = models.CharField(max_length=40, unique=True, default=new_reference, editable=False)
    programme = models.ForeignKey("trainings.TrainingProgrammePage", null=True,
                                  on_delete=models.SET_NULL, related_name="+", editable=False)
    module = models.ForeignKey("trainings.TrainingModulePage", null=True,
                               on_delete=models.SET_NULL, related_name="inhouse_requests",
                               verbose_name=_("module"))
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    preferred_period = models.CharField(_("preferred period"), max_length=200)
    participants = models.PositiveSmallIntegerField(_("number of people"))
    place = models.CharField(_("place"), max_length=20, choices=PlaceChoice.choices)
    location = models.CharField(_("address or town"), max_length=200, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=3000)
    language = models.CharField(_("language"), max_length=10, default="de", editable=False)
    status = models.CharField(_("status"), max_length=20, choices=InHouseRequestStatus.choices,
                              default=InHouseRequestStatus.NEW)
    notes = models.TextField(_("internal notes"), blank=True,
                             help_text=_("Only visible in the admin."))
    # The session created from the request (an Occurrence uid: the session may still be in a
    # draft of the module page, so it need not exist as a row yet).
    session_uid = models.UUIDField(_("session"), null=True, blank=True, editable=False)
    consented_at = models.DateTimeField(null=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("status"), FieldPanel("module")]),
        FieldPanel("notes"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("organisation"), FieldPanel("contact_name")]),
            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            FieldRowPanel([FieldPanel("preferred_period"), FieldPanel("participants")]),
            FieldRowPanel([FieldPanel("place"), FieldPanel("location")]),
            FieldPanel("message"),
        ], heading=_("Request")),
    ]

    class Meta:
        verbose_name = _("in-house training request")
        verbose_name_plural = _("in-house training requests")
        ordering = ["-created_at"]

    def __str__(self):
        # No personal data: this label goes into the audit log.
        return f"{_('In-house request')} {self.reference[:8]}"

    @property
    def session(self):
        from events.models import Occurrence

        if self.session_uid is None:
            return None
        return Occurrence.objects.filter(uid=self.session_uid).first()
