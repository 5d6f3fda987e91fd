"""Builders for job-fair tests: a published fair with trades and `make_employer`/`make_jobseeker`."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from events.models import Occurrence, RegistrationOption
from events.registration import services as registration_services
from jobfairs.models import JobFairIndexPage, JobFairPage, Trade


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def trades(locales):
    rows = {}
    for slug, german, english in (("maurer", "Maurer/-in", "Bricklayer"),
                                  ("zimmerer", "Zimmerer/Zimmerin", "Carpenter"),
                                  ("fliesenleger", "Fliesenleger/-in", "Tiler")):
        source = Trade.objects.create(slug=slug, name=german, german_name=german,
                                      locale=locales["de"])
        Trade.objects.create(slug=slug, name=english, german_name=german, locale=locales["en"],
                             translation_key=source.translation_key)
        rows[slug] = source
    return rows


@pytest.fixture
def fair_index(home_page):
    index = JobFairIndexPage(title="Jobmessen", slug="jobmessen", show_in_menus=True)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_fair(fair_index, trades):
    def build(title="Jobmesse Bau", days=14, jobseekers=20, employers=5, **fields):
        start = (timezone.localtime() + datetime.timedelta(days=days)).replace(
            hour=9, minute=0, second=0, microsecond=0)
        page = JobFairPage(title=title, slug=f"fair-{days}-{abs(hash(title)) % 10000}",
                           summary=f"Summary of {title}.", jobseeker_capacity=jobseekers,
                           employer_capacity=employers, **fields)
        page.occurrences = [Occurrence(start=start, end=start + datetime.timedelta(hours=6))]
        fair_index.add_child(instance=page)
        page.trades = list(trades.values())
        page.save_revision().publish()  # creates the registration places
        page.refresh_from_db()
        return page

    return build


@pytest.fixture
def fair(make_fair):
    return make_fair()


@pytest.fixture
def occurrence(fair):
    return fair.occurrences.get()


def option_of(occurrence, kind):
    return RegistrationOption.objects.get(occurrence=occurrence, kind=kind)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)
    return run


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


@pytest.fixture
def counsellor(django_user_model):
    user = django_user_model.objects.create_user("berater", "berater@example.org", "pw")
    user.groups.add(Group.objects.get(name="Partner counsellors"))
    return user


@pytest.fixture
def make_employer(occurrence, committed, staff):
    counter = {"n": 0}

    def build(company=None, trades=("maurer",), interviews=4, public=True, approve=True,
              target=None, **data):
        counter["n"] += 1
        n = counter["n"]
        registration = committed(
            registration_services.register, option_of(target or occurrence, "employer"),
            name=f"Kontakt {n}", email=f"firma{n}@example.org", consent=True,
            data={"company": company or f"Firma {n}", "trades": list(trades),
                  "interviews": interviews, "public_listing": public, "open_positions": 2,
                  "apprenticeships": 1, **data})
        if approve:
            registration = committed(registration_services.approve, registration, user=staff)
        return registration

    return build


@pytest.fixture
def make_jobseeker(occurrence, committed, staff):
    counter = {"n": 0}

    def build(name=None, trades=("maurer",), interpreter="", languages=("ar",), **data):
        counter["n"] += 1
        n = counter["n"]
        return committed(
            registration_services.register, option_of(occurrence, "jobseeker"),
            name=name or f"Person {n}", email="", phone=f"0176 {n:06d}", consent=True,
            created_by=staff, data={"trades": list(trades), "interpreter_language": interpreter,
                                    "languages": list(languages), "german_level": "A2", **data})

    return build
