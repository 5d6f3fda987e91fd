"""Dates of events: one row per occurrence, optionally repeating by an RFC 5545 rule.

One table serves every event page type (events, trainings, job fairs), so listings, feeds
and the registration engine read all dates with one query.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable


class OccurrenceStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class RepeatFrequency(models.TextChoices):
    NONE = "", _("Does not repeat")
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")


class Occurrence(Orderable, ClusterableModel):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="occurrences")
    # Public identifier: calendar UID, links, API. Never a sequential id.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    start = models.DateTimeField(_("start"), help_text=_("Date and time in Europe/Berlin."))
    end = models.DateTimeField(_("end"), help_text=_("Must be after the start."))
    all_day = models.BooleanField(_("all day"), default=False,
                                  help_text=_("Show only the date(s), without times."))
    status = models.CharField(_("status"), max_length=20, choices=OccurrenceStatus.choices,
                              default=OccurrenceStatus.SCHEDULED,
                              help_text=_("Cancelled dates stay visible, marked as cancelled."))
    status_note = models.CharField(_("status note"), max_length=300, blank=True,
                                   help_text=_("Why the date changed, e.g. “postponed to 12 May”."))
    online_url = models.URLField(_("online link"), blank=True,
                                 help_text=_("Link to the video meeting, for online or hybrid dates."))
    venue = models.ForeignKey(
        "events.Venue", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("venue"), help_text=_("Leave empty to use the event's venue."),
    )
    repeat_frequency = models.CharField(
        _("repeats"), max_length=10, choices=RepeatFrequency.choices, default="", blank=True,
        help_text=_("For regular meetings: the date repeats on the same weekday or day of month."),
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1 = every week/month, 2 = every other, …"),
    )
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True,
                                    help_text=_("Last possible date; empty repeats without end."))
    repeat_exceptions = models.TextField(
        _("exceptions"), blank=True,
        help_text=_("Dates on which the meeting does not take place, one per line (YYYY-MM-DD)."),
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("online_url")]),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("repeat_frequency"), FieldPanel("repeat_interval"),
                           FieldPanel("repeat_until")]),
            FieldPanel("repeat_exceptions"),
        ], heading=_("Repetition"), classname="collapsed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def __str__(self):
        return f"{self.page.title} – {self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    @property
    def is_cancelled(self):
        return self.status == OccurrenceStatus.CANCELLED

    @property
    def is_repeating(self):
        return bool(self.repeat_frequency)
