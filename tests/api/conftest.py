"""Builders for API tests: the events' page builders, a cache cleared per test, JSON helpers."""

import pytest
from django.core.cache import cache

from tests.directory.conftest import directory_page  # noqa: F401 - fixture
from tests.events.conftest import event_index, make_event  # noqa: F401 - fixtures
from tests.events.registration.conftest import make_option, option  # noqa: F401 - fixtures
from tests.jobfairs.conftest import (  # noqa: F401 - fixtures
    committed,
    fair,
    fair_index,
    make_employer,
    make_fair,
    occurrence,
    staff,
    trades,
)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def get_json(client):
    def get(url, status=200, **headers):
        response = client.get(url, headers=headers or None)
        assert response.status_code == status, (response.status_code, response.content[:500])
        return response.json() if status != 304 else None

    return get
