"""Interview outcomes: after the fair, each employer reports through their link what came of
each of their interviews (trial work, apprenticeship, contract, nothing), until a deadline
(JOBFAIRS_OUTCOME_DAYS after the date's end). The figures join the funders' statistics as
extra columns, counted through the job-seeker's anonymous fact, so they survive erasure.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log

from events.models import RegistrationFact
from events.registration import statistics as registration_statistics
from events.registration.linked_measures import LinkedMeasures, register_linked_measures
from events.templatetags.event_tags import short_date

from . import conf
from .models import Interview, InterviewOutcome, InterviewStatus, OutcomeResult
from .services import JobFairsError

STATISTICS = LinkedMeasures(
    model="jobfairs.InterviewOutcome", fact_field="jobseeker_fact",
    measures=(
        ("outcome_trial_work", _("Interviews: invited to trial work"),
         {"result": OutcomeResult.TRIAL_WORK}),
        ("outcome_apprenticeship", _("Interviews: apprenticeship offered"),
         {"result": OutcomeResult.APPRENTICESHIP}),
        ("outcome_contract", _("Interviews: employment contract"),
         {"result": OutcomeResult.CONTRACT}),
        ("outcome_none", _("Interviews: no further step"), {"result": OutcomeResult.NONE}),
    ),
    own_groupings={"trades": "trade"},
)


class OutcomeNotFound(JobFairsError):
    """An interview that is not this employer's (or none at all): the view answers 404."""


def register_statistics():
    register_linked_measures(STATISTICS)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("jobfairs.outcome.reported", _("Report interview outcome"),
                            _("Interview outcome reported"))


def deadline(occurrence):
    return occurrence.end + datetime.timedelta(days=int(conf.get("JOBFAIRS_OUTCOME_DAYS")))


def reporting_state(occurrence, now=None):
    """"before" the fair has started, "open", or "closed" after the deadline."""
    now = now or timezone.now()
    if now < occurrence.start:
        return "before"
    return "open" if now <= deadline(occurrence) else "closed"


def interviews_of(employer):
    """The employer's interviews that can have an outcome (not those that did not take place),
    with the job-seeker and any outcome: one query."""
    return list(Interview.objects.filter(employer=employer)
                .exclude(status=InterviewStatus.MISSED)
                .select_related("jobseeker", "outcome").order_by("start", "pk"))


def shared_trade(interview):
    """The trade the interview was about: the first of the employer's trades the job-seeker
    also named, else the employer's first (codes only: no personal data)."""
    employer = (interview.employer.data or {}).get("trades") or []
    seeker = set((interview.jobseeker.data or {}).get("trades") or [])
    shared = [trade for trade in employer if trade in seeker]
    return str((shared or employer or [""])[0])[:80]


def _fact_of(registration):
    fact = RegistrationFact.objects.filter(registration_id=registration.pk).first()
    if fact is None and registration.erased_at is None:
        fact = registration_statistics.record(registration)
    return fact


def report(employer, results, *, now=None):
    """Save the employer's outcomes: `results` maps interview ids to an OutcomeResult value or
    "" (not reported: an earlier answer is withdrawn). All or nothing.

    Raises OutcomeNotFound for an id that is not one of this employer's interviews (the same
    for another employer's and a made-up one) and JobFairsError outside the reporting period."""
    now = now or timezone.now()
    occurrence = employer.option.occurrence
    state = reporting_state(occurrence, now)
    if state == "before":
        raise JobFairsError(_("Outcomes can be reported once the fair has taken place."),
                            code="not_yet")
    if state == "closed":
        raise JobFairsError(
            _("The time to report outcomes ended on %(date)s.") % {
                "date": short_date(timezone.localtime(deadline(occurrence)))},
            code="deadline")
    valid = set(OutcomeResult.values) | {""}
    if any(value not in valid for value in results.values()):
        raise JobFairsError(_("Choose one of the listed outcomes."), code="invalid")
    with transaction.atomic():
        interviews = {interview.pk: interview for interview in Interview.objects.filter(
            employer=employer, pk__in=list(results)).exclude(status=InterviewStatus.MISSED)
            .select_related("employer", "jobseeker").select_for_update(of=("self",))}
        if set(results) - set(interviews):
            raise OutcomeNotFound(_("This interview does not exist."), code="not_found")
        changed = 0
        for pk, result in results.items():
            interview = interviews[pk]
            current = InterviewOutcome.objects.filter(interview=interview).first()
            if not result:
                if current is not None:
                    current.delete()
                    changed += 1
                continue
            if current is not None and current.result == result:
                continue
            if current is None:
                current = InterviewOutcome(interview=interview, trade=shared_trade(interview),
                                           jobseeker_fact=_fact_of(interview.jobseeker))
            current.result = result
            current.save()
            if interview.status == InterviewStatus.PLANNED:
                # It took place; a new timetable proposal no longer replaces it.
                Interview.objects.filter(pk=pk).update(status=InterviewStatus.HELD)
            log(interview, "jobfairs.outcome.reported", data={"result": result})
            changed += 1
    return changed
