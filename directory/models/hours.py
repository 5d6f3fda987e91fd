"""Opening hours per weekday and dated exceptions, after bakerydemo's `OperatingHours`.

A slot whose closing time is not after its opening time runs past midnight into the
next day (22:00–02:00); 00:00 as closing time means "until midnight".
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable


class Weekday(models.IntegerChoices):
    # Values follow date.weekday(), so no mapping is needed when answering "open now".
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class OperatingHours(models.Model):
    day = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices, default=Weekday.MONDAY,
                                           help_text=_("Weekday these hours apply to."))
    opening_time = models.TimeField(_("opens"), help_text=_("For example 09:00."))
    closing_time = models.TimeField(
        _("closes"),
        help_text=_("For example 16:00. A time before the opening time runs past midnight."))

    panels = [FieldRowPanel([FieldPanel("day"), FieldPanel("opening_time"), FieldPanel("closing_time")])]
    api_fields = [APIField("day"), APIField("opening_time"), APIField("closing_time")]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.get_day_display()} {self.opening_time:%H:%M}–{self.closing_time:%H:%M}"

    def clean(self):
        super().clean()
        if self.opening_time and self.closing_time and self.opening_time == self.closing_time \
                and self.closing_time != datetime.time(0):
            raise ValidationError({"closing_time": _("The closing time must differ from the opening time.")})


class CentreOpeningHours(Orderable, OperatingHours):
    page = ParentalKey("directory.CentrePage", on_delete=models.CASCADE, related_name="hours_of_operation")

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class CentreHoursException(Orderable):
    """A date that does not follow the weekly hours: a public holiday closure or special hours."""

    page = ParentalKey("directory.CentrePage", on_delete=models.CASCADE, related_name="hours_exceptions")
    date = models.DateField(_("date"), help_text=_("The day the exception applies to."))
    closed = models.BooleanField(_("closed all day"), default=True,
                                 help_text=_("Untick to give special hours for this day instead."))
    opening_time = models.TimeField(_("opens"), null=True, blank=True,
                                    help_text=_("Special opening time (only when not closed)."))
    closing_time = models.TimeField(_("closes"), null=True, blank=True,
                                    help_text=_("Special closing time (only when not closed)."))
    reason = models.CharField(_("reason"), max_length=120, blank=True,
                              help_text=_("Shown to visitors, e.g. “Public holiday”."))

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opening_time"), FieldPanel("closing_time")]),
        FieldPanel("reason"),
    ]
    api_fields = [APIField("date"), APIField("closed"), APIField("opening_time"),
                  APIField("closing_time"), APIField("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")

    def clean(self):
        super().clean()
        if not self.closed and not (self.opening_time and self.closing_time):
            raise ValidationError(_("Give opening and closing time, or tick “closed all day”."))


def slot_bounds(day, opening_time, closing_time):
    """The naive local datetimes a slot on `day` covers; past midnight it ends the next day."""
    start = datetime.datetime.combine(day, opening_time)
    end = datetime.datetime.combine(day, closing_time)
    if end <= start:
        end += datetime.timedelta(days=1)
    return start, end
