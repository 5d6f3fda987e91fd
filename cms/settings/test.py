"""Test settings: fast hashing, in-memory mail, tasks run immediately."""

from .base import *  # noqa: F401,F403

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
