"""Shared fixtures: the site's page tree, languages, and the Chromium browser."""

import importlib
import os
import shutil

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Site

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Data migrations (groups, reference data) that transactional tests need back after a flush:
# "module.function" taking (apps, schema_editor).
RESTORE_DATA_MIGRATIONS = [
    # A permission made by a migration, not by a model (the post-migrate signal misses it).
    "wagtail_localize.migrations.0006_create_submit_translation_permission"
    ".create_submit_translation_permission",
    "events.migrations.0003_registration_managers_group.forwards",
    "directory.migrations.0002_districts_and_editor_group.forwards",
    "trainings.migrations.0002_training_editors_group.forwards",
    "home.migrations.0004_editorial_roles_and_workflow.forwards",
    "home.migrations.0005_german_workflow_names.forwards",
    "home.migrations.0007_registration_mail_text_permissions.forwards",
    "jobfairs.migrations.0002_partner_counsellors_group.forwards",
    "jobfairs.migrations.0005_job_postings_and_profiles.grant_review",
    "events.migrations.0009_registration_statistics_backfill.permissions",
    # Again, now that home's migration has re-created the Editors group it grants to (Wagtail's
    # own migration made that group first; a flush takes it).
    "events.migrations.0003_registration_managers_group.forwards",
]

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls
# from a thread with a running loop unless told that this is safe (it is: no async code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Tests whose outcome does not depend on the database backend (catalogues, packaging, settings
# checks in subprocesses): CI runs them once, in the SQLite run (`-m "not backend_agnostic"`).
BACKEND_AGNOSTIC = ("tests/test_catalogues.py", "tests/test_wheels.py",
                    "tests/test_minimal_site.py", "tests/home/test_settings.py")


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only and browser tests with the reason where the machine lacks them."""
    on_postgres = "postgres" in os.environ.get("DATABASE_URL", "")
    has_chromium = shutil.which(CHROMIUM) is not None
    try:
        import playwright  # noqa: F401
    except ImportError:
        has_chromium = False
    # CI must run them: a skipped browser test there, or a PostgreSQL run on SQLite, is a failure.
    if os.environ.get("CI") == "true":
        if not has_chromium and any("browser" in item.keywords for item in items):
            raise pytest.UsageError(f"CI=true but no Chromium at {CHROMIUM}: browser tests would skip")
        if os.environ.get("REQUIRE_POSTGRES") == "1" and not on_postgres:
            raise pytest.UsageError("CI=true and REQUIRE_POSTGRES=1 but DATABASE_URL is not PostgreSQL")
    for item in items:
        if item.nodeid.startswith(BACKEND_AGNOSTIC):
            item.add_marker(pytest.mark.backend_agnostic)
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(
                reason="needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)"))
        if "browser" in item.keywords and not has_chromium:
            item.add_marker(pytest.mark.skip(
                reason=f"needs Chromium at {CHROMIUM} and the playwright package (make install)"))


@pytest.fixture(autouse=True)
def _settings_restored():
    """Fail the test that leaves Django's settings changed. An `@override_settings` on a test
    that also changes the `settings` fixture leaked both into every later test of the worker:
    the feed and API caches stayed off and their tests failed only in full runs."""
    from django.conf import settings

    before = settings._wrapped
    yield
    assert settings._wrapped is before, "this test left Django's settings overridden"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages and counts of one test's database
    must not answer the next test's requests."""
    from django.core.cache import cache

    cache.clear()


def _uses_transactions(item):
    """Whether the test runs outside a rolled-back transaction (its end flushes every table):
    by fixture or by `django_db(transaction=True)` alone, which adds no fixture name."""
    names = getattr(item, "fixturenames", ())
    if "transactional_db" in names or "live_server" in names:
        return True
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return False
    transaction = marker.kwargs.get("transaction", marker.args[0] if marker.args else False)
    return bool(transaction or marker.kwargs.get("reset_sequences"))


def restore_migration_data():
    """Put back the page root, locales, home page, site, groups and reference data that
    migrations create, when a flush took them."""
    from django.apps import apps
    from wagtail.models import Collection, Page

    if Site.objects.exists():
        return
    if not Page.objects.filter(depth=1).exists():
        source, _created = Locale.objects.get_or_create(language_code="de")
        Page.add_root(instance=Page(title="Root", slug="root", locale=source))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")  # as wagtailcore's migration leaves it
    homepage_migration = importlib.import_module("home.migrations.0002_locales_and_homepage")
    homepage_migration.forwards(apps, None)
    for migration in RESTORE_DATA_MIGRATIONS:
        module_name, function_name = migration.rsplit(".", 1)
        getattr(importlib.import_module(module_name), function_name)(apps, None)


@pytest.fixture(autouse=True)
def _restore_migration_data(request):
    """Transactional tests (live server, concurrency) start from the state `migrate` leaves,
    even when an earlier one's flush took it."""
    if _uses_transactions(request.node):
        request.getfixturevalue("transactional_db")
        restore_migration_data()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test flushes every table when it ends, taking the migrations' data with
    it. Put that back once the flush is done (after every fixture's teardown), so the tests
    after it see the database `migrate` left: with pytest-xdist they run in any order."""
    result = yield
    # After the last test the test database is gone (the connection points at the real one).
    if _uses_transactions(item) and nextitem is not None:
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restore_migration_data()
    return result


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    """The German home page that the migration creates as the site root."""
    return site.root_page.specific


@pytest.fixture
def home_page_en(home_page, locales):
    page = home_page.copy_for_translation(locales["en"])
    page.title = "IQ Network Saxony"
    page.save_revision().publish()
    return page.specific


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def on_postgres():
    return connection.vendor == "postgresql"


# Browser ------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core in the page; fail on serious or critical violations and on
    incomplete ("needs review") colour-contrast and ARIA results."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        violations = [
            violation for violation in results.response["violations"]
            if violation.get("impact") in ("serious", "critical")
        ]
        # "Needs review" is a failure too for contrast and ARIA: axe could not decide, so the
        # page must be made decidable (solid backgrounds, valid roles and references).
        for result in results.response["incomplete"]:
            if not result["id"].startswith(("color-contrast", "aria-")):
                continue
            # Wagtail's own editor toolbar (shown to logged-in editors only) is not the site's.
            nodes = [node for node in result["nodes"]
                     if "wagtail-userbar" not in str(node["target"][0])]
            if nodes:
                violations.append({**result, "nodes": nodes})
        assert not violations, "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} – "
            + "; ".join(str(node["target"][0]) for node in v["nodes"][:5])
            for v in violations
        )
        return results

    return check


# Parallel requests ----------------------------------------------------------

@pytest.fixture
def run_parallel():
    """`run_parallel(call, arguments, refused=..., busy=...)` → Outcomes: threads released
    together by a barrier, for the PostgreSQL race tests (see tests/parallel.py)."""
    from tests.parallel import run_parallel

    return run_parallel
