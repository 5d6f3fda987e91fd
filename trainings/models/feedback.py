"""Anonymous feedback on sessions.

Answers are not linked to registrations: `FeedbackResponse` has no reference to a person and a
random (UUID) key, so answers cannot be lined up with the receipts written in the same
transaction; the one-time check lives in a separate table (`FeedbackReceipt`) holding only a
keyed hash (HMAC with SECRET_KEY) of the registration reference, with no timestamp and no link
to the answer. The answers to a module's own survey (`answers`, trainings.surveys) follow the
same rule: typed values by question, nothing about the person or the time.
`FeedbackInvitation` records whom we invited (so the command runs once per
person) and the opaque token of the link in the e-mail; it knows nothing about answers.
"""

import secrets
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

RATING = [MinValueValidator(1), MaxValueValidator(5)]
QUESTIONS = {
    "overall": _("Overall, how satisfied are you with the session?"),
    "content": _("How useful was the content for your work?"),
    "trainer": _("How well did the trainer explain and moderate?"),
    "organisation": _("How well was the session organised?"),
}


def new_feedback_token():
    return secrets.token_urlsafe(32)


class FeedbackResponse(models.Model):
    # Random, not sequential: an id in insertion order would match the receipt's.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    occurrence = models.ForeignKey("events.Occurrence", on_delete=models.CASCADE,
                                   related_name="feedback_responses", verbose_name=_("session"))
    module = models.ForeignKey("trainings.TrainingModulePage", null=True, on_delete=models.SET_NULL,
                               related_name="feedback_responses", verbose_name=_("module"))
    # The fixed ratings of a module without a survey of its own (empty when it has one).
    overall = models.PositiveSmallIntegerField(_("overall"), validators=RATING, null=True,
                                               blank=True)
    content = models.PositiveSmallIntegerField(_("usefulness of the content"), validators=RATING,
                                               null=True, blank=True)
    trainer = models.PositiveSmallIntegerField(_("trainer"), validators=RATING, null=True,
                                               blank=True)
    organisation = models.PositiveSmallIntegerField(_("organisation"), validators=RATING,
                                                    null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=3000)
    # The answers to the module's own survey (trainings.surveys), typed, by question block id
    # (shared by the page's translations); a self-assessment as {"before": 1–5, "now": 1–5}.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # The day only: a time would let someone match answers with the order of invitations.
    submitted_on = models.DateField(_("submitted on"))

    class Meta:
        verbose_name = _("feedback response")
        verbose_name_plural = _("feedback responses")

    def __str__(self):
        return f"{_('Feedback')} {self.submitted_on}"


class FeedbackReceipt(models.Model):
    """One row per answered invitation: the keyed hash of the reference, nothing else."""

    token_hash = models.CharField(max_length=64, unique=True)

    def __str__(self):
        return self.token_hash[:8]


class FeedbackInvitation(models.Model):
    registration = models.OneToOneField("events.Registration", on_delete=models.CASCADE,
                                        related_name="+")
    # The key in the feedback link (256 random bits): the link names no registration.
    token = models.CharField(max_length=64, unique=True, default=new_feedback_token,
                             editable=False)
    sent_at = models.DateTimeField()

    def __str__(self):
        return f"{self.registration_id} {self.sent_at:%Y-%m-%d}"
