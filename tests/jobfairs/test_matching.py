"""The matching algorithm on its own: invariants on seeded random instances, optimality against
brute force on small ones, fairness, and the upper bound without interpreter limits."""

import itertools
import random

import pytest

from jobfairs.matching import Employer, JobSeeker, check, plan

TRADES = "abcd"


def instance(rng, employers, seekers, slots, interpreter_share=0.3, languages=("ar", "fa")):
    E = [Employer(i, frozenset(rng.sample(TRADES, rng.randint(1, 2))), rng.randint(1, slots),
                  f"T{i}") for i in range(employers)]
    S = [JobSeeker(100 + j, frozenset(rng.sample(TRADES, rng.randint(1, 2))),
                   rng.choice(languages) if rng.random() < interpreter_share else None,
                   rng.randint(1, 3)) for j in range(seekers)]
    interpreters = {(language, s): rng.randint(0, 1) for language in languages
                    for s in range(slots)}
    return E, S, interpreters


def random_instances(rng, rounds, slots, employers, seekers, **options):
    """`rounds` random instances drawn from `rng`, as (slots, E, S, interpreters): the number of
    slots, employers and job-seekers each drawn from its (lowest, highest) range, in that order.
    Lazy, so that a caller may draw from `rng` between two instances."""
    for _ in range(rounds):
        count = rng.randint(*slots)
        yield count, *instance(rng, rng.randint(*employers), rng.randint(*seekers), count,
                               **options)


def brute_force(E, S, slots, interpreters):
    """The largest number of interviews any valid timetable places (exhaustive search)."""
    pairs = [(s, e) for s in S for e in E if s.trades & e.trades]
    best = 0

    def search(i, busy, used, count_s, count_e, placed):
        nonlocal best
        if placed + len(pairs) - i <= best:
            return
        if i == len(pairs):
            best = placed
            return
        search(i + 1, busy, used, count_s, count_e, placed)
        s, e = pairs[i]
        if count_s[s.id] >= s.max_interviews or count_e[e.id] >= e.capacity:
            return
        for k in range(slots):
            if ("s", s.id, k) in busy or ("t", e.table, k) in busy:
                continue
            if s.interpreter and used[(s.interpreter, k)] >= interpreters.get((s.interpreter, k), 0):
                continue
            busy |= {("s", s.id, k), ("t", e.table, k)}
            used[(s.interpreter, k)] += 1
            count_s[s.id] += 1
            count_e[e.id] += 1
            search(i + 1, busy, used, count_s, count_e, placed + 1)
            busy -= {("s", s.id, k), ("t", e.table, k)}
            used[(s.interpreter, k)] -= 1
            count_s[s.id] -= 1
            count_e[e.id] -= 1

    from collections import Counter
    search(0, set(), Counter(), Counter(), Counter(), 0)
    return best


@pytest.mark.parametrize("seed", range(5))
def test_no_double_booking_shared_trade_and_interpreters_on_random_instances(seed):
    for slots, E, S, interpreters in random_instances(random.Random(seed), 20, slots=(1, 8),
                                                      employers=(1, 10), seekers=(1, 40)):
        result = plan(E, S, slots, interpreters)
        assert check(result, E, S, slots, interpreters) == []
        assert result.placed <= result.upper_bound <= result.requested


def test_places_as_many_as_brute_force_on_small_instances():
    for slots, E, S, interpreters in random_instances(random.Random(42), 150, slots=(1, 3),
                                                      employers=(1, 3), seekers=(1, 5)):
        result = plan(E, S, slots, interpreters)
        assert result.placed == brute_force(E, S, slots, interpreters), (E, S, interpreters)


def test_without_interpreter_limits_the_flow_upper_bound_is_reached():
    for slots, E, S, _ in random_instances(random.Random(7), 30, slots=(2, 10),
                                           employers=(2, 12), seekers=(5, 60),
                                           interpreter_share=0):
        result = plan(E, S, slots)
        assert result.placed == result.upper_bound


def test_everyone_gets_a_first_interview_before_anyone_gets_a_second():
    # One employer with two interviews; three candidates. Two different people get one each.
    E = [Employer(1, frozenset("a"), 2, "1")]
    S = [JobSeeker(i, frozenset("a"), None, 3) for i in range(3)]
    result = plan(E, S, 6)
    assert sorted(a.jobseeker for a in result.assignments) in ([0, 1], [0, 2], [1, 2])
    for slots, E, S, _ in random_instances(random.Random(3), 30, slots=(2, 6), employers=(1, 6),
                                           seekers=(5, 30), interpreter_share=0):
        with_one = {a.jobseeker for a in plan(E, S, slots).assignments}
        only_one = plan(E, [JobSeeker(s.id, s.trades, None, 1) for s in S], slots)
        assert len(with_one) == only_one.placed  # as many people served as at most possible


def test_interpreter_interviews_only_where_an_interpreter_is_free():
    E = [Employer(i, frozenset("a"), 4, str(i)) for i in range(3)]
    S = [JobSeeker(10 + i, frozenset("a"), "ar", 3) for i in range(3)]
    interpreters = {("ar", 0): 1, ("ar", 2): 2}
    result = plan(E, S, 4, interpreters)
    assert check(result, E, S, 4, interpreters) == []
    assert sorted(a.slot for a in result.assignments) == [0, 2, 2]
    assert all(a.interpreter == "ar" for a in result.assignments)


def test_shared_table_is_never_used_twice_in_a_slot():
    E = [Employer(1, frozenset("a"), 3, "A"), Employer(2, frozenset("a"), 3, "A")]
    S = [JobSeeker(i, frozenset("a"), None, 2) for i in range(6)]
    result = plan(E, S, 3)
    assert check(result, E, S, 3) == [] and result.placed == 3
    assert len({(a.table, a.slot) for a in result.assignments}) == 3


def test_nobody_matches_without_a_shared_trade():
    result = plan([Employer(1, frozenset("a"), 5)], [JobSeeker(2, frozenset("b"))], 5)
    assert result.placed == 0 and result.upper_bound == 0


def test_pairs_are_never_repeated():
    E = [Employer(1, frozenset("a"), 5, "1")]
    S = [JobSeeker(2, frozenset("a"), None, 5)]
    assert plan(E, S, 5).placed == 1
    assert list(itertools.islice(plan(E, S, 5).assignments, 2))[0].slot == 0
