"""Job-fair operations: registration places, the interview timetable, check-in and walk-ins,
statistics and the e-mails after the fair. Registration itself is the events engine's."""

from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from events.errors import EventsError
from events.models import (
    Occurrence,
    Registration,
    RegistrationFact,
    RegistrationFactValue,
    RegistrationOption,
    RegistrationState,
)
from events.registration import services as registration_services

from . import matching
from .models import Interview, InterviewOutcome, InterviewStatus, OutcomeResult


class JobFairsError(EventsError):
    """A rule of the job-fairs plugin refused the operation (`message`, `code`)."""

S = RegistrationState
EMPLOYER, JOBSEEKER = "employer", "jobseeker"
# Who takes part in the matching: approved employers, confirmed job-seekers (and the present).
MATCHED_STATES = {EMPLOYER: (S.APPROVED, S.ATTENDED), JOBSEEKER: (S.CONFIRMED, S.ATTENDED)}
EXPECTED_STATES = (S.CONFIRMED, S.APPROVED, S.ATTENDED)


# Registration places -----------------------------------------------------------------------

def sync_registration_options(page, *, user=None):
    """Create or update the employer and job-seeker places of every date of the fair."""
    source = page.specific.source_page()
    wanted = {EMPLOYER: (source.employer_capacity, True),
              JOBSEEKER: (source.jobseeker_capacity, False)}
    changed = 0
    for occurrence in source.occurrences.all():
        existing = {option.kind: option for option in occurrence.registration_options.all()}
        for kind, (capacity, approval) in wanted.items():
            option = existing.get(kind)
            if option is None:
                RegistrationOption.objects.create(occurrence=occurrence, kind=kind,
                                                  capacity=capacity, requires_approval=approval)
                changed += 1
            elif option.capacity != capacity:
                registration_services.set_capacity(option, capacity, user=user)
                changed += 1
    return changed


# Interview timetable -----------------------------------------------------------------------

def matching_input(occurrence):
    """(page, employers, job-seekers, registrations by id) for the matching, from the database."""
    page = occurrence.page.specific
    rows = list(Registration.objects.filter(
        occurrence=occurrence, erased_at__isnull=True,
    ).filter(
        Q(option__kind=EMPLOYER, state__in=MATCHED_STATES[EMPLOYER])
        | Q(option__kind=JOBSEEKER, state__in=MATCHED_STATES[JOBSEEKER])
    ).select_related("option").order_by("created_at", "id"))
    employers, seekers = [], []
    for registration in rows:
        data = registration.data or {}
        trades = frozenset(data.get("trades") or [])
        if registration.option.kind == EMPLOYER:
            table = str(data.get("table") or len(employers) + 1)
            employers.append(matching.Employer(
                id=registration.pk, trades=trades, capacity=int(data.get("interviews") or 0),
                table=table))
        else:
            language = data.get("interpreter_language") or None
            seekers.append(matching.JobSeeker(
                id=registration.pk, trades=trades,
                interpreter=None if language == "de" else language,
                max_interviews=page.interviews_per_jobseeker))
    return page, employers, seekers, {r.pk: r for r in rows}


def replaceable(occurrence):
    """The interviews a new proposal replaces: planned ones the matching proposed. Those the
    job-seeker booked, an editor changed or added (`proposed=False`), and those held or
    missed stay."""
    return Interview.objects.filter(occurrence=occurrence, status=InterviewStatus.PLANNED,
                                    proposed=True)


def kept_interviews(occurrence, slots):
    """The interviews a new proposal keeps, as matching.Fixed with the slots they overlap."""
    kept = Interview.objects.filter(occurrence=occurrence).exclude(
        pk__in=replaceable(occurrence).values("pk")).order_by("start", "pk")
    return [matching.Fixed(
        employer=interview.employer_id, jobseeker=interview.jobseeker_id,
        slots=tuple(number for number, (start, end) in enumerate(slots)
                    if start < interview.end and interview.start < end),
        table=interview.table, interpreter=interview.interpreter_language or None)
        for interview in kept]


