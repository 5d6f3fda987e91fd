"""The admin's registrations chooser is for registration managers only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db
NAMESPACE = "wagtailsnippetchoosers_events_registration"


@pytest.fixture
def user_in(django_user_model):
    def build(group):
        user = django_user_model.objects.create_user(f"user-{group}", password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user
    return build


def chooser_urls(registration):
    return [reverse(f"{NAMESPACE}:choose"), reverse(f"{NAMESPACE}:choose_results"),
            reverse(f"{NAMESPACE}:chosen", args=[registration.pk]),
            reverse(f"{NAMESPACE}:chosen_multiple") + f"?id={registration.pk}"]


def test_editors_cannot_list_registrations_through_the_chooser(client, user_in, option, register):
    registration = register(option, name="Secret Person")
    editor = user_in("Editors")
    assert editor.has_perm("wagtailadmin.access_admin")
    client.force_login(editor)
    for url in chooser_urls(registration):
        response = client.get(url)
        # Wagtail answers a refused admin view with a redirect to the dashboard.
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or response["Location"] == "/admin/"
        assert registration.reference[:8] not in response.content.decode()


def test_registration_managers_choose_registrations(client, user_in, option, register):
    registration = register(option, name="Ada Lovelace")
    client.force_login(user_in("Registration managers"))
    for url in chooser_urls(registration):
        response = client.get(url)
        assert response.status_code == 200, url
    results = client.get(reverse(f"{NAMESPACE}:choose_results")).content.decode()
    assert registration.reference[:8] in results
