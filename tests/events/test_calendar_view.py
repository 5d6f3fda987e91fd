"""The event listing's month view (`?view=month&month=YYYY-MM`): the grid, its dates, filters,
languages, bad input and the number of queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.calendar_view import MAX_YEARS_AWAY, parse_month
from events.models import Category

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def next_march():
    """March of next year: its last Sunday switches to summer time."""
    return datetime.date(timezone.localdate().year + 1, 3, 1)


def month_page(client, url, month=None, **params):
    if month is not None:
        params["month"] = month.strftime("%Y-%m") if hasattr(month, "year") else month
    response = client.get(url, {"view": "month", **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles_by_day(soup):
    """{day number: [link texts]} of the days of the month shown."""
    days = {}
    for cell in soup.select("table.month-calendar td.cal-day:not(.is-outside)"):
        number = int(cell.select_one(".cal-day__number").get_text())
        days[number] = [" ".join(link.get_text().split()) for link in cell.select(".cal-dates a")]
    return days


def test_month_grid_starts_on_monday_and_puts_dates_on_their_local_days(client, make_event,
                                                                        event_index):
    march = next_march()
    last_sunday = max(march + datetime.timedelta(days=n) for n in range(31)
                      if (march + datetime.timedelta(days=n)).weekday() == 6)
    make_event(title="Mitternacht", dates=[(at(march, 0), at(march, 1))])  # 23:00 UTC the day before
    make_event(title="Februar", dates=[(at(march - datetime.timedelta(days=1), 22),
                                        at(march - datetime.timedelta(days=1), 23))])
    make_event(title="Sommerzeit", dates=[(at(last_sunday, 10), at(last_sunday, 12))])
    make_event(title="Über Nacht", dates=[(at(march.replace(day=31), 22),
                                           at(datetime.date(march.year, 4, 1), 2))])
    soup = month_page(client, event_index.url, march)

    headers = [th.select_one(".visually-hidden").get_text() for th in soup.select("thead th")]
    assert headers == ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                       "Sonntag"]
    assert all(th["scope"] == "col" for th in soup.select("thead th"))
    assert soup.select_one("caption").get_text(strip=True) == f"März {march.year}"
    rows = soup.select("table.month-calendar tbody tr")
    assert all(len(row.select("td")) == 7 for row in rows)
    # The first row is padded with empty cells up to March 1st's weekday.
    assert len(rows[0].select("td.is-outside")) == march.weekday()
    days = titles_by_day(soup)
    assert sorted(days) == list(range(1, 32))
    assert days[1] == ["00:00 Mitternacht"]
    assert days[last_sunday.day] == ["10:00 Sommerzeit"]  # wall time after the DST switch
    assert days[31] == ["22:00 Über Nacht"]
    assert "Februar" not in soup.select_one("table.month-calendar").get_text()
    assert soup.select_one("[role=status]").get_text(strip=True).startswith("3 ")

    april = month_page(client, event_index.url, march.replace(month=4))
    assert titles_by_day(april)[1] == ["Über Nacht"]  # continues from March, no start time


def test_today_is_marked_and_months_link_to_their_neighbours(client, event_index):
    today = timezone.localdate()
    soup = month_page(client, event_index.url)  # no month: the current one
    (cell,) = soup.select('td[aria-current="date"]')
    assert int(cell.select_one(".cal-day__number").get_text()) == today.day
    assert "view=month" in soup.select_one('.view-switch a[aria-current="page"]')["href"]
    previous = soup.select_one('.month-nav a[rel="prev"]')["href"]
    following = soup.select_one('.month-nav a[rel="next"]')["href"]
    first = today.replace(day=1)
    assert f"month={(first - datetime.timedelta(days=1)).strftime('%Y-%m')}" in previous
    assert f"month={(first + datetime.timedelta(days=31)).strftime('%Y-%m')}" in following
    # The last month in range has no "next" link.
    edge = datetime.date(first.year + MAX_YEARS_AWAY, first.month, 1)
    last = month_page(client, event_index.url, edge)
    assert last.select_one('.month-nav a[rel="next"]') is None
    assert last.select_one('.month-nav a[rel="prev"]') is not None


@pytest.mark.parametrize("value", ["garbage", "2027-13", "2027-00", "9999-01", "1900-05",
                                   "<script>alert(1)</script>", "2027-3-1", "２０２７-０３"])
def test_a_bad_month_shows_the_current_month_with_a_message(client, event_index, value):
    soup = month_page(client, event_index.url, value)
    alert = soup.select_one('[role="alert"]')
    assert alert is not None and alert.get_text(strip=True)
    today = timezone.localdate()
    assert soup.select_one("caption").get_text(strip=True).endswith(str(today.year))
    assert soup.select('td[aria-current="date"]')
    assert "<script>alert" not in str(soup)


def test_parse_month_accepts_months_within_range():
    today = datetime.date(2026, 12, 3)
    assert parse_month("2027-03", today) == (datetime.date(2027, 3, 1), "")
    assert parse_month("", today) == (datetime.date(2026, 12, 1), "")
    assert parse_month("2031-12", today)[1] == ""
    assert parse_month("2032-01", today)[1]  # five years and a month away


def test_filters_apply_to_the_month_and_show_as_active(client, make_event, event_index):
    march = next_march()
    workshop = Category.objects.create(name="Regionalworkshop", slug="workshop")
    make_event(title="Workshop", category=workshop, dates=[(at(march.replace(day=10), 9),
                                                            at(march.replace(day=10), 12))])
    make_event(title="Treffen", dates=[(at(march.replace(day=12), 9), at(march.replace(day=12), 12))])
    soup = month_page(client, event_index.url, march, category="workshop")
    days = titles_by_day(soup)
    assert days[10] == ["09:00 Workshop"] and days[12] == []
    (chip,) = soup.select(".active-filters a")
    assert "Regionalworkshop" in chip.get_text()
    assert chip["href"].endswith(f"?view=month&month={march:%Y-%m}")  # removing keeps the month
    # The form keeps the view, and the month's links keep the filter.
    form = soup.select_one("form.event-filters")
    assert {i["name"]: i["value"] for i in form.select("input[type=hidden]")} == {
        "view": "month", "month": f"{march:%Y-%m}"}
    assert "category=workshop" in soup.select_one('.month-nav a[rel="next"]')["href"]
    # A date range narrows the month too.
    ranged = titles_by_day(month_page(client, event_index.url, march,
                                      date_from=f"{march:%Y}-03-11"))
    assert ranged[10] == [] and ranged[12] == ["09:00 Treffen"]


def test_private_and_unpublished_pages_never_appear(client, make_event, event_index):
    march = next_march()
    day = march.replace(day=5)
    make_event(title="Öffentlich", dates=[(at(day, 9), at(day, 10))])
    make_event(title="Entwurf", publish=False, dates=[(at(day, 11), at(day, 12))])
    private = make_event(title="Geschützt", dates=[(at(day, 13), at(day, 14))])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    soup = month_page(client, event_index.url, march)
    assert titles_by_day(soup)[5] == ["09:00 Öffentlich"]


@pytest.mark.parametrize("language, monday, month_name, direction", [
    ("de", "Montag", "März", "ltr"),
    ("ar", "الاثنين", "مارس", "rtl"),
    ("ru", "Понедельник", "Март", "ltr"),
])
def test_weekdays_and_month_in_the_pages_language(client, make_event, event_index, locales,
                                                  language, monday, month_name, direction):
    march = next_march()
    make_event(title="Nur Deutsch", dates=[(at(march.replace(day=9), 9),
                                             at(march.replace(day=9), 10))])
    index = event_index
    if language != "de":
        index = event_index.copy_for_translation(locales[language], copy_parents=True)
        index.save_revision().publish()
        index.refresh_from_db()
    soup = month_page(client, index.url, march)
    assert soup.html["lang"] == language and soup.html.get("dir", "ltr") == direction
    assert soup.select_one("thead th .visually-hidden").get_text() == monday
    assert month_name in soup.select_one("caption").get_text()
    # An event not translated yet shows its source page's date, as in the list view.
    assert titles_by_day(soup)[9] == ["09:00 Nur Deutsch"]


def test_query_count_does_not_grow_with_the_dates(client, make_event, event_index,
                                                  django_assert_max_num_queries):
    march = next_march()
    category = Category.objects.create(name="Workshop", slug="workshop")

    def count():
        with CaptureQueriesContext(connection) as queries:
            month_page(client, event_index.url, march)
        return len(queries)

    make_event(title="Eins", category=category, dates=[(at(march.replace(day=2), 9),
                                                        at(march.replace(day=2), 10))])
    few = count()
    for day in range(3, 13):
        make_event(title=f"Tag {day}", category=category,
                   dates=[(at(march.replace(day=day), 9), at(march.replace(day=day), 10)),
                          (at(march.replace(day=day), 14), at(march.replace(day=day), 15))])
    many = count()
    assert many <= few
    assert sum(len(titles) for titles in titles_by_day(month_page(client, event_index.url,
                                                                  march)).values()) == 21
