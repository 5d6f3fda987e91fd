"""The events' builders (event listing, make_event, make_option, register) and the trainings'
(make_module) for site-level tests."""

from tests.events.conftest import event_index, make_event  # noqa: F401
from tests.events.registration.conftest import committed, make_option, option, register  # noqa: F401
from tests.trainings.conftest import (  # noqa: F401
    audience,
    language,
    make_module,
    programme,
    venue,
)
