"""Settings that hold everywhere: apps, middleware, languages, Wagtail."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    # The site
    "home",
    # The plugins (each could be installed into another Wagtail site on its own)
    "events",
    "trainings",
    "jobfairs",
    "directory",
    # Wagtail
    # The headless API: schema, docs, preview (cms/headless)
    "cms",
    "corsheaders",
    "wagtail_headless_preview",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
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
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware: answers CORS preflights for /api/ (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    # ETag on every GET answer that has none, 304 for a matching If-None-Match (Django's).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, without redirecting API 404s to /de/… (cms/headless).
    "cms.headless.middleware.LocaleMiddleware",
    # NUL and other control characters in the URL: 400 in the visitor's language (events).
    "events.middleware.ControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous page views from the shared cache (cms/pagecache.py).
    "cms.pagecache.PageCacheMiddleware",
    # The request's Wagtail Site from the cache (rendered requests only, cms/sites.py).
    "cms.sites.SiteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}


def sqlite_database(database):
    """On SQLite, writers queue for the lock instead of failing with "database is locked" (the
    editor's autosave beside "submit for review"): transactions take the write lock when they
    begin and wait up to 20 s for it; WAL lets readers go on meanwhile."""
    if database.get("ENGINE") == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update({
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        })
    return database


sqlite_database(DATABASES["default"])

# Local memory by default; REDIS_URL shares the cache between app servers.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "iq"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages from that cache (cms/pagecache.py): seconds an entry lives; 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Each item of a pages listing (cms/headless/items.py), whatever the URL; 0 turns it off.
PAGE_CACHE_API_ITEM_SECONDS = int(os.environ.get("PAGE_CACHE_API_ITEM_SECONDS", "30"))
# Optional front-end cache or CDN in front of the app servers: an HTTP purger (Varnish, nginx)
# at FRONTEND_CACHE_URL is told of every published or unpublished page; pages carry
# `s-maxage=FRONTEND_CACHE_SECONDS` so other changes (snippets, places left) age out there.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "60")) if FRONTEND_CACHE_URL else 0
if FRONTEND_CACHE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source; ar and fa are right to left.
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "IQ Netzwerk Sachsen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Site search (home/search.py): PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite.
# One index serves six languages, so PostgreSQL parses every text with the language-neutral
# "simple" configuration (no stemming or stop words of one language applied to the others;
# Arabic and Cyrillic words stay intact). Run `manage.py update_index` after changing it.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
# Templates ask for WebP with a JPEG fallback ({% picture %} in events/includes/picture.html).
# Renditions without a format filter (the API's sizes) keep WebP as WebP and turn AVIF, BMP
# and HEIC uploads into formats every browser shows (Wagtail's default makes WebP a large PNG).
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "avif": "jpeg", "bmp": "jpeg", "heic": "jpeg"}
WAGTAILIMAGES_JPEG_QUALITY = 80
WAGTAILIMAGES_WEBP_QUALITY = 78

# Mails leave through Django's tasks framework; the database backend keeps a
# task until a worker (`manage.py db_worker`) has sent it, so a failing mail
# server never loses one. Dev and tests run tasks immediately.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IQ Netzwerk Sachsen <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "wagtailadmin_login"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
    # Every write under the API counts against API_WRITE_RATE_LIMIT per client address
    # (events.registration.ratelimit, the one limiter); reads are not limited.
    "DEFAULT_THROTTLE_CLASSES": ["events.registration.throttling.APIWriteThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The OpenAPI document at /api/schema/ (drf-spectacular; Wagtail's endpoints in cms/headless/schema.py).
SPECTACULAR_SETTINGS = {
    # Two German-level choice lists (a job-seeker's level, a posting's requirement with "none"):
    # stable names for clients instead of hashed ones.
    "ENUM_NAME_OVERRIDES": {"RequiredGermanLevelEnum": "jobfairs.models.postings.GermanLevel"},
    "TITLE": "IQ Netzwerk Sachsen API",
    "DESCRIPTION": (
        "Content and registration API for front ends and partners. Reading needs no key. "
        "Listings paginate with `limit`/`offset` and report `meta.total_count`; answers carry "
        "an ETag (send If-None-Match for 304). Errors are JSON: `{\"detail\": \"…\"}` or "
        "`{\"errors\": {\"field\": [\"…\"]}}`. Timestamps are ISO 8601 with an offset."),
    "VERSION": "2.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The document reads locales from the database; `check --deploy` runs before a database
    # may be reachable. The schema is validated by tests/api instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "SCHEMA_PATH_PREFIX": r"/api/v2",
    "PREPROCESSING_HOOKS": ["cms.headless.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.headless.schema.add_wagtail_endpoints",
        "events.registration.serializers.add_body_rules",
    ],
}

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

LANGUAGE_NAMES = {
    "de": _("German"),
    "en": _("English"),
    "ar": _("Arabic"),
    "fa": _("Persian"),
    "uk": _("Ukrainian"),
    "ru": _("Russian"),
}

# Each plugin's demo content, run by `manage.py load_demo_content` after the site's own pages.
DEMO_CONTENT_LOADERS = [
    "events.demo.load",
    "jobfairs.demo.load",
    "trainings.demo.load",
    "directory.demo.load",
]

# Registration engine (events/registration); every value has a default there, see the README.
REGISTRATION_RATE_LIMIT = os.environ.get("REGISTRATION_RATE_LIMIT", "10/m")
# Reverse proxies in front of the app that append to X-Forwarded-For (0: clients connect
# directly). Rate limits key on the client's address; `manage.py check` validates the number.
EVENTS_TRUSTED_PROXY_COUNT = os.environ.get("TRUSTED_PROXY_COUNT", "0")
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "180"))
REGISTRATION_CONSENT_VERSION = os.environ.get("REGISTRATION_CONSENT_VERSION", "2026-01")
EVENTS_PRIVACY_PAGE_URL_RESOLVER = "home.privacy.privacy_page_url"
# Calendar UIDs published before the plugins took the host from WAGTAILADMIN_BASE_URL: keep them.
EVENTS_UID_DOMAIN = "iq-sachsen.de"

# Trainings (README "Trainings"): who hears of in-house requests – these addresses, or else
# the active users of the group.
TRAININGS_NOTIFY_EMAILS = env_list("TRAININGS_NOTIFY_EMAILS")
TRAININGS_NOTIFY_GROUP = "Training editors"
TRAININGS_FUNDING_NOTICE = (
    "Das Förderprogramm „Integration durch Qualifizierung (IQ)“ wird durch das "
    "Bundesministerium für Arbeit und Soziales und die Bundesagentur für Arbeit gefördert.")

# Directory: Saxony's map and region; the districts are home/data/districts.json (loaded by
# home's migration 0006, or `manage.py load_districts`).
DIRECTORY_MAP_SVG = BASE_DIR / "home" / "data" / "saxony-districts.svg"
DIRECTORY_ADDRESS_REGION = "Sachsen"

# Job fairs (README "Job fairs"): the recognition counselling centre of a job-seeker's district
# comes from the directory's responsibility matrix, wired by the site (cms/integrations.py).
JOBFAIRS_COUNSELLING_LOOKUP = "cms.integrations.recognition_counselling"
JOBFAIRS_DISTRICT_CHOICES = "cms.integrations.district_choices"

# Editorial workflow: notifications of submissions, approvals and comments by e-mail.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Translation (wagtail-localize): translations stay synchronised with the German source and
# are flagged when it changes. Machine translation only when a DeepL key is configured.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }

# Headless API (README "API"): CORS for the listed front ends only, no cookies across origins.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = (
    "accept", "accept-language", "content-type", "idempotency-key", "if-none-match",
    "if-modified-since",
)
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After", "Idempotent-Replayed")
# Per client address, every POST/PUT/PATCH/DELETE under /api/: "30/m", "500/h"; "0" = none.
API_WRITE_RATE_LIMIT = os.environ.get("API_WRITE_RATE_LIMIT", "30/m")
# Serve examples/ at /examples/ (the headless demo front end); on in DEBUG.
SERVE_EXAMPLES = os.environ.get("SERVE_EXAMPLES", "").lower() in ("1", "true", "yes")
# Editors preview drafts in this front end; empty = Wagtail's own preview.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": os.environ.get("HEADLESS_PREVIEW_URL", "")},
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": False,
}
# How long a preview token stays valid (seconds).
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", str(60 * 60 * 24)))
