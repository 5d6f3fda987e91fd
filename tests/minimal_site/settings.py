"""A second Wagtail site that installs only the `events` and `trainings` plugins (issue 15).

No home, cms, jobfairs or directory: what the README's "Installing the plugins into another
Wagtail site" promises, nothing more. Runs from any directory (the plugins may be installed
wheels); the database is a file under MINIMAL_SITE_DATA or the system's temp dir.
"""

import os
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("MINIMAL_SITE_DATA") or tempfile.gettempdir())

SECRET_KEY = "minimal-site-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "minimal_site.urls"
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
LANGUAGE_CODE = "de"
WAGTAIL_I18N_ENABLED = True
# Pages in German and English; registrants may choose any language the plugins speak.
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES + [("ar", "العربية"), ("fa", "فارسی"), ("uk", "Українська"),
                                         ("ru", "Русский")]
WAGTAIL_SITE_NAME = "Minimal Site"
WAGTAILADMIN_BASE_URL = "https://termine.example.org"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "events",
    "trainings",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [HERE / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.template.context_processors.i18n",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": str(DATA / "minimal_site.sqlite3")}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_URL = "/static/"
MEDIA_ROOT = str(DATA / "media")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The registration form without the bot timer (requests follow each other at once here).
REGISTRATION_MIN_SUBMIT_SECONDS = 0
REGISTRATION_RATE_LIMIT = "0"
