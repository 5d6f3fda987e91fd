import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@pytest.fixture
def make_user(db):
    def make(username, *group_names):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.set(Group.objects.filter(name__in=group_names))
        assert user.groups.count() == len(group_names), "missing group from a migration"
        return user

    return make
