"""Parallel requests for the PostgreSQL race tests: threads that start together, as a server's
workers do, and record what each request's user would have been told."""

import threading
import time
from dataclasses import dataclass, field

from django.db import connection

# A "busy" (the API's 503 with Retry-After) is tried again as a client is told to, a few times
# at most: the tests then prove the outcome whatever the machine's load, and a "busy" that
# outlasts the retries is still recorded.
BUSY_ATTEMPTS = 5
BUSY_PAUSE = 0.05  # seconds, times the attempt number


@dataclass
class Outcomes:
    """What the parallel calls came back with: `results` (return values) and `errors` (the
    refused calls' `code`, or the repr of any other exception: that one would be a 500)."""

    results: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def codes(self):
        """Every call's outcome as one list: "ok" for each success, then the error codes."""
        return ["ok"] * len(self.results) + self.errors


def retrying(call, busy, attempts=BUSY_ATTEMPTS, pause=BUSY_PAUSE):
    """`call` as a client sees it: an exception of the class(es) `busy` is tried again."""

    def attempt(*args, **kwargs):
        for number in range(1, attempts + 1):
            try:
                return call(*args, **kwargs)
            except busy:
                if number == attempts:
                    raise
                time.sleep(pause * number)

    return attempt


def run_parallel(call, arguments, *, refused=(), busy=None, attempts=BUSY_ATTEMPTS):
    """Call `call(*args)` for every tuple in `arguments`, each in its own thread, all released at
    once by a barrier, and return their `Outcomes`.

    `refused`: the exception class(es) a rule raises with a `code` (recorded by that code).
    `busy`: the class(es) meaning "try again shortly" (retried up to `attempts` times).
    Each thread connects to the database before the start, as a server's workers are: the
    requests then race for the row lock, not for PostgreSQL's connection set-up.
    """
    arguments = [args if isinstance(args, tuple) else (args,) for args in arguments]
    if busy is not None:
        call = retrying(call, busy, attempts=attempts)
    # A thread that never reaches the barrier breaks it for the others instead of hanging them.
    barrier = threading.Barrier(len(arguments), timeout=60)
    outcomes = Outcomes()
    lock = threading.Lock()

    def worker(args):
        try:
            connection.ensure_connection()
            barrier.wait()
            value = call(*args)
            with lock:
                outcomes.results.append(value)
        except refused as error:
            with lock:
                outcomes.errors.append(getattr(error, "code", repr(error)))
        except Exception as error:  # anything else would be a 500
            with lock:
                outcomes.errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(args,)) for args in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
