"""Editors' paths in the admin: one translate action, German workflow names, the review path
instead of a workflow-cancelling "Publish", and SQLite writers that wait instead of failing."""

import re
import threading

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.utils.translation import override
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage

GERMAN_WORKFLOW = "Zweistufige Prüfung"
GERMAN_TASKS = ["Inhaltliche Prüfung", "Freigabe zur Veröffentlichung"]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


@pytest.fixture
def german_page(home_page):
    page = StandardPage(title="Impressum", slug="impressum", summary="Angaben nach § 5 DDG.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def page_in_review(german_page, make_user):
    """A German page an editor has submitted: the workflow waits at its first task."""
    editor = make_user("erika", "Editors")
    german_page.summary = "Überarbeitete Angaben."
    german_page.save_revision(user=editor)
    german_page.get_workflow().start(german_page, editor)
    return german_page


def translate_links(html, page):
    """Every link in the HTML that starts a translation of `page`, whatever app offers it."""
    return re.findall(rf'href="(/admin/[^"]*/submit/page/{page.pk}/[^"]*)"', html)


@pytest.mark.django_db
def test_a_german_page_offers_exactly_one_translate_action(client, superuser, german_page,
                                                         home_page):
    client.force_login(superuser)
    edit = client.get(f"/admin/pages/{german_page.pk}/edit/").content.decode()
    assert translate_links(edit, german_page) == [
        f"/admin/localize/submit/page/{german_page.pk}/"]
    listing = client.get(f"/admin/pages/{home_page.pk}/").content.decode()
    assert translate_links(listing, german_page) == [
        f"/admin/localize/submit/page/{german_page.pk}/"]
    # The unsynchronised copy of simple_translation is not reachable at all.
    missing = client.get(f"/admin/translation/submit/page/{german_page.pk}/", follow=True)
    assert missing.status_code == 404


@pytest.mark.django_db
def test_workflow_and_tasks_are_named_in_german_in_the_admin(client, superuser):
    workflow = Workflow.objects.get(name=GERMAN_WORKFLOW)
    assert [task.name for task in workflow.tasks] == GERMAN_TASKS
    client.force_login(superuser)
    with override("de"):
        html = client.get("/admin/workflows/list/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert GERMAN_WORKFLOW in html and "Two-step review" not in html
    html = client.get("/admin/workflows/tasks/index/").content.decode()
    assert all(name in html for name in GERMAN_TASKS)
    assert "Content review" not in html and "Publication approval" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("group, task_index", [("Reviewers", 0), ("Moderators", 1)])
def test_reviewers_see_approve_and_no_publish_that_would_cancel_the_review(
        client, make_user, page_in_review, group, task_index):
    state = page_in_review.current_workflow_state
    if task_index == 1:
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, make_user("rita", "Reviewers"), "approve")
    user = make_user("reviewer", group)
    client.force_login(user)
    html = client.get(f"/admin/pages/{page_in_review.pk}/edit/").content.decode()
    assert 'data-workflow-action-name="approve"' in html
    assert 'name="action-publish"' not in html
    # Right after "Save draft", the review actions come first in the menu.
    menu = html[html.index("action-save"):]
    assert menu.index('data-workflow-action-name="approve"') < menu.index(
        f"/admin/pages/{page_in_review.pk}/unpublish/")


@pytest.mark.django_db
def test_administrators_keep_publish_but_after_the_review_actions(client, superuser,
                                                                  page_in_review):
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{page_in_review.pk}/edit/").content.decode()
    menu = html[html.index("action-save"):]
    assert menu.index('data-workflow-action-name="approve"') < menu.index('name="action-publish"')


def edit_form(page, **extra):
    """The page editor's form as the browser posts it (no comments, empty body)."""
    return nested_form_data({
        "title": page.title, "slug": page.slug, "summary": page.summary,
        "body": streamfield([]), "seo_title": "", "search_description": "",
        "go_live_at": "", "expire_at": "",
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0,
                     "MAX_NUM_FORMS": 1000},
        **extra,
    })


@pytest.mark.django_db
def test_a_reviewer_posting_publish_does_not_cancel_the_review(client, make_user, page_in_review):
    reviewer = make_user("rita", "Reviewers")
    state = page_in_review.current_workflow_state
    client.force_login(reviewer)
    response = client.post(f"/admin/pages/{page_in_review.pk}/edit/",
                           edit_form(page_in_review, **{"action-publish": "action-publish"}))
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page_in_review.refresh_from_db()
    assert page_in_review.summary == "Angaben nach § 5 DDG."  # still the approved text live


@pytest.mark.django_db
def test_a_reviewer_approving_through_the_admin_moves_the_review_on(client, make_user,
                                                                   page_in_review):
    client.force_login(make_user("rita", "Reviewers"))
    state = page_in_review.current_workflow_state
    response = client.post(f"/admin/pages/{page_in_review.pk}/edit/", edit_form(
        page_in_review, summary="Überarbeitete Angaben.",
        **{"action-workflow-action": "true", "workflow-action-name": "approve"}))
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.task.name == GERMAN_TASKS[1]


# SQLite: autosave and "submit for review" write at the same time ---------------------------

def test_sqlite_writers_wait_for_each_other_instead_of_failing():
    from cms.settings import base

    database = base.sqlite_database({"ENGINE": "django.db.backends.sqlite3", "NAME": "x.db"})
    options = database["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20
    assert "journal_mode=WAL" in options["init_command"]
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "x", "OPTIONS": {}}
    assert base.sqlite_database(dict(postgres)) == postgres
    if connection.vendor == "sqlite":
        assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_two_sqlite_writers_at_once_both_succeed(tmp_path, django_db_blocker):
    """Two requests (autosave, "submit for review") each read, then write, in one transaction
    at the same time: the second waits for the first, neither fails with "database is locked"
    (deferred transactions that upgrade from a read to a write lock did)."""
    default = connections["default"].settings_dict
    if default["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    aliases = ["writer_autosave", "writer_submit"]
    for alias in aliases:  # a file database of their own, with the site's connection options
        connections.settings[alias] = dict(default, NAME=str(tmp_path / "writers.db"))
    both_have_read, errors = threading.Barrier(2), []

    def write(alias):
        try:
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM notes")
                try:  # a writer already waiting for the other's lock does not come here in time
                    both_have_read.wait(timeout=1)
                except threading.BrokenBarrierError:
                    pass
                cursor.execute("INSERT INTO notes (text) VALUES (%s)", [alias])
        except Exception as error:  # noqa: BLE001 (collected for the assertion)
            errors.append(error)
        finally:
            connections[alias].close()

    with django_db_blocker.unblock():
        try:
            with connections[aliases[0]].cursor() as cursor:
                cursor.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            connections[aliases[0]].close()
            threads = [threading.Thread(target=write, args=(alias,)) for alias in aliases]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            with connections[aliases[0]].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM notes")
                assert cursor.fetchone()[0] == 2 - len(errors)
            connections[aliases[0]].close()
        finally:
            for alias in aliases:
                del connections.settings[alias]
    assert errors == []
