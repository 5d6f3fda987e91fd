"""The minimal site serves a training page, its feed and its registration in German and English.

Collected only inside the minimal site (`python_files = check_*.py` in its pytest.ini).
"""

import datetime
import os
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

import events
from events.models import Occurrence, Registration
from trainings.models import TrainingModulePage, TrainingProgrammePage

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def module(home_page):
    programme = TrainingProgrammePage(title="Schulungen", slug="schulungen")
    home_page.add_child(instance=programme)
    publish(programme)
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(
        hour=9, minute=0, second=0, microsecond=0)
    page = TrainingModulePage(title="Interkulturelle Kompetenz", slug="kompetenz",
                              summary="Ein Tag.", topic="knowledge_transfer")
    page.occurrences = [Occurrence(start=start, end=start + datetime.timedelta(hours=6))]
    programme.add_child(instance=page)
    return publish(page)


@pytest.fixture
def module_en(module, locales):
    page = module.copy_for_translation(locales["en"], copy_parents=True)
    page.title, page.summary = "Intercultural competence", "One day."
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            publish(ancestor)
    return publish(page)


def test_the_plugins_come_from_where_the_run_expects():
    expected = os.environ.get("MINIMAL_SITE_PLUGINS_UNDER")
    if expected:
        assert events.__file__.startswith(expected), events.__file__


def test_training_page_in_german_and_english(client, module, module_en):
    german = client.get(module.url)
    assert german.status_code == 200
    html = german.content.decode()
    assert 'lang="de"' in html and "minimal-site" in html and "Interkulturelle Kompetenz" in html
    assert "Termine" in html or "Sitzungen" in html or "Termin" in html  # "Sessions" in German
    english = client.get(module_en.url)
    assert english.status_code == 200
    html = english.content.decode()
    assert module_en.url.startswith("/en/") and 'lang="en"' in html
    assert "Intercultural competence" in html and "Sessions" in html


def test_feed_in_both_languages_names_this_site(client, module, module_en):
    for language, title in (("de", "Interkulturelle Kompetenz"), ("en", "Intercultural competence")):
        response = client.get(f"/feeds/events.ics?lang={language}")
        assert response.status_code == 200
        calendar = Calendar.from_ical(response.content)
        summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        assert title in summaries
        assert str(calendar["PRODID"]) == "-//Minimal Site//Events//DE"
        assert all(str(e["UID"]).endswith("@termine.example.org") for e in calendar.walk("VEVENT"))


@pytest.mark.parametrize("language, label", [("de", "Mit * markierte Felder sind Pflichtfelder."),
                                             ("en", "Fields marked * are required.")])
def test_registration_form_in_both_languages_registers(client, module, language, label, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    occurrence = module.occurrences.get()
    url = f"/{language}/registration/{occurrence.uid}/participant/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html and label in html
    fields = {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
              for name in ("rendered", "form_token")}
    data = {"name": "Ada Lovelace", "email": "ada@example.org", "language": language,
            "consent": "on", "website": "", "organisation": "Jobcenter",
            "organisation_type": "employment_administration", "role": "Beraterin", **fields}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Registration.objects.get().email == "ada@example.org"
    assert mailoutbox and "https://termine.example.org" in mailoutbox[0].body
