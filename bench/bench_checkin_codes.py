"""Benchmark of the typed check-in code: finding a registration by its short code computes the
code (HMAC-SHA256) of every registration of the date, then of the dates around it (to answer
"another date"). Prints the time per look-up for a date of N registrations and a neighbourhood
of M, without the database (which adds one indexed query per step).

    .venv/bin/python bench/bench_checkin_codes.py [--date 500] [--around 20000] [--runs 20]
"""

import argparse
import os
import pathlib
import secrets
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from events.registration import tickets  # noqa: E402


def lookup(references, code):
    return tickets.find_code(references, code)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", type=int, default=500)
    parser.add_argument("--around", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    date = [secrets.token_urlsafe(24) for _ in range(args.date)]
    around = [secrets.token_urlsafe(24) for _ in range(args.around)]
    last_of_date = tickets.normalise_code(tickets.short_code(date[-1]))
    unknown = tickets.normalise_code("ZZZZ-ZZZZ")
    for label, references, code in (
            (f"code of the date (worst case: last of {args.date})", date, last_of_date),
            (f"unknown code ({args.date} + {args.around} around)", date + around, unknown)):
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            lookup(references, code)
            times.append(time.perf_counter() - start)
        print(f"{label}: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
