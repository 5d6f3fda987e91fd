"""In Chromium: an editor submits a page, a reviewer and a moderator approve it, it goes live;
the Arabic page renders right to left; axe-core is clean in ar and de."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from home.models import ProgrammePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_with_roles(live_server):
    call_command("load_demo_content", verbosity=0)
    users = {}
    for username, group in (("erika", "Editors"), ("rita", "Reviewers"), ("mo", "Moderators")):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-Secret-1")
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return live_server


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-Secret-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def submit_edit_form(page, **fields):
    """Submit Wagtail's page edit form as its footer buttons do, with these extra fields."""
    page.evaluate(
        """(fields) => {
            const form = document.querySelector('form[data-edit-form]') || document.querySelector('#page-edit-form');
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
            }
            form.submit();
        }""",
        fields,
    )
    page.wait_for_load_state("networkidle")


def test_editor_submits_reviewer_and_moderator_approve_page_goes_live(site_with_roles, browser_page):
    page, base = browser_page, site_with_roles.url
    area = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    edit_url = f"{base}/admin/pages/{area.pk}/edit/"

    log_in(page, base, "erika")
    page.goto(edit_url)
    assert page.locator('button[name="action-publish"]').count() == 0  # editors cannot publish
    page.fill("textarea[name=summary]", "Neue Fassung aus dem Browser-Test.")
    submit_edit_form(page, **{"action-submit": "1"})
    area.refresh_from_db()
    assert area.summary != "Neue Fassung aus dem Browser-Test."  # not live yet

    for reviewer in ("rita", "mo"):
        log_in(page, base, reviewer)
        page.goto(edit_url)
        assert page.locator('[data-workflow-action-name="approve"]').count() >= 1
        submit_edit_form(page, **{"action-workflow-action": "1", "workflow-action-name": "approve"})

    area.refresh_from_db()
    assert area.summary == "Neue Fassung aus dem Browser-Test."
    page.goto(f"{base}/de/qualifizierung/")
    assert "Neue Fassung aus dem Browser-Test." in page.content()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_pages_accessible_in_german_and_arabic(site_with_roles, browser_page, axe_check, language):
    page = browser_page
    page.goto(f"{site_with_roles.url}/{language}/anerkennungsberatung/")
    expected = "rtl" if language == "ar" else "ltr"
    assert page.locator("html").get_attribute("dir") == expected
    assert page.evaluate("getComputedStyle(document.body).direction") == expected
    if language == "ar":
        # Mirrored: the language switcher sits on the left, the brand on the right.
        brand = page.locator(".brand").bounding_box()
        switcher = page.locator(".language-switcher").bounding_box()
        assert brand["x"] > switcher["x"]
        assert page.get_by_role("note").is_visible()  # not yet translated into Arabic
    axe_check(page)
