"""What a visitor sees for a date: per kind open or not (and why), places left from the option's counts."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .counts import counts_of
from .kinds import get_kind
from .services import closed_reason
from .sources import options_for


@dataclass
class OptionSummary:
    option: object
    kind: str
    label: str
    open: bool
    reason_code: str
    reason: str
    capacity: int
    remaining: int
    waitlist: bool
    waitlisted: int

    @property
    def full(self):
        return self.remaining <= 0

    @property
    def part(self):
        return self.option.part

    @property
    def url(self):
        args = [self.option.occurrence.uid, self.kind]
        if self.option.part:
            return reverse("events_registration:form_part", args=[*args, self.option.part])
        return reverse("events_registration:form", args=args)

    def as_api(self):
        data = {"kind": self.kind, "open": self.open, "capacity": self.capacity,
                "remaining": self.remaining, "waitlist": self.waitlist}
        if self.option.part:  # only hybrid dates have parts: other answers stay as they were
            data["part"] = self.option.part
        return data


def summarise_option(option, now=None):
    now = now or timezone.now()
    kind = get_kind(option.kind)
    counts = counts_of(option)
    remaining = max(0, option.capacity - counts["held"])
    reason = closed_reason(option, now)
    if reason is None and remaining <= 0 and not option.waitlist_enabled:
        reason = ("full", _("This date is fully booked."))
    label = kind.label if kind else option.kind
    if option.part:  # a hybrid date's part: "Participant (online)"
        label = format_lazy("{} ({})", label, option.get_part_display())
    return OptionSummary(
        option=option, kind=option.kind, label=label,
        open=reason is None, reason_code=reason[0] if reason else "",
        reason=reason[1] if reason else "", capacity=option.capacity, remaining=remaining,
        waitlist=option.waitlist_enabled, waitlisted=counts["waitlisted"],
    )


def registration_summary(occurrence, now=None, public_only=True):
    """Per kind, the state of the places of a date (a translated date shows its source's)."""
    options = options_for(occurrence)
    result = []
    for option in options:
        option.occurrence = occurrence
        kind = get_kind(option.kind)
        if public_only and kind is not None and not kind.public:
            continue
        result.append(summarise_option(option, now))
    return result
