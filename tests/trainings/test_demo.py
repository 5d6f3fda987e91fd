"""Demo content: the programme with one module per topic, sessions in Saxony or online, de+en."""

import pytest
from django.core.management import call_command

from events.models import Occurrence, RegistrationOption
from trainings.choices import Topic
from trainings.models import TrainingModulePage, TrainingProgrammePage

pytestmark = pytest.mark.django_db


def test_demo_programme_modules_and_sessions_idempotent(demo_content, client):
    programme = TrainingProgrammePage.objects.get(locale__language_code="de")
    assert programme.get_parent().slug == "interkulturelle-kompetenz"
    modules = TrainingModulePage.objects.child_of(programme)
    assert sorted(modules.values_list("topic", flat=True)) == sorted(Topic.values)
    assert TrainingModulePage.objects.filter(locale__language_code="en").count() == 4
    sessions = Occurrence.objects.filter(page__in=modules)
    assert sessions.count() >= 4
    # A hybrid session has its places on site and online (two options).
    assert RegistrationOption.objects.filter(occurrence__in=sessions, kind="participant").count() \
        == sessions.count() + sessions.filter(mode="hybrid").count()
    assert sessions.filter(mode="hybrid").exists() and sessions.filter(mode="online").exists()
    cities = {s.venue.city if s.venue else (s.page.specific.venue.city if s.page.specific.venue
                                            else "online") for s in sessions}
    assert cities >= {"Leipzig", "Dresden", "Chemnitz"}
    before = list(sessions.values_list("uid", "start"))
    call_command("load_demo_content", verbosity=0)
    assert list(sessions.values_list("uid", "start")) == before
    en = TrainingProgrammePage.objects.get(locale__language_code="en")
    assert client.get(en.url).status_code == 200
