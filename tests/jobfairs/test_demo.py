"""Demo content: the Bewerbertag Bau 2016 as a past fair and an upcoming example, de and en."""

import datetime

import pytest
from wagtail.models import Locale

from events import demo as events_demo
from events.models import Registration
from home.demo.context import DemoContext
from jobfairs import demo
from jobfairs.models import JobFairIndexPage, JobFairPage


def load():
    # The plugin loaders alone (the site's full demo also loads the other plugins).
    ctx = DemoContext()
    events_demo.load(ctx)
    demo.load(ctx)


@pytest.mark.django_db
def test_demo_has_the_bewerbertag_and_an_example_fair_and_reruns_change_nothing(client):
    load()
    index = JobFairIndexPage.objects.get(locale__language_code="de")
    en = Locale.objects.get(language_code="en")
    assert index.show_in_menus and index.get_translation_or_none(en) is not None
    bau = JobFairPage.objects.get(slug="bewerbertag-bau-2016")
    occurrence = bau.occurrences.get()
    assert occurrence.start.date() == datetime.date(2016, 4, 5)
    assert (bau.jobseeker_capacity, bau.employer_capacity) == (80, 11)
    assert {t.slug for t in bau.trades.all()} == {"maurer", "fliesenleger", "parkettleger",
                                                   "zimmerer"}
    assert "Borsdorf" in bau.venue.name
    assert {o.name for o in bau.organisers.all()} == {
        "Jobcenter Leipzig", "Agentur für Arbeit Leipzig", "Handwerkskammer zu Leipzig"}
    assert bau.demo_workshops.count() == 4 and bau.info_desks.count() == 3
    text = str(bau.body)
    assert "Dr. Simone Simon" in text and "Gäste" in text and "fiir" not in text
    example = JobFairPage.objects.get(slug="beispiel-jobmesse-handwerk-leipzig")
    assert example.occurrences.get().start.date() > datetime.date.today()
    assert [e.company for e in example.exhibitors()][0].startswith("Beispiel")
    english = example.get_translation(en).specific
    assert english.trades.first().locale.language_code == "en"
    assert client.get(english.url).status_code == 200
    assert client.get(bau.url).status_code == 200
    assert b"Beispiel Bau GmbH" in client.get(example.url).content

    counts = (JobFairPage.objects.count(), Registration.objects.count(),
              example.occurrences.get().start)
    load()
    assert (JobFairPage.objects.count(), Registration.objects.count(),
            example.occurrences.get().start) == counts


@pytest.mark.django_db
def test_demo_employers_have_profiles_and_approved_postings_shown_on_the_example_fair(client):
    from jobfairs.models import EmployerProfile, JobPosting

    load()
    example = JobFairPage.objects.get(slug="beispiel-jobmesse-handwerk-leipzig")
    html = client.get(example.url).content.decode()
    assert "Familienunternehmen im Hoch- und Holzbau" in html
    assert "Mauern, Putzen und Betonieren" in html and 'id="postings"' in html
    counts = (EmployerProfile.objects.count(), JobPosting.objects.count())
    assert counts[1] >= 3
    load()
    assert (EmployerProfile.objects.count(), JobPosting.objects.count()) == counts
