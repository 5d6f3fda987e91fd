"""The API reads a date's option with SQL compiled once per connection
(`sources.public_option_by_id`): each call must still see the page's current state and the
current time, and read exactly what the queryset reads."""

import datetime

import pytest
from django.db import connections
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.registration import sources

pytestmark = pytest.mark.django_db
connection = connections["default"]  # the connection object, as the API uses it


@pytest.mark.postgres
def test_the_query_is_prepared_on_this_database():
    # Without the placeholders found in the SQL, every request would compile it again.
    assert sources._prepared_option_query(connection) is not None


@pytest.mark.postgres
def test_the_prepared_query_reads_what_the_queryset_reads(make_option):
    option = make_option(capacity=7)
    values = {"occurrence": option.occurrence_id, "kind": "attendee", "part": "",
              "now": timezone.now()}
    expected = sources._option_queryset(**values).first()
    got = sources._prepared_option_query(connection).first(values)
    assert got is not None and got.pk == expected.pk == option.pk
    for name in ("page_is_public", "page_district", "page_questions_data"):
        assert getattr(got, name) == getattr(expected, name)
    assert got.capacity == 7
    assert got.occurrence.pk == option.occurrence_id
    assert got.occurrence.page.pk == expected.occurrence.page.pk
    assert got.occurrence.page.locale.language_code == expected.occurrence.page.locale.language_code
    assert got.occurrence.start == expected.occurrence.start
    # Another kind, another part, another date: nothing.
    for changed in ({"kind": "exhibitor"}, {"part": "online"},
                    {"occurrence": option.occurrence_id + 1000}):
        assert sources._prepared_option_query(connection).first({**values, **changed}) is None


def test_every_call_sees_the_page_as_it_is_now(make_option):
    option = make_option()
    page = option.occurrence.page
    assert sources.public_option_by_id(option.occurrence_id, "attendee").pk == option.pk

    restriction = PageViewRestriction.objects.create(
        page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert sources.public_option_by_id(option.occurrence_id, "attendee") is None
    restriction.delete()
    assert sources.public_option_by_id(option.occurrence_id, "attendee").pk == option.pk

    # The time is a value of each call: a page that expires in an hour is public until then.
    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() + datetime.timedelta(hours=1))
    assert sources.public_option_by_id(option.occurrence_id, "attendee").pk == option.pk
    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert sources.public_option_by_id(option.occurrence_id, "attendee") is None

    type(page).objects.filter(pk=page.pk).update(expire_at=None, live=False)
    assert sources.public_option_by_id(option.occurrence_id, "attendee") is None
