"""Preferences in the matching: mutual preferences take slots first, then one-sided ones, then
the remaining trade fits, and every rule of the plain matching still holds. Invariants are
checked over many seeded random fairs; one test goes through the admin's "propose" button."""

import random
from collections import defaultdict

import pytest

from jobfairs.matching import MUTUAL, ONE_SIDED, Employer, JobSeeker, check, plan

TRADES = "abcd"


def random_fair(rng):
    slots = rng.randint(2, 8)
    tables = rng.randint(1, 6)
    employers = [Employer(i, frozenset(rng.sample(TRADES, rng.randint(0, 2))),
                          rng.randint(1, slots),
                          f"T{rng.randrange(tables) if rng.random() < 0.3 else i}")
                 for i in range(rng.randint(1, 8))]
    seekers = [JobSeeker(100 + j, frozenset(rng.sample(TRADES, rng.randint(0, 2))),
                         rng.choice(("ar", "fa")) if rng.random() < 0.3 else None,
                         rng.randint(1, 3)) for j in range(rng.randint(1, 30))]
    interpreters = {(language, s): rng.randint(0, 2) for language in ("ar", "fa")
                    for s in range(slots)}
    preferences = {}
    for seeker in seekers:
        for employer in rng.sample(employers, min(len(employers), rng.randint(0, 3))):
            preferences[(seeker.id, employer.id)] = rng.choice((MUTUAL, ONE_SIDED, ONE_SIDED))
    return employers, seekers, slots, interpreters, preferences


def fits(pair, assignments, employers, seekers, slots, interpreters):
    """Could `pair` still be added to `assignments` directly (a slot free for both, an
    interpreter free, within the person's and the employer's limits)?"""
    by_employer = {e.id: e for e in employers}
    by_seeker = {s.id: s for s in seekers}
    seeker, employer = by_seeker[pair[0]], by_employer[pair[1]]
    if sum(a.jobseeker == seeker.id for a in assignments) >= seeker.max_interviews:
        return False
    if sum(a.employer == employer.id for a in assignments) >= employer.capacity:
        return False
    used = defaultdict(int)
    for a in assignments:
        if a.interpreter:
            used[(a.interpreter, a.slot)] += 1
    for slot in range(slots):
        if any(a.slot == slot and (a.jobseeker == seeker.id
                                   or by_employer[a.employer].table_key == employer.table_key)
               for a in assignments):
            continue
        if seeker.interpreter and used[(seeker.interpreter, slot)] >= interpreters.get(
                (seeker.interpreter, slot), 0):
            continue
        return True
    return False


@pytest.mark.parametrize("seed", range(300))
def test_preferred_pairs_come_first_and_every_rule_holds_on_random_fairs(seed):
    employers, seekers, slots, interpreters, preferences = random_fair(random.Random(seed))
    result = plan(employers, seekers, slots, interpreters, preferences=preferences)
    # No person or table double booked, interpreters, capacities, shared trade or preference.
    assert check(result, employers, seekers, slots, interpreters, preferences) == []
    assert result.placed <= result.upper_bound
    placed = {(a.jobseeker, a.employer) for a in result.assignments}
    employer_ids, seeker_ids = {e.id for e in employers}, {s.id for s in seekers}
    for level in (MUTUAL, ONE_SIDED):
        # Only interviews of this tier and the ones before it: an unplaced pair of the tier
        # did not fit there, so no pair of a later tier took its place.
        earlier = [a for a in result.assignments
                   if preferences.get((a.jobseeker, a.employer), 0) >= level]
        for pair, pair_level in preferences.items():
            if pair_level != level or pair in placed:
                continue
            if pair[0] not in seeker_ids or pair[1] not in employer_ids:
                continue
            assert not fits(pair, earlier, employers, seekers, slots, interpreters), (
                f"seed {seed}: {pair} (level {level}) fits but is not planned")


def test_a_mutual_preference_beats_a_one_sided_one_and_a_plain_trade_fit():
    employers = [Employer(1, frozenset("a"), 1, "1")]
    seekers = [JobSeeker(10, frozenset("a")), JobSeeker(11, frozenset("a")),
               JobSeeker(12, frozenset("a"))]
    result = plan(employers, seekers, 4, preferences={(11, 1): ONE_SIDED, (12, 1): MUTUAL})
    assert [(a.jobseeker, a.employer) for a in result.assignments] == [(12, 1)]
    result = plan(employers, seekers, 4, preferences={(11, 1): ONE_SIDED})
    assert [(a.jobseeker, a.employer) for a in result.assignments] == [(11, 1)]


def test_a_preference_allows_an_interview_outside_the_trades():
    employers = [Employer(1, frozenset("a"), 2, "1")]
    seekers = [JobSeeker(10, frozenset("b"))]
    assert plan(employers, seekers, 4).placed == 0
    result = plan(employers, seekers, 4, preferences={(10, 1): ONE_SIDED})
    assert result.placed == 1
    assert check(result, employers, seekers, 4, preferences={(10, 1): ONE_SIDED}) == []
    assert check(result, employers, seekers, 4) != []  # without it, the rule is broken


def test_preferences_to_unknown_people_are_ignored():
    employers = [Employer(1, frozenset("a"), 2, "1")]
    seekers = [JobSeeker(10, frozenset("a"))]
    result = plan(employers, seekers, 2, preferences={(99, 1): MUTUAL, (10, 77): MUTUAL})
    assert result.placed == 1


@pytest.mark.parametrize("seed", range(40))
def test_fairness_as_before_inside_one_tier(seed):
    # All pairs mutual: one tier, so exactly the plain matching (round by round: everybody
    # gets a first interview before anybody a second).
    rng = random.Random(seed)
    employers, seekers, slots, interpreters, _preferences = random_fair(rng)
    everything = {(s.id, e.id): MUTUAL for s in seekers for e in employers
                  if s.trades & e.trades}
    plain = plan(employers, seekers, slots, interpreters)
    preferred = plan(employers, seekers, slots, interpreters, preferences=everything)
    assert preferred.assignments == plain.assignments
    assert preferred.upper_bound == plain.upper_bound


def test_everyone_with_a_mutual_preference_gets_one_before_anyone_gets_a_second():
    employers = [Employer(1, frozenset("a"), 2, "1")]
    seekers = [JobSeeker(i, frozenset("a"), None, 3) for i in range(3)]
    result = plan(employers, seekers, 6, preferences={(i, 1): MUTUAL for i in range(3)})
    people = [a.jobseeker for a in result.assignments]
    assert len(people) == 2 and len(set(people)) == 2


# Through the admin ---------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_admins_proposal_plans_the_mutual_pair_first(
        client, staff, occurrence, make_employer, make_jobseeker):
    from django.urls import reverse

    from jobfairs.models import Interest, Interview, Shortlist

    employer = make_employer(company="Einzel Bau", interviews=1)
    plain, wanted = make_jobseeker(), make_jobseeker()
    Interest.objects.create(jobseeker=wanted, employer=employer)
    Shortlist.objects.create(employer=employer, jobseeker=wanted)
    client.force_login(staff)
    response = client.post(reverse("jobfairs_admin:timetable", args=[occurrence.pk]),
                           {"action": "propose"})
    assert response.status_code == 302
    assert list(Interview.objects.values_list("jobseeker_id", flat=True)) == [wanted.pk]
    assert plain.pk != wanted.pk
