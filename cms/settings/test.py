"""Test settings: fast hashing, in-memory mail, tasks run immediately."""

import os

from .base import *  # noqa: F401,F403
from .base import CACHES, REDIS_URL

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Registration: no rate limit and no minimum fill-in time unless a test switches them on.
REGISTRATION_RATE_LIMIT = "0"
REGISTRATION_MIN_SUBMIT_SECONDS = 0
# API writes: no per-client limit unless a test switches it on (tests/api/test_cors_ratelimit.py).
API_WRITE_RATE_LIMIT = "0"

# `make test` runs pytest-xdist workers side by side; each gets its own test database
# (pytest-django) and, here, its own Redis database, since tests clear the cache they use.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _base, _, _db = REDIS_URL.rpartition("/")
    _db = int(_db) if _db.isdigit() else 0
    CACHES["default"]["LOCATION"] = f"{_base}/{(_db + 1 + int(_worker[2:])) % 16}"