def propose_timetable(occurrence, *, user=None):
    """Replace the proposed planned interviews of a date with a new proposal that fills around
    the kept ones (self-booked, changed by editors, held); returns the MatchResult."""
    from .preferences import preferences_for

    page, employers, seekers, _rows = matching_input(occurrence)
    slots = page.slots(occurrence)
    with transaction.atomic():
        # Under the date's lock, as self-booking takes it: a booking meanwhile waits and is
        # then planned around, never lost.
        Occurrence.objects.select_for_update().get(pk=occurrence.pk)
        result = matching.plan(employers, seekers, len(slots),
                               page.interpreter_capacity(occurrence),
                               preferences=preferences_for(occurrence),
                               fixed=kept_interviews(occurrence, slots))
        replaceable(occurrence).delete()
        Interview.objects.bulk_create([
            Interview(occurrence=occurrence, employer_id=a.employer, jobseeker_id=a.jobseeker,
                      start=slots[a.slot][0], end=slots[a.slot][1], table=a.table,
                      interpreter_language=a.interpreter or "", proposed=True)
            for a in result.assignments
        ])
        log(page, "jobfairs.timetable.proposed", user=user,
            data={"occurrence": occurrence.pk, "placed": result.placed,
                  "upper_bound": result.upper_bound})
    return result


def timetable_of(registration):
    """The interviews of one employer or job-seeker, in time order, with the other side."""
    field = "employer" if registration.option.kind == EMPLOYER else "jobseeker"
    return list(Interview.objects.filter(**{field: registration})
                .select_related("employer", "jobseeker").order_by("start"))


def send_timetables(occurrence):
    """Queue each participant's personal timetable by e-mail (after commit); returns how many."""
    from .tasks import send_jobfair_email

    ids = set()
    for employer_id, jobseeker_id in Interview.objects.filter(occurrence=occurrence).values_list(
            "employer_id", "jobseeker_id"):
        ids.update((employer_id, jobseeker_id))
    ids = list(Registration.objects.filter(pk__in=ids, erased_at__isnull=True)
               .exclude(email="").values_list("pk", flat=True))
    transaction.on_commit(lambda: [send_jobfair_email.enqueue(pk, "timetable") for pk in ids])
    return len(ids)


def register_client(option, *, name, email="", phone="", language="de", data=None, user):
    """A counsellor registers a client in person: confirmed at once, e-mail optional."""
    return registration_services.register(
        option, name=name, email=email, phone=phone, language=language, consent=True,
        data=data or {}, created_by=user, confirmed=True)


# Day of the fair --------------------------------------------------------------------------

def check_in(registration, *, user=None, now=None):
    return registration_services.mark_attended(registration, user=user, now=now)


def add_walk_in(option, *, name, email="", phone="", data=None, language="de", user, now=None):
    """Someone who comes without registration: registered in person and marked present."""
    registration = registration_services.register(
        option, name=name, email=email, phone=phone, language=language, consent=True,
        data={**(data or {}), "walk_in": True}, created_by=user, confirmed=True, now=now)
    return registration_services.mark_attended(registration, user=user, now=now)


def live_counts(occurrence):
    """Guests and employers present and expected: one aggregate query."""
    present = Q(state=S.ATTENDED)
    expected = Q(state__in=EXPECTED_STATES)
    return Registration.objects.filter(occurrence=occurrence).aggregate(
        guests_present=Count("pk", filter=present & Q(option__kind=JOBSEEKER)),
        guests_expected=Count("pk", filter=expected & Q(option__kind=JOBSEEKER)),
        employers_present=Count("pk", filter=present & Q(option__kind=EMPLOYER)),
        employers_expected=Count("pk", filter=expected & Q(option__kind=EMPLOYER)),
    )


# After the fair ---------------------------------------------------------------------------

REGISTERED_STATES = (S.CONFIRMED, S.APPROVED, S.ATTENDED, S.NO_SHOW)


def _fair_facts(occurrence):
    """The anonymous statistics facts of one fair date: linked to its registrations while they
    hold data, and matched by page and day once the erasure has cut the link."""
    erased = Q(registration__isnull=True, page_key=occurrence.page.translation_key,
               date=timezone.localtime(occurrence.start).date())
    return RegistrationFact.objects.filter(Q(registration__occurrence=occurrence) | erased,
                                           state__in=REGISTERED_STATES)


