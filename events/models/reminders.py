"""Which reminder went to which registration: each offset is sent once per registration."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """One reminder e-mail, recorded before it is queued (events/registration/reminders.py);
    the unique row makes a second run, or a run on a second server, send nothing."""

    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE,
                                     related_name="sent_reminders")
    # Minutes before the start, as configured when the reminder went out.
    offset_minutes = models.PositiveIntegerField(_("minutes before the start"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [models.UniqueConstraint(fields=["registration", "offset_minutes"],
                                               name="events_sentreminder_once")]

    def __str__(self):
        return f"{self.registration} −{self.offset_minutes} min"
