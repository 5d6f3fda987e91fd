"""Builders for registration tests: an event date with a registration option, and people."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from events.models import RegistrationOption
from events.registration import services


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_option(make_event):
    """`make_option(capacity=5, kind="attendee", dates=[...], **option_fields)` → RegistrationOption."""

    def build(capacity=5, kind="attendee", dates=None, title="Regionalworkshop", **fields):
        page = make_event(title=title, dates=dates)
        occurrence = page.occurrences.first()
        return RegistrationOption.objects.create(occurrence=occurrence, kind=kind,
                                                 capacity=capacity, **fields)

    return build


@pytest.fixture
def option(make_option):
    return make_option()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service call and its on-commit work (cached counts, e-mail tasks) like a request."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def register(committed):
    counter = {"n": 0}

    def run(option, email=None, name=None, **kwargs):
        counter["n"] += 1
        kwargs.setdefault("language", "de")
        kwargs.setdefault("consent", True)
        return committed(services.register, option,
                         name=name or f"Person {counter['n']}",
                         email=email or f"person{counter['n']}@example.org", **kwargs)

    return run


def hours(n):
    return datetime.timedelta(hours=n)


def later(**kwargs):
    return timezone.now() + datetime.timedelta(**kwargs)
