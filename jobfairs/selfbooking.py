"""Self-booking after the matching: where the fair allows it, a job-seeker books an interview
slot still free at an employer of their trade (or one they marked), through their link.

Booking locks the fair date's row, so two people never get the same slot and the interpreter
and capacity counts are read and written as one step."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from events.models import Occurrence

from .models import Interest, Interview
from .preferences import fair_reference, matched_registrations
from .services import EMPLOYER, MATCHED_STATES, JobFairsError


def is_open(jobseeker, *, now=None):
    """Self-booking is on for the fair, the matching has run, and the date is still ahead."""
    occurrence = jobseeker.option.occurrence
    page = occurrence.page.specific
    if not getattr(page, "self_booking", False):
        return False
    if occurrence.start <= (now or timezone.now()):
        return False
    return PageLogEntry.objects.filter(page_id=occurrence.page_id,
                                       action="jobfairs.timetable.proposed",
                                       data__occurrence=occurrence.pk).exists()


def free_slots(jobseeker):
    """[{employer, reference, company, table, slot, start, end}] the job-seeker may book."""
    occurrence = jobseeker.option.occurrence
    page = occurrence.page.specific
    data = jobseeker.data or {}
    if jobseeker.state not in MATCHED_STATES["jobseeker"] or jobseeker.erased_at:
        return []
    interviews = list(Interview.objects.filter(occurrence=occurrence)
                      .values_list("employer_id", "jobseeker_id", "start", "table",
                                   "interpreter_language"))
    mine = [row for row in interviews if row[1] == jobseeker.pk]
    if len(mine) >= page.interviews_per_jobseeker:
        return []
    language = data.get("interpreter_language") or ""
    language = "" if language == "de" else language
    interpreters = page.interpreter_capacity(occurrence) if language else {}
    trades = set(data.get("trades") or [])
    marked = set(Interest.objects.filter(jobseeker=jobseeker).values_list("employer_id",
                                                                          flat=True))
    busy_starts = {row[2] for row in mine}
    met = {row[0] for row in mine}
    per_employer, busy_tables, interpreter_use, tables = {}, set(), {}, {}
    for employer_id, _seeker, start, table, interpreter in interviews:
        per_employer[employer_id] = per_employer.get(employer_id, 0) + 1
        tables.setdefault(employer_id, table)
        busy_tables.add((table, start))
        if interpreter:
            interpreter_use[(interpreter, start)] = interpreter_use.get((interpreter, start), 0) + 1
    employers = list(matched_registrations(occurrence, EMPLOYER))
    slots = page.slots(occurrence)
    result = []
    for number, employer in enumerate(employers, start=1):
        edata = employer.data or {}
        if employer.pk in met:
            continue
        if not (trades & set(edata.get("trades") or [])) and employer.pk not in marked:
            continue
        if per_employer.get(employer.pk, 0) >= int(edata.get("interviews") or 0):
            continue
        # The employer's table in the plan, else named as the matching names it
        # (services.matching_input).
        table = tables.get(employer.pk) or str(edata.get("table") or number)
        for index, (start, end) in enumerate(slots):
            if start in busy_starts or (table, start) in busy_tables:
                continue
            if language and interpreter_use.get((language, start), 0) >= interpreters.get(
                    (language, index), 0):
                continue
            result.append({"employer": employer, "reference": fair_reference(employer),
                           "company": edata.get("company", ""), "table": table, "slot": index,
                           "start": start, "end": end})
    return result


def _lock_date(occurrence):
    # One lock per fair date: every self-booking of the date waits for the one before, so the
    # free slots, capacities and interpreters it reads are still true when it writes.
    Occurrence.objects.select_for_update().get(pk=occurrence.pk)


def book(jobseeker, *, employer_reference, slot, now=None):
    """Book one free slot; JobFairsError when it is no longer free or not allowed."""
    if not is_open(jobseeker, now=now):
        raise JobFairsError(_("Booking interviews yourself is not open for this fair."),
                            code="closed")
    occurrence = jobseeker.option.occurrence
    with transaction.atomic():
        _lock_date(occurrence)
        choice = next((item for item in free_slots(jobseeker)
                       if item["reference"] == str(employer_reference).strip().upper()
                       and item["slot"] == slot), None)
        if choice is None:
            raise JobFairsError(_("This slot has just been taken or is not open to you. "
                                  "Please choose another one."), code="taken")
        data = jobseeker.data or {}
        language = data.get("interpreter_language") or ""
        interview = Interview.objects.create(
            occurrence=occurrence, employer=choice["employer"], jobseeker=jobseeker,
            start=choice["start"], end=choice["end"], table=choice["table"],
            interpreter_language="" if language == "de" else language, proposed=False)
        log(interview, "jobfairs.interview.self_booked")
    return interview
