"""The personal interview timetable as a calendar file: one VEVENT per interview, built with
the events' iCalendar helpers (time zone, product id, UID domain, the fair's location)."""

from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from events import conf as events_conf
from events.ical import occurrence_location, uid_host, vtimezone
from events.models.occurrences import event_timezone

from .preferences import fair_reference
from .services import EMPLOYER, timetable_of


def interview_uid(interview):
    # Stable for the interview, and says nothing about the row's sequential id.
    digest = salted_hmac("jobfairs.interview-uid", str(interview.pk)).hexdigest()[:24]
    return f"jobfair-interview-{digest}@{uid_host()}"


def other_side(registration, interview):
    """What a person sees of the other side: the company, or the candidate's fair reference."""
    if registration.option.kind == EMPLOYER:
        return _("Candidate %(reference)s") % {"reference": fair_reference(interview.jobseeker)}
    return (interview.employer.data or {}).get("company", "")


def timetable_ics(registration, *, url=""):
    occurrence = registration.option.occurrence
    page = occurrence.page.specific
    calendar = Calendar()
    calendar.add("prodid", events_conf.get("EVENTS_CALENDAR_PRODUCT_ID"))
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(vtimezone())
    location = occurrence_location(occurrence)
    for interview in timetable_of(registration):
        event = Event()
        event.add("uid", interview_uid(interview))
        event.add("summary", _("Interview: %(other)s") % {
            "other": other_side(registration, interview)})
        # Local times with the VTIMEZONE above, as the events' own calendar files write them.
        event.add("dtstart", timezone.localtime(interview.start, event_timezone()))
        event.add("dtend", timezone.localtime(interview.end, event_timezone()))
        event.add("dtstamp", occurrence.updated_at)
        lines = [page.title, _("Table %(table)s") % {"table": interview.table}]
        if interview.interpreter_language:
            lines.append(_("Interpreter: %(language)s") % {
                "language": interview.interpreter_language})
        if url:
            lines.append(url)
        event.add("description", "\n".join(lines))
        if location:
            event.add("location", location)
        if url:
            event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()
