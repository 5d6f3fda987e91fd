"""Dates of events: one row per occurrence, optionally repeating by an RFC 5545 rule.

One table serves every event page type (events, trainings, job fairs), so listings, feeds
and the registration engine read all dates with one query.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail_localize.fields import SynchronizedField

from .. import conf

BERLIN = ZoneInfo("Europe/Berlin")

# Changing any of these means attendees must update their calendars (RFC 5545 SEQUENCE):
# the repetition too, since it changes which days the event takes place on.
SEQUENCE_FIELDS = ("start", "end", "all_day", "venue_id", "online_url", "mode", "status",
                   "repeat_frequency", "repeat_interval", "repeat_until", "repeat_exceptions",
                   "repeat_by_weekday")


def event_timezone():
    """The zone that wall times of dates are kept in (repeats keep 18:00 across DST)."""
    return ZoneInfo(conf.get("EVENTS_TIME_ZONE"))


def translated_uid(source_uid, page_id):
    """The UID of a date copied (translation, duplicate) to page `page_id` from a date with
    `source_uid`: distinct, reproducible, and how a translated date finds its source."""
    return uuid.uuid5(source_uid, str(page_id))


def wall_time_changes(time_of_day, zone=None):
    """Whether a wall-clock time falls into an hour that the zone skips or repeats on some
    day of the coming year (02:00–03:00 in Europe/Berlin)."""
    zone = zone or event_timezone()
    today = timezone.localdate()
    for offset in range(0, 366):
        moment = datetime.datetime.combine(today + datetime.timedelta(days=offset), time_of_day)
        # fold=0 and fold=1 give different offsets only for a skipped or repeated time.
        if zone.utcoffset(moment) != zone.utcoffset(moment.replace(fold=1)):
            return True
    return False


def recurrence_horizon_days():
    return int(conf.get("EVENTS_RECURRENCE_HORIZON_DAYS"))


def parse_exceptions(text):
    """Dates from the exceptions field (one YYYY-MM-DD per line, commas also accepted)."""
    dates, invalid = [], []
    for chunk in (text or "").replace(",", "\n").splitlines():
        chunk = chunk.strip()
        if not chunk:
            continue
        try:
            dates.append(datetime.date.fromisoformat(chunk))
        except ValueError:
            invalid.append(chunk)
    return dates, invalid


class OccurrenceStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class AttendanceMode(models.TextChoices):
    ON_SITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (on site and online)")


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
    mode = models.CharField(
        _("takes place"), max_length=10, choices=AttendanceMode.choices,
        # blank: forms that do not send it (older integrations) mean on site (see save()).
        default=AttendanceMode.ON_SITE, blank=True,
        help_text=_("Online dates show “Online” instead of a venue. Hybrid dates have separate "
                    "places on site and online: give the date one registration option per part."))
    online_url = models.URLField(_("online link"), blank=True,
                                 help_text=_("Link to the video meeting, for online or hybrid dates. "
                                             "Only people holding a place receive it."))
    online_access = models.TextField(
        _("access code and notes"), blank=True, max_length=500,
        help_text=_("Optional: meeting code, dial-in, what to test beforehand. Sent with the "
                    "link, never shown publicly."))
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
    repeat_by_weekday = models.BooleanField(
        _("monthly on the same weekday"), default=False,
        help_text=_("Monthly dates only: repeat on e.g. the first Wednesday of each month "
                    "instead of on the same day of the month."),
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
        FieldRowPanel([FieldPanel("mode"), FieldPanel("venue")]),
        FieldRowPanel([FieldPanel("online_url"), FieldPanel("online_access")]),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("repeat_frequency"), FieldPanel("repeat_interval"),
                           FieldPanel("repeat_until")]),
            FieldPanel("repeat_by_weekday"),
            FieldPanel("repeat_exceptions"),
        ], heading=_("Repetition"), classname="collapsed"),
    ]

    # The link and access notes are the same in every language: a translation takes them from
    # the source date and translators never see them (wagtail-localize synchronises URLFields).
    override_translatable_fields = [SynchronizedField("online_access", overridable=False)]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def __str__(self):
        # The wall time in the events' zone: stored times are UTC.
        return f"{self.page.title} – {self.start_local:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if (self.mode or AttendanceMode.ON_SITE) == AttendanceMode.ON_SITE and (
                self.online_url or self.online_access.strip()):
            errors["mode"] = _("A date with an online link takes place online or hybrid: "
                               "choose one of these, or remove the link.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.repeat_frequency:
            if not self.repeat_interval or self.repeat_interval < 1:
                errors["repeat_interval"] = _("Enter 1 or more.")
            elif self.repeat_interval > 12:
                errors["repeat_interval"] = _("Repeat at most every 12 weeks or months.")
            start_local = self.start_local
            if self.repeat_until and start_local and self.repeat_until < start_local.date():
                errors["repeat_until"] = _("The last date must not be before the first date.")
            if (self.repeat_frequency == RepeatFrequency.MONTHLY and start_local
                    and start_local.day > 28 and not self.repeat_by_weekday):
                errors["start"] = _(
                    "A monthly date must start on day 1–28, so that it exists in every month, "
                    "or repeat on the same weekday (e.g. the last Friday)."
                )
            if self.start and self.end and self.end - self.start > datetime.timedelta(days=7):
                errors["end"] = _("A repeating date may last at most seven days.")
            for name in ("start", "end"):
                value = getattr(self, name)
                if value and name not in errors and wall_time_changes(value.astimezone(
                        event_timezone()).time()):
                    errors[name] = _(
                        "A repeating date cannot start or end in the hour the clocks change "
                        "(02:00–03:00 at night): that hour is skipped in March and repeated "
                        "in October.")
        else:
            if self.repeat_until:
                errors["repeat_until"] = _("Choose how often the date repeats, or leave this empty.")
            if self.repeat_exceptions.strip():
                errors["repeat_exceptions"] = _(
                    "Exceptions only apply to repeating dates: choose how often it repeats."
                )
            if self.repeat_by_weekday:
                errors["repeat_by_weekday"] = _("This only applies to monthly dates.")
        dates, invalid = parse_exceptions(self.repeat_exceptions)
        if invalid:
            errors["repeat_exceptions"] = _(
                "Write each date as YYYY-MM-DD, one per line. Not understood: %(values)s"
            ) % {"values": ", ".join(invalid)}
        elif dates and self.repeat_frequency and not errors and self.start and self.end:
            # A skipped day must be a day of the rule: calendar apps (Thunderbird) show a
            # date again when its exception matches none of the rule's dates.
            unknown = [day for day in dates if not self.is_rule_date(day)]
            if unknown:
                errors["repeat_exceptions"] = _(
                    "These dates are not dates of the repetition: %(values)s"
                ) % {"values": ", ".join(day.isoformat() for day in unknown)}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.mode = self.mode or AttendanceMode.ON_SITE
        stored = None
        if self.pk is not None:
            stored = (Occurrence.objects.filter(pk=self.pk)
                      .values("uid", "sequence", "page_id", *SEQUENCE_FIELDS).first())
        if stored is None:
            # Copies (translations, duplicated pages) bring the source's uid along; derive a
            # distinct but reproducible one so a re-synchronised translation keeps its UID.
            if self.page_id and Occurrence.objects.filter(uid=self.uid).exclude(
                    page_id=self.page_id).exists():
                self.uid = translated_uid(self.uid, self.page_id)
        else:
            self.sequence = max(self.sequence or 0, stored["sequence"])
            if any(stored[name] != getattr(self, name) for name in SEQUENCE_FIELDS):
                self.sequence = stored["sequence"] + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sequence", "uid"}
        super().save(*args, **kwargs)

    # Time ---------------------------------------------------------------
    @property
    def start_local(self):
        return timezone.localtime(self.start, event_timezone()) if self.start else None

    @property
    def end_local(self):
        return timezone.localtime(self.end, event_timezone()) if self.end else None

    @property
    def exception_dates(self):
        return parse_exceptions(self.repeat_exceptions)[0]

    @property
    def weekday_of_month(self):
        """(n, weekday) of a "monthly on the same weekday" date: (1, 2) = first Wednesday;
        n is -1 (the last) for a start in the month's fifth week, which not every month has."""
        start = self.start_local
        nth = (start.day - 1) // 7 + 1
        return (-1 if nth == 5 else nth), start.weekday()

    def _dateutil_rule(self, until=None):
        """The rule in wall time (naive, Europe/Berlin), without the exceptions."""
        start_local = self.start_local.replace(tzinfo=None)
        freq = dateutil_rrule.WEEKLY if self.repeat_frequency == "WEEKLY" else dateutil_rrule.MONTHLY
        extra = {}
        if self.repeat_frequency == RepeatFrequency.MONTHLY and self.repeat_by_weekday:
            nth, weekday = self.weekday_of_month
            extra["byweekday"] = dateutil_rrule.weekday(weekday, nth)
        return dateutil_rrule.rrule(freq, dtstart=start_local, interval=self.repeat_interval or 1,
                                    until=until, **extra)

    def is_rule_date(self, day):
        """Whether the repetition (ignoring exceptions and the horizon) falls on `day`."""
        if self.repeat_until and day > self.repeat_until:
            return False
        begin = datetime.datetime.combine(day, datetime.time.min)
        found = self._dateutil_rule().between(begin, begin + datetime.timedelta(days=1), inc=True)
        return any(item.date() == day for item in found)

    @property
    def rrule(self):
        """The RFC 5545 rule (without "RRULE:"), e.g. ``FREQ=MONTHLY;INTERVAL=1``, or ''."""
        if not self.repeat_frequency:
            return ""
        parts = [f"FREQ={self.repeat_frequency}", f"INTERVAL={self.repeat_interval or 1}"]
        if self.repeat_frequency == RepeatFrequency.MONTHLY and self.repeat_by_weekday:
            nth, weekday = self.weekday_of_month
            parts.append(f"BYDAY={nth}{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[weekday]}")
        if self.repeat_until and self.all_day:
            # UNTIL has DTSTART's value type (RFC 5545 3.3.10): a DATE for all-day dates.
            parts.append(f"UNTIL={self.repeat_until:%Y%m%d}")
        elif self.repeat_until:
            # With a TZID on DTSTART, UNTIL must be given in UTC (RFC 5545 3.3.10).
            last = datetime.datetime.combine(self.repeat_until, datetime.time(23, 59, 59),
                                             tzinfo=event_timezone())
            parts.append(f"UNTIL={last.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}")
        return ";".join(parts)

    def instances(self, after=None, before=None):
        """(start, end) pairs of this date that end after `after` and start before `before`.

        A repeating date is expanded in wall time (18:00 stays 18:00 across DST) up to the
        horizon (EVENTS_RECURRENCE_HORIZON_DAYS from now), skipping the exceptions.
        """
        now = timezone.now()
        horizon = now + datetime.timedelta(days=recurrence_horizon_days())
        before = min(before, horizon) if before else horizon
        if not self.repeat_frequency:
            if (after is None or self.end > after) and self.start < before:
                yield self.start, self.end
            return
        zone = event_timezone()
        start_local = self.start_local.replace(tzinfo=None)
        duration = self.end_local.replace(tzinfo=None) - start_local
        until = None
        if self.repeat_until:
            until = datetime.datetime.combine(self.repeat_until, datetime.time(23, 59, 59))
        rule = self._dateutil_rule(until)
        skipped = set(self.exception_dates)
        # Start the search a duration before `after`, so a running instance is included.
        search_from = start_local
        if after is not None:
            search_from = max(start_local, timezone.localtime(after, zone).replace(tzinfo=None)
                              - duration - datetime.timedelta(days=1))
        before_local = timezone.localtime(before, zone).replace(tzinfo=None)
        for naive in rule.xafter(search_from, inc=True):
            if naive >= before_local:
                break
            if naive.date() in skipped:
                continue
            begin = naive.replace(tzinfo=zone)
            finish = (naive + duration).replace(tzinfo=zone)
            if after is not None and finish <= after:
                continue
            yield begin, finish

    @property
    def is_online_only(self):
        """Shown as "Online" instead of a venue."""
        return self.mode == AttendanceMode.ONLINE

    @property
    def is_hybrid(self):
        return self.mode == AttendanceMode.HYBRID

    @property
    def is_cancelled(self):
        return self.status == OccurrenceStatus.CANCELLED

    @property
    def is_repeating(self):
        return bool(self.repeat_frequency)
