"""Benchmark of the interview matching: 300 job-seekers, 40 employers, 12 slots, interpreters.

Pure algorithm, no Django needed. Prints the time and how many requested interviews were
placed against the upper bound (the flow value no timetable can exceed).

    .venv/bin/python bench/bench_matching.py [--seed N] [--runs N]
"""

import argparse
import pathlib
import random
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from jobfairs.matching import Employer, JobSeeker, check, plan  # noqa: E402

TRADES = ["maurer", "fliesenleger", "parkettleger", "zimmerer", "elektroniker",
          "anlagenmechaniker-shk", "maler", "dachdecker"]
LANGUAGES = ["ar", "fa", "uk", "ti"]


def instance(seed, seekers=300, employers=40, slots=12):
    rng = random.Random(seed)
    E = [Employer(i, frozenset(rng.sample(TRADES, rng.randint(1, 3))), rng.randint(4, 12),
                  str(i + 1)) for i in range(employers)]
    S = [JobSeeker(1000 + j, frozenset(rng.sample(TRADES, rng.randint(1, 3))),
                   rng.choice(LANGUAGES) if rng.random() < 0.25 else None, 3)
         for j in range(seekers)]
    # Interpreters: two per language in the morning, one in the afternoon.
    interpreters = {(language, s): 2 if s < slots // 2 else 1
                    for language in LANGUAGES for s in range(slots)}
    return E, S, slots, interpreters


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = []
    for run in range(args.runs):
        E, S, slots, interpreters = instance(args.seed + run)
        started = time.perf_counter()
        result = plan(E, S, slots, interpreters)
        times.append(time.perf_counter() - started)
        problems = check(result, E, S, slots, interpreters)
        print(f"run {run + 1}: {times[-1] * 1000:7.1f} ms  placed {result.placed} of "
              f"{result.upper_bound} placeable ({result.requested} requested, capped by "
              f"employer capacity and slots)  people with ≥1: "
              f"{len({a.jobseeker for a in result.assignments})}/{len(S)}  "
              f"violations: {len(problems)}")
        if problems or result.placed < result.upper_bound:
            print("  NOT OPTIMAL or INVALID:", problems[:3])
    print(f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
          f"(target < 2000 ms)")


if __name__ == "__main__":
    main()
