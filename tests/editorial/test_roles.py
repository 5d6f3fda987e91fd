"""Each editorial role can do what it should and no more."""

import pytest
from wagtail.models import Locale, Page

from home.models import ProgrammePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(demo_content):
    return ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")


def test_editors_create_and_edit_but_never_publish(make_user, area):
    editor = make_user("erika", "Editors")
    permissions = area.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()


def test_reviewers_publish_and_lock(make_user, area):
    reviewer = make_user("rita", "Reviewers")
    permissions = area.permissions_for_user(reviewer)
    assert permissions.can_publish()
    assert permissions.can_lock()


def test_translators_translate_but_do_not_publish(make_user, area):
    translator = make_user("tarek", "Translators")
    assert translator.has_perm("wagtail_localize.submit_translation")
    permissions = area.permissions_for_user(translator)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    english = area.get_translation(Locale.objects.get(language_code="en"))
    assert not english.permissions_for_user(translator).can_publish()


def test_only_registration_managers_see_personal_data(make_user, client):
    editor = make_user("erika", "Editors")
    manager = make_user("maria", "Registration managers")
    reviewer = make_user("rita", "Reviewers")
    for user in (editor, reviewer):
        assert not user.has_perm("events.view_registration")
        assert not user.has_perm("events.export_registration")
    assert manager.has_perm("events.view_registration")
    assert manager.has_perm("events.export_registration")
    client.force_login(editor)
    assert client.get("/admin/snippets/events/registration/").status_code in (302, 403)
    client.force_login(manager)
    assert client.get("/admin/snippets/events/registration/").status_code == 200


def test_registration_managers_and_district_editors_cannot_edit_pages(make_user, area):
    for group in ("Registration managers", "District editors"):
        user = make_user(group.split()[0].lower(), group)
        assert not area.permissions_for_user(user).can_edit()
        assert not Page.objects.get(depth=1).permissions_for_user(user).can_add_subpage()


def test_vocabularies_editable_by_editors_translatable_by_translators(make_user):
    editor = make_user("erika", "Editors")
    translator = make_user("tarek", "Translators")
    assert editor.has_perm("events.add_venue") and editor.has_perm("events.change_category")
    assert not editor.has_perm("events.delete_category")
    assert translator.has_perm("events.change_category")
    assert not translator.has_perm("events.add_category")
