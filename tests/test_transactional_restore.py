"""A transactional test's flush takes the data migrations create (site, home page, groups); the
suite puts it back for the tests after it, also when only the `django_db` marker asks for
transactions. Before, such a test (the PostgreSQL group and reminder races) left its worker
without a site and hundreds of later tests failed in CI's PostgreSQL run."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_by_marker_only_starts_from_the_migrated_state():
    assert Site.objects.filter(is_default_site=True).exists()


@pytest.mark.django_db
def test_the_next_test_still_has_the_site_and_the_groups():
    # Runs after the one above (same file, same worker): its flush must have been repaired.
    assert Site.objects.filter(is_default_site=True).exists()
    assert Group.objects.filter(name="Editors").exists()
