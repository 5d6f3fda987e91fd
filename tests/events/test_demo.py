"""The events demo: seeded workshop and network meeting in de and en, stable on reruns."""

import pytest
from django.core.management import call_command

from events.models import Audience, EventIndexPage, EventPage, Occurrence


@pytest.mark.django_db
def test_demo_events_exist_in_both_languages_and_reruns_keep_dates(demo_content, client):
    assert EventIndexPage.objects.filter(locale__language_code="en", live=True).exists()
    titles = set(EventPage.objects.filter(locale__language_code="de").values_list("title", flat=True))
    assert any("Meißen" in title for title in titles)
    assert "Regionalnetzwerk Migration Leipzig" in titles
    assert sum("Beispiel" in title for title in titles) >= 2
    meeting = EventPage.objects.get(slug="regionalnetzwerk-migration-leipzig")
    assert meeting.occurrences.get().rrule.startswith("FREQ=MONTHLY")
    assert Audience.objects.filter(locale__language_code="de").count() == 9
    before = set(Occurrence.objects.values_list("uid", "start", "sequence"))
    call_command("load_demo_content", verbosity=0)
    assert set(Occurrence.objects.values_list("uid", "start", "sequence")) == before
    assert client.get("/de/veranstaltungen/").status_code == 200
    assert client.get("/en/events/").status_code == 200
    response = client.get("/feeds/events.ics", {"lang": "en"})
    assert b"Regional Migration Network Leipzig" in response.content
