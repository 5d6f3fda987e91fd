"""Builders for trainings tests: a programme page and `make_module(...)` with sessions.

    module = make_module(title="Sprachsensibel beraten", topic="language_awareness",
                         sessions=[(start, end)], audiences=["sme"], venue=leipzig)
    session = module.occurrences.first()   # has a `participant` option (max group size)
"""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.utils import timezone

from events.models import Audience, EventLanguage, Occurrence, Venue
from trainings.models import Trainer, TrainingModulePage, TrainingProgrammePage


def aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def in_days(days, hour=10, hours=6):
    start = (timezone.localtime() + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0)
    return start, start + datetime.timedelta(hours=hours)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def programme(home_page):
    page = TrainingProgrammePage(title="Interkulturelle Schulung der Arbeitsmarktakteure",
                                 slug="schulungen", intro="<p>Programm.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def audience(db, locales):
    def get(slug):
        return Audience.objects.get_or_create(slug=slug, locale=locales["de"],
                                              defaults={"name": slug.replace("_", " ").title()})[0]
    return get


@pytest.fixture
def venue(db, locales):
    def get(city):
        return Venue.objects.get_or_create(name=f"Tagungsraum {city}", locale=locales["de"],
                                           defaults={"city": city, "street": "Beispielweg 1",
                                                     "postcode": "01000"})[0]
    return get


@pytest.fixture
def language(db, locales):
    def get(slug):
        return EventLanguage.objects.get_or_create(slug=slug, locale=locales["de"],
                                                   defaults={"name": slug})[0]
    return get


@pytest.fixture
def trainer(db, locales):
    return Trainer.objects.create(name="Dr. Amal Haddad", bio="Trainerin.", locale=locales["de"])


@pytest.fixture
def make_module(programme, audience, venue, language):
    """Build and publish a module; `sessions` are (start, end) pairs or Occurrence field dicts;
    `audiences`/`languages` take slugs, `city` a venue city, `trainers` Trainer objects."""

    def build(title="Wissensvermittlung", sessions=None, audiences=(), languages=(), city=None,
              trainers=(), publish=True, parent=None, **fields):
        if sessions is None:
            sessions = [in_days(14)]
        fields.setdefault("summary", f"Summary of {title}.")
        fields.setdefault("slug", uuid.uuid4().hex[:8])
        fields.setdefault("topic", "knowledge_transfer")
        page = TrainingModulePage(title=title, live=publish, **fields)
        page.audiences = [audience(slug) for slug in audiences]
        page.languages = [language(slug) for slug in languages]
        page.trainers = list(trainers)
        if city:
            page.venue = venue(city)
        rows = []
        for index, value in enumerate(sessions):
            data = dict(value) if isinstance(value, dict) else {"start": value[0], "end": value[1]}
            data["start"], data["end"] = aware(data["start"]), aware(data["end"])
            if isinstance(data.get("venue"), str):
                data["venue"] = venue(data["venue"])
            rows.append(Occurrence(sort_order=index, **data))
        page.occurrences = rows
        (parent or programme).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    return build


@pytest.fixture
def session(make_module, trainer):
    module = make_module(title="Sprachsensibel beraten", topic="language_awareness",
                         max_group_size=2, trainers=[trainer], duration="1 Tag (6 Stunden)",
                         audiences=["sme"], city="Leipzig")
    return module.occurrences.get()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


PARTICIPANT_DATA = {"organisation": "Jobcenter Leipzig", "organisation_type": "employment_administration",
                    "role": "Arbeitsvermittlerin"}


@pytest.fixture
def register(committed):
    from events.registration import services

    counter = {"n": 0}

    def run(occurrence, email=None, name=None, **kwargs):
        counter["n"] += 1
        option = occurrence.registration_options.get(kind="participant")
        kwargs.setdefault("language", "en")
        kwargs.setdefault("consent", True)
        kwargs.setdefault("data", dict(PARTICIPANT_DATA))
        return committed(services.register, option, name=name or f"Person {counter['n']}",
                         email=email or f"person{counter['n']}@example.org", **kwargs)

    return run


@pytest.fixture
def attended(register, committed):
    """A registration of `session` confirmed and marked attended (certificate mail sent)."""
    from events.registration import services

    def run(occurrence, **kwargs):
        registration = register(occurrence, **kwargs)
        registration = committed(services.confirm, registration)
        return committed(services.mark_attended, registration)

    return run
