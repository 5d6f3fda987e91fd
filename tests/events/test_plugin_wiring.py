"""Issue 15 item 6: plugins wire themselves one way, share one error type, one page layout."""

import pytest
from django.template.loader import get_template
from wagtail.signals import page_published

from directory.errors import DirectoryError
from events.errors import EventsError
from events.registration.services import RegistrationError
from events.views import FeedParameterError
from jobfairs.models import JobFairPage
from jobfairs.services import JobFairsError
from trainings.services import TrainingsError


@pytest.mark.parametrize("name", ["events/event_page.html", "trainings/training_module_page.html",
                                  "jobfairs/job_fair_page.html"])
def test_event_page_templates_extend_the_one_base_layout(name):
    template = get_template(name).template
    assert template.nodelist[0].parent_name.resolve({}) == "events/event_page_base.html"


def test_each_plugins_errors_are_one_type_with_a_message_and_code():
    for error_class in (RegistrationError, FeedParameterError, TrainingsError, JobFairsError):
        assert issubclass(error_class, EventsError)
    error = JobFairsError("Nicht jetzt.", code="not_past")
    assert (error.message, error.code, str(error)) == ("Nicht jetzt.", "not_past", "Nicht jetzt.")
    assert DirectoryError("x").code == "invalid"  # directory imports no other plugin


def test_job_fair_places_sync_is_connected_once_by_the_app_config():
    from jobfairs import signals

    receivers = page_published._live_receivers(JobFairPage)[0]
    assert receivers.count(signals.sync_options) == 1
    assert not hasattr(signals, "connect")  # no wiring at import time
