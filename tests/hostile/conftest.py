"""Fixtures for the hostile-input tests: the builders of every plugin's tests, in one place."""

import pytest
from django.core.cache import cache

from tests.events.conftest import event_index, make_event  # noqa: F401 (fixtures)
from tests.events.registration.conftest import make_option  # noqa: F401
from tests.jobfairs.conftest import fair_index, make_fair, trades  # noqa: F401
from tests.trainings.conftest import (  # noqa: F401
    attended,
    audience,
    committed,
    language,
    make_module,
    programme,
    register,
    venue,
)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dates(make_option, make_module, make_fair):  # noqa: F811 (the fixtures imported above)
    """A date for each public kind, with room enough for every round."""
    option = make_option(capacity=500)
    module = make_module(title="Sprachsensibel beraten", max_group_size=500)
    fair = make_fair(jobseekers=500, employers=500)
    return {"attendee": option.occurrence, "participant": module.occurrences.get(),
            "employer": fair.occurrences.get(), "jobseeker": fair.occurrences.get()}
