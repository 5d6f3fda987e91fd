"""The events' builders (event listing, make_event, make_option, register) for site-level tests."""

from tests.events.conftest import event_index, make_event  # noqa: F401
from tests.events.registration.conftest import committed, make_option, option, register  # noqa: F401
