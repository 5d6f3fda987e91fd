"""Editors' texts of registration e-mails, per message, kind of registration and language."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.registration.mail_texts import placeholder_help


class MailMessage(models.TextChoices):
    """The registration e-mails (templates of events/registration/emails.py) an editor may word."""

    CONFIRM = "confirm", _("Please confirm your e-mail address (opt-in)")
    CONFIRMED = "confirmed", _("Registration confirmed")
    RECEIVED = "received", _("Registration received, awaiting approval")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PROMOTED = "promoted", _("Moved up from the waiting list")
    CANCELLED = "cancelled", _("Registration cancelled")
    REJECTED = "rejected", _("Registration rejected")
    REMINDER = "reminder", _("Reminder before the date")
    DATE_CHANGED = "date_changed", _("Date changed")
    DATE_CANCELLED = "date_cancelled", _("Date cancelled")
    SUBSTITUTED = "substituted", _("Place handed over (to the former registrant)")
    SUBSTITUTE = "substitute", _("Place taken over (to the substitute)")


def _message_choices():
    # The core e-mails above and those the plugins register (events/registration/mail_texts.py).
    from events.registration.mail_texts import message_choices

    return message_choices()


def _kind_choices():
    from events.registration.kinds import kind_choices

    return kind_choices()


class RegistrationMailText(PreviewableMixin, TranslatableMixin, index.Indexed, models.Model):
    """Replaces the built-in text of one registration e-mail; without one, the built-in is sent."""

    message = models.CharField(
        _("e-mail"), max_length=60, choices=_message_choices,
        help_text=_("Which registration e-mail this text replaces."))
    kind = models.CharField(
        _("kind of registration"), max_length=40, blank=True, choices=_kind_choices,
        help_text=_("Empty: for every kind that has no text of its own."))
    subject = models.CharField(
        _("subject"), max_length=200,
        help_text=_("One line; the placeholders of the text, such as {event}, are filled in."))
    body = models.TextField(
        _("text"),
        help_text=format_lazy(
            "{} {}. {}", _("Plain text; placeholders in braces are filled in for each "
                           "registrant, e.g. “Hello {name}”; write {{ and }} for a brace "
                           "itself. Placeholders:"),
            placeholder_help(),
            _("E-mails of trainings and job fairs may have more; the preview lists them.")))

    panels = [
        FieldRowPanel([FieldPanel("message"), FieldPanel("kind")]),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]
    search_fields = [index.SearchField("subject"), index.SearchField("body"),
                     index.FilterField("message")]
    # Which e-mail and kind a text is for is the same in every language: translators see only
    # the subject and the text.
    override_translatable_fields = [SynchronizedField("message"), SynchronizedField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("registration e-mail text")
        verbose_name_plural = _("registration e-mail texts")
        ordering = ["message", "kind"]
        unique_together = [("translation_key", "locale"), ("message", "kind", "locale")]

    def __str__(self):
        return f"{self.get_message_display()} – {self.get_kind_display() or _('all kinds')}"

    def clean(self):
        from django.core.exceptions import ValidationError

        from events.registration.mail_texts import check_text

        super().clean()
        errors = {}
        for field in ("subject", "body"):
            try:
                check_text(getattr(self, field), self.message)
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, exclude=None):
        # The admin form has no locale field, so Django skips this check; answer with a
        # form error instead of an IntegrityError (500).
        from django.core.exceptions import ValidationError

        super().validate_unique(exclude)
        if self.locale_id and RegistrationMailText.objects.filter(
                message=self.message, kind=self.kind, locale_id=self.locale_id,
        ).exclude(pk=self.pk).exists():
            raise ValidationError({"message": _(
                "There is already a text for this e-mail and kind in this language.")})

    # Preview with sample values --------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "events/registration/mail_text_preview.html"

    def get_preview_context(self, request, mode_name):
        from events.registration.mail_texts import placeholders_for, render, sample_values

        context = super().get_preview_context(request, mode_name)
        values = sample_values()
        rendered = render(self, values)
        context.update({
            "values": [(f"{{{name}}}", values[name], label)
                       for name, label in placeholders_for(self.message).items()],
            "rendered": rendered,
            "placeholders": placeholder_help(self.message),
        })
        return context
