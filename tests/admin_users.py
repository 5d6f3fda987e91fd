"""Admin users that several test modules sign in the same way."""

from django.contrib.auth.models import Group


def signed_in_member(client, django_user_model, username, group):
    """`client`, signed in as a new user `username` (e-mail <username>@example.org, password
    "pw") who belongs to the group named `group` and to no other."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client
