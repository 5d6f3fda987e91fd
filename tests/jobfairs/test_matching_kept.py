"""A new proposal keeps the interviews people booked themselves and those editors changed, and
only fills around them (issue 19): the matching's invariants with kept interviews, and the
timetable service through the self-booking link and the admin's edit."""

import random
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from jobfairs import services
from jobfairs.matching import Fixed, MatchResult, check, plan
from jobfairs.models import Interview, InterviewStatus, JobFairPage
from jobfairs.preferences import fair_reference

from .test_matching import random_instances


def kept_from(rng, result, share=0.4):
    """Some assignments of a first plan, as the interviews to keep."""
    chosen = [a for a in result.assignments if rng.random() < share]
    return [Fixed(a.employer, a.jobseeker, (a.slot,), a.table, a.interpreter) for a in chosen], \
        chosen


@pytest.mark.parametrize("seed", range(5))
def test_replanning_keeps_the_fixed_interviews_and_every_rule_holds(seed):
    rng = random.Random(seed)
    for slots, E, S, interpreters in random_instances(rng, 20, slots=(1, 8), employers=(1, 8),
                                                      seekers=(1, 30)):
        first = plan(E, S, slots, interpreters)
        fixed, kept = kept_from(rng, first)
        again = plan(E, S, slots, interpreters, fixed=fixed)
        # The proposal is the new interviews; together with the kept ones every rule holds:
        # no person, table or employer twice in a slot, no pair twice, capacities, interpreters.
        combined = MatchResult(assignments=kept + again.assignments)
        assert check(combined, E, S, slots, interpreters) == []
        kept_pairs = {(a.jobseeker, a.employer) for a in kept}
        assert not kept_pairs & {(a.jobseeker, a.employer) for a in again.assignments}
        # Filling around the kept ones loses nothing against planning from scratch with them
        # as the only possible start: at least as many as were kept.
        assert combined.placed >= len(kept)


def test_fairness_counts_the_kept_interviews():
    """Someone who already holds a kept interview gets a second only after everyone else who
    can be given a first has one."""
    from jobfairs.matching import Employer, JobSeeker

    E = [Employer(1, frozenset("a"), 2, "T1")]
    S = [JobSeeker(10, frozenset("a"), None, 3), JobSeeker(11, frozenset("a"), None, 3)]
    kept = Fixed(employer=1, jobseeker=10, slots=(0,), table="T1")
    result = plan(E, S, 4, fixed=[kept])
    assert [(a.jobseeker, a.employer) for a in result.assignments] == [(11, 1)]
    assert result.assignments[0].slot != 0


def test_a_kept_interview_over_two_slots_blocks_both():
    from jobfairs.matching import Employer, JobSeeker

    E = [Employer(1, frozenset("a"), 3, "T1")]
    S = [JobSeeker(10, frozenset("a"), None, 1), JobSeeker(11, frozenset("a"), None, 1),
         JobSeeker(12, frozenset("a"), None, 1)]
    result = plan(E, S, 3, fixed=[Fixed(1, 10, (0, 1), "T1")])
    assert [(a.jobseeker, a.slot) for a in result.assignments] == [(11, 2)]


@pytest.mark.django_db
def test_proposing_again_keeps_self_booked_and_edited_interviews(
        client, fair, occurrence, make_employer, make_jobseeker, django_user_model):
    JobFairPage.objects.filter(pk=fair.pk).update(self_booking=True, interviews_per_jobseeker=2)
    bau = make_employer(company="Bau GmbH", interviews=4, trades=("maurer",))
    holz = make_employer(company="Holz AG", interviews=4, trades=("maurer",))
    seekers = [make_jobseeker(trades=("maurer",)) for _n in range(3)]
    services.propose_timetable(occurrence)
    late = make_jobseeker(name="Spät Angemeldet", trades=("maurer",))
    # The late-comer books a free slot through their link.
    slots = JobFairPage.objects.get(pk=fair.pk).slots(occurrence)
    busy = {(i.table, i.start) for i in Interview.objects.filter(occurrence=occurrence)}
    table = Interview.objects.filter(employer=bau).first().table
    free = next(n for n, (start, _end) in enumerate(slots) if (table, start) not in busy
                and not Interview.objects.filter(jobseeker=late, start=start).exists())
    response = client.post(reverse("jobfairs:jobseeker", args=[late.reference]),
                           {"action": "book", "slot": free, "employer": fair_reference(bau)})
    assert response.status_code == 302
    booked = Interview.objects.get(jobseeker=late)
    # An editor moves one proposed interview in the admin (it is then no longer "proposed").
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    moved = Interview.objects.filter(jobseeker=seekers[0], proposed=True).first()
    taken = {i.start for i in Interview.objects.filter(employer=moved.employer)} | {
        i.start for i in Interview.objects.filter(jobseeker=seekers[0])}
    new_start, new_end = next((start, end) for start, end in slots if start not in taken)
    url = reverse("jobfair_interviews:edit", args=[moved.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"start": timezone.localtime(new_start).strftime("%Y-%m-%d %H:%M"),
                 "end": timezone.localtime(new_end).strftime("%Y-%m-%d %H:%M")})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    moved.refresh_from_db()
    assert moved.proposed is False and moved.start == new_start

    services.propose_timetable(occurrence)

    interviews = list(Interview.objects.filter(occurrence=occurrence))
    assert booked.pk in {i.pk for i in interviews}  # still there, unchanged
    assert Interview.objects.get(pk=booked.pk).start == booked.start
    assert Interview.objects.get(pk=moved.pk).start == new_start
    # No double booking anywhere, and nobody over their limits.
    for key in (lambda i: (i.jobseeker_id, i.start), lambda i: (i.employer_id, i.start),
                lambda i: (i.table, i.start), lambda i: (i.employer_id, i.jobseeker_id)):
        assert max(Counter(map(key, interviews)).values()) == 1
    assert max(Counter(i.jobseeker_id for i in interviews).values()) <= 2
    assert all(i.status == InterviewStatus.PLANNED for i in interviews)
    assert Interview.objects.filter(employer=holz).exists()