def statistics(occurrence):
    """Figures for one fair date: registered, attended, employers, interviews, per trade/language.

    Trades, languages and interpreters come from the anonymous facts (events statistics), so an
    erased registration still counts; open positions and walk-ins are the registrations' own
    answers, gone with the erasure."""
    rows = list(Registration.objects.filter(occurrence=occurrence, state__in=REGISTERED_STATES)
                .values("option__kind", "state", "data"))
    seekers = [r for r in rows if r["option__kind"] == JOBSEEKER]
    employers = [r for r in rows if r["option__kind"] == EMPLOYER]
    interviews = Interview.objects.filter(occurrence=occurrence).aggregate(
        planned=Count("pk"), held=Count("pk", filter=Q(status=InterviewStatus.HELD)),
        missed=Count("pk", filter=Q(status=InterviewStatus.MISSED)))
    by_trade = defaultdict(lambda: {"jobseekers": 0, "attended": 0, "employers": 0,
                                    "open_positions": 0, "apprenticeships": 0,
                                    **dict.fromkeys(OutcomeResult.values, 0)})
    by_language = Counter()
    interpreter = Counter()
    values = RegistrationFactValue.objects.filter(
        fact__in=_fair_facts(occurrence), fact__kind__in=(JOBSEEKER, EMPLOYER),
        dimension__in=("trades", "languages", "interpreter_language"),
    ).values_list("fact__kind", "fact__state", "dimension", "value")
    for kind, state, dimension, value in values:
        if dimension == "trades":
            figures = by_trade[value]
            if kind == JOBSEEKER:
                figures["jobseekers"] += 1
                figures["attended"] += state == S.ATTENDED
            else:
                figures["employers"] += 1
        elif kind == JOBSEEKER and dimension == "languages":
            by_language[value] += 1
        elif kind == JOBSEEKER:
            interpreter[value] += 1
    for row in employers:
        data = row["data"] or {}
        for trade in data.get("trades", []):
            by_trade[trade]["open_positions"] += int(data.get("open_positions") or 0)
            by_trade[trade]["apprenticeships"] += int(data.get("apprenticeships") or 0)

    # Placements as the employers reported them: anonymous rows (result, trade) of the date's
    # interviews; an outcome whose interview row went counts through the job-seeker's fact.
    outcomes = Counter()
    of_fair = Q(interview__occurrence=occurrence) | Q(
        interview__isnull=True, jobseeker_fact__in=_fair_facts(occurrence))
    for trade, result, count in (InterviewOutcome.objects.filter(of_fair)
                                 .values_list("trade", "result").annotate(n=Count("pk"))
                                 .order_by()):
        by_trade[trade][result] += count
        outcomes[result] += count

    def most_common(counter):
        return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))

    return {
        "registered": len(seekers),
        "attended": sum(r["state"] == S.ATTENDED for r in seekers),
        "employers": len(employers),
        "employers_attended": sum(r["state"] == S.ATTENDED for r in employers),
        "walk_ins": sum(bool((r["data"] or {}).get("walk_in")) for r in rows),
        "interviews_planned": interviews["planned"],
        "interviews_held": interviews["held"],
        "interviews_missed": interviews["missed"],
        "by_trade": dict(sorted(by_trade.items())),
        "outcomes": {result: outcomes[result] for result in OutcomeResult.values},
        "by_language": most_common(by_language),
        "interpreter_languages": most_common(interpreter),
    }


def send_followups(occurrence, *, now=None):
    """Ask each employer with interviews which candidates they invite further (queued e-mails)."""
    from .tasks import send_jobfair_email

    now = now or timezone.now()
    if occurrence.end > now:
        raise JobFairsError(
            _("The follow-up e-mail goes out after the fair."), code="not_past")
    ids = list(Registration.objects.filter(
        occurrence=occurrence, option__kind=EMPLOYER, erased_at__isnull=True,
        employer_interviews__isnull=False).exclude(email="").distinct().values_list("pk", flat=True))
    transaction.on_commit(lambda: [send_jobfair_email.enqueue(pk, "followup") for pk in ids])
    return len(ids)
