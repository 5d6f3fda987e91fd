"""One-time form tokens: a double submit lands on the first result; a failed submit can be sent again.

    with onetime.claim("registration", token) as claim:
        if claim.fresh:
            claim.done(do_the_work().reference)
    claim.result  # the first submit's result, or None while it is still running

A claim that ends without `done()` (an error message, an exception) releases the token, so the
visitor can correct the form and send it with the same token.
"""

from contextlib import contextmanager

from django.core.cache import cache

TOKEN_SECONDS = 60 * 60 * 24  # as long as the form's signed timestamp is accepted


class Claim:
    def __init__(self, key, fresh, result):
        self.key, self.fresh, self.result = key, fresh, result

    def done(self, result):
        self.result = str(result)


@contextmanager
def claim(scope, token, seconds=TOKEN_SECONDS):
    key = f"events:form-token:{scope}:{token}"
    # cache.add is atomic in Redis and in the local-memory cache: one submit wins the token.
    fresh = cache.add(key, "", seconds)
    current = Claim(key, fresh, None if fresh else (cache.get(key) or None))
    if not fresh:
        yield current
        return
    try:
        yield current
    finally:
        if current.result:
            cache.set(key, current.result, seconds)
        else:
            cache.delete(key)
