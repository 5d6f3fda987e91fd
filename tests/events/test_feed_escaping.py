"""Line breaks in event titles and summaries are escaped in every calendar feed (were a 500)."""

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_feeds_escape_line_breaks_in_titles_and_summaries(client, make_event):
    page = make_event(title="Zeile eins\r\nZeile zwei", summary="Erste Zeile\nzweite\rdritte")
    occurrence = page.occurrences.first()
    for url in ("/feeds/events.ics", f"/feeds/events/{page.pk}.ics",
                f"/feeds/dates/{occurrence.uid}.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        calendar = Calendar.from_ical(response.content)
        events = [c for c in calendar.walk("VEVENT") if str(c["UID"]).startswith(str(occurrence.uid))]
        assert [str(event["SUMMARY"]) for event in events] == ["Zeile eins\nZeile zwei"], url
    content = client.get(f"/feeds/events/{page.pk}.ics").content
    # The calendar's name and description (the page's title and summary) escaped as well.
    assert b"\r\nNAME:Zeile eins\\nZeile zwei\r\n" in content
    assert b"\r\nX-WR-CALNAME:Zeile eins\\nZeile zwei\r\n" in content
    assert b"\r\nX-WR-CALDESC:Erste Zeile\\nzweite" in content
