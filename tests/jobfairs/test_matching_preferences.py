"""Preferences in the matching: fairness stays the outer rule (round by round for everyone, as
many people served as without preferences); within it mutual preferences come first, then
one-sided ones, then the remaining trade fits, and every rule of the plain matching still holds.
Invariants are checked over many seeded random fairs; one test goes through the admin's
"propose" button."""

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


def exchange_that_fits(assignments, preferences, employers, seekers, slots, interpreters):
    """An unplaced preferred pair that could take the place of a weaker interview of the same
    person, or of the same employer within the same round, with nobody's number of interviews
    changing otherwise; or None."""
    placed = {(a.jobseeker, a.employer) for a in assignments}
    count = defaultdict(int)
    for a in assignments:
        count[a.jobseeker] += 1
    for pair, level in preferences.items():
        if pair in placed:
            continue
        for a in assignments:
            if preferences.get((a.jobseeker, a.employer), 0) >= level:
                continue
            # The same person's weaker interview, or the same employer's weaker interview
            # with someone holding exactly one interview more (the same round's interview).
            if a.jobseeker == pair[0] or (a.employer == pair[1]
                                          and count[a.jobseeker] == count[pair[0]] + 1):
                others = [b for b in assignments if b is not a]
                if fits(pair, others, employers, seekers, slots, interpreters):
                    return pair, (a.jobseeker, a.employer)
    return None


def served(assignments, limit):
    """Interviews counted up to `limit` per person (limit 1: people with an interview)."""
    per_person = defaultdict(int)
    for a in assignments:
        per_person[a.jobseeker] += 1
    return sum(min(count, limit) for count in per_person.values())


@pytest.mark.parametrize("seed", range(300))
def test_every_rule_holds_and_preferences_are_used_on_random_fairs(seed):
    employers, seekers, slots, interpreters, preferences = random_fair(random.Random(seed))
    result = plan(employers, seekers, slots, interpreters, preferences=preferences)
    # No person or table double booked, interpreters, capacities, shared trade or preference.
    assert check(result, employers, seekers, slots, interpreters, preferences) == []
    assert result.placed <= result.upper_bound
    employer_ids, seeker_ids = {e.id for e in employers}, {s.id for s in seekers}
    placed = {(a.jobseeker, a.employer) for a in result.assignments}
    possible = [(s.id, e.id) for s in seekers for e in employers
                if s.trades & e.trades or (s.id, e.id) in preferences]
    # Nothing could simply be added (every pair that still fits is planned).
    for pair in possible:
        if pair not in placed:
            assert not fits(pair, result.assignments, employers, seekers, slots, interpreters), (
                f"seed {seed}: {pair} fits but is not planned")
    # Within a round: no unplaced stronger preference could replace a weaker interview of the
    # same person, or of the same employer with someone one interview ahead.
    known = {pair: level for pair, level in preferences.items()
             if pair[0] in seeker_ids and pair[1] in employer_ids}
    assert exchange_that_fits(result.assignments, known, employers, seekers, slots,
                              interpreters) is None, seed


@pytest.mark.parametrize("seed", range(150))
def test_fairness_is_the_same_as_without_preferences(seed):
    # Round by round for everyone: for every k, the interviews counted up to k per person are
    # as many as at most possible with k interviews each (k = 1: nobody gets a second
    # interview while someone who could get a first has none), and preferences on trade pairs
    # change no one's chances: as many people served at every level as without them.
    employers, seekers, slots, _interpreters, preferences = random_fair(random.Random(seed))
    seekers = [JobSeeker(s.id, s.trades, None, s.max_interviews) for s in seekers]
    result = plan(employers, seekers, slots, preferences=preferences)
    assert check(result, employers, seekers, slots, preferences=preferences) == []
    on_trade = {(s, e): level for (s, e), level in preferences.items()
                if any(x.id == s and y.id == e and x.trades & y.trades
                       for x in seekers for y in employers)}
    with_trade_preferences = plan(employers, seekers, slots, preferences=on_trade)
    without = plan(employers, seekers, slots)
    for k in (1, 2, 3):
        capped = [JobSeeker(s.id, s.trades, None, min(k, s.max_interviews)) for s in seekers]
        assert served(result.assignments, k) == plan(
            employers, capped, slots, preferences=preferences).placed, (seed, k)
        assert served(with_trade_preferences.assignments, k) == served(
            without.assignments, k), (seed, k)
    assert with_trade_preferences.placed == without.placed


def test_preferences_place_more_preferred_pairs_than_the_plain_matching():
    # Over many fairs, preferences must make a difference (ignoring them fails here).
    with_preferences = without = 0
    for seed in range(200):
        employers, seekers, slots, interpreters, preferences = random_fair(random.Random(seed))
        trade = {pair: level for pair, level in preferences.items()
                 if any(s.id == pair[0] and e.id == pair[1] and s.trades & e.trades
                        for s in seekers for e in employers)}
        for result, counter in ((plan(employers, seekers, slots, interpreters, trade), 1),
                                (plan(employers, seekers, slots, interpreters), 0)):
            weight = sum(trade.get((a.jobseeker, a.employer), 0) for a in result.assignments)
            if counter:
                with_preferences += weight
            else:
                without += weight
    assert with_preferences > without * 1.2


def test_a_preference_never_costs_anyone_their_first_interview():
    # The old tiers gave seeker 0 both employers (mutual preferences) and seeker 1 nothing.
    employers = [Employer(1, frozenset("a"), 1, "1"), Employer(2, frozenset("a"), 1, "2")]
    seekers = [JobSeeker(0, frozenset("a")), JobSeeker(1, frozenset("a"))]
    result = plan(employers, seekers, 4, preferences={(0, 1): MUTUAL, (0, 2): MUTUAL})
    assert sorted(a.jobseeker for a in result.assignments) == [0, 1]
    # Within the round seeker 0 still gets a preferred one, never seeker 1's only option.
    seekers = [JobSeeker(0, frozenset("a")), JobSeeker(1, frozenset("b"))]
    employers = [Employer(1, frozenset("a"), 1, "1"), Employer(2, frozenset("ab"), 1, "2")]
    result = plan(employers, seekers, 4, preferences={(0, 2): MUTUAL})
    assert sorted((a.jobseeker, a.employer) for a in result.assignments) == [(0, 1), (1, 2)]
    result = plan(employers, [seekers[0]], 4, preferences={(0, 2): MUTUAL})
    assert [(a.jobseeker, a.employer) for a in result.assignments][0] == (0, 2)


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
def test_all_pairs_preferred_alike_or_none_give_exactly_the_plain_plan(seed):
    # All pairs mutual: nothing to choose between, so exactly the plain matching.
    rng = random.Random(seed)
    employers, seekers, slots, interpreters, _preferences = random_fair(rng)
    everything = {(s.id, e.id): MUTUAL for s in seekers for e in employers
                  if s.trades & e.trades}
    plain = plan(employers, seekers, slots, interpreters)
    preferred = plan(employers, seekers, slots, interpreters, preferences=everything)
    assert preferred.assignments == plain.assignments
    assert preferred.upper_bound == plain.upper_bound
    assert plan(employers, seekers, slots, interpreters, preferences={}).assignments \
        == plain.assignments


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
