"""Calendar feed: 1,000 dates through the full request against icalendar serialising the same
1,000 events built in memory (target ratio ≤ 1.5), and SQL queries for 10 vs 1,000 events."""

import datetime
import uuid

from _setup import best_of, count_queries, setup_django

teardown = setup_django()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from icalendar import Calendar, Event, vDuration  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from events.ical import vtimezone  # noqa: E402
from events.models import Category, EventIndexPage, EventPage, Occurrence, Venue  # noqa: E402


def event_index():
    home = Site.objects.get(is_default_site=True).root_page
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def build_events(count, prefix="bench"):
    """`count` live EventPages with one date each, written in bulk (treebeard paths by hand)."""
    index = event_index()
    index.refresh_from_db()
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(EventPage)
    venue = Venue.objects.create(name="Neues Rathaus", street="Martin-Luther-Ring 4-6",
                                 postcode="04109", city="Leipzig", latitude="51.3376",
                                 longitude="12.3726")
    category = Category.objects.create(name=f"Workshop {prefix}", slug=f"workshop-{prefix}")
    now = timezone.now()
    start_child = index.numchild
    pages = []
    for number in range(count):
        slug = f"{prefix}-{number}"
        pages.append(Page(
            title=f"Regionalworkshop {number} – Integration, Arbeit; Anerkennung",
            draft_title=f"Regionalworkshop {number}", slug=slug, content_type=content_type,
            path=Page._get_path(index.path, index.depth + 1, start_child + number + 1),
            depth=index.depth + 1, numchild=0, url_path=f"{index.url_path}{slug}/",
            locale=locale, live=True, first_published_at=now, last_published_at=now,
            translation_key=uuid.uuid4(),
        ))
    Page.objects.bulk_create(pages)
    pages = Page.objects.filter(slug__startswith=f"{prefix}-", depth=index.depth + 1)
    for page in pages:
        event = EventPage(page_ptr_id=page.pk, summary="Austausch der Akteure, Teil " + page.slug,
                          category=category, venue=venue)
        event.__dict__.update({f.attname: getattr(page, f.attname)
                               for f in Page._meta.concrete_fields})
        event.save_base(raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=start_child + count)
    base = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    Occurrence.objects.bulk_create([
        Occurrence(page_id=page.pk, start=base + datetime.timedelta(days=1 + n % 300),
                   end=base + datetime.timedelta(days=1 + n % 300, hours=3), sort_order=0)
        for n, page in enumerate(pages)
    ])


def icalendar_baseline(rows):
    """The same events built in memory with icalendar alone, then serialised."""
    calendar = Calendar()
    for name, value in (("prodid", "-//bench//"), ("version", "2.0"), ("name", "Events"),
                        ("x-wr-calname", "Events"), ("x-wr-timezone", "Europe/Berlin")):
        calendar.add(name, value)
    calendar.add("x-published-ttl", vDuration(datetime.timedelta(hours=12)))
    calendar.add_component(vtimezone())
    stamp = timezone.now()
    for row in rows:
        event = Event()
        event.add("uid", f"{row['uid']}@example.org")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(row["start"]))
        event.add("dtend", timezone.localtime(row["end"]))
        event.add("summary", row["title"])
        event.add("description", row["summary"] + "\n\nhttp://localhost/de/x/")
        event.add("location", "Neues Rathaus, Martin-Luther-Ring 4-6, 04109 Leipzig")
        event.add("geo", (51.3376, 12.3726))
        event.add("url", "http://localhost/de/x/")
        event.add("categories", ["Workshop"])
        event.add("status", "CONFIRMED")
        event.add("sequence", 0)
        event.add("created", row["created"])
        event.add("last-modified", row["updated"])
        calendar.add_component(event)
    return calendar.to_ical()


client = Client()
FEED = "/feeds/events.ics"
LISTING = "/de/veranstaltungen/"


# Rendering, not the hits of the page, feed and API item caches (the other caches stay warm).
no_response_cache = override_settings(PAGE_CACHE_SECONDS=0, EVENTS_FEED_CACHE_SECONDS=0,
                                      PAGE_CACHE_API_ITEM_SECONDS=0)


def rendered(path):
    """A request of `path` that renders the feed: a body stored earlier (under its ETag, with
    the caches on) is served whatever the cache's seconds are now, so the cache is emptied
    first (the site's other cached reads cost their few queries again)."""
    from django.core.cache import cache

    cache.clear()
    with no_response_cache:
        return client.get(path)


@no_response_cache
def measure(path):
    client.get(path)
    with count_queries() as counted:
        assert client.get(path).status_code == 200
    return counted["queries"]


if __name__ == "__main__":
    build_events(10, prefix="ten")
    small = measure(FEED), measure(LISTING)
    build_events(990, prefix="many")
    large = measure(FEED), measure(LISTING)
    body = client.get(FEED).content
    assert body.count(b"BEGIN:VEVENT") == 1000, body.count(b"BEGIN:VEVENT")
    rows = [dict(uid=o.uid, start=o.start, end=o.end, created=o.created_at, updated=o.updated_at,
                 title=o.page.title, summary="Austausch der Akteure")
            for o in Occurrence.objects.select_related("page")]
    # Alternated, so that both see the same machine (a shared VM's speed drifts by 2x).
    feed_seconds = baseline_seconds = float("inf")
    for _round in range(11):
        feed_seconds = min(feed_seconds, best_of(lambda: rendered(FEED), repeat=1))
        baseline_seconds = min(baseline_seconds,
                               best_of(lambda: icalendar_baseline(rows), repeat=1))
    client.get(FEED)
    cached_seconds = best_of(lambda: client.get(FEED), repeat=5)
    print(f"{'':<28}{'10 events':>10}{'1,000 events':>14}")
    print(f"{'SQL queries, feed':<28}{small[0]:>10}{large[0]:>14}")
    print(f"{'SQL queries, listing':<28}{small[1]:>10}{large[1]:>14}")
    print(f"feed of 1,000 dates (request, rendered): {feed_seconds * 1000:.0f} ms")
    print(f"same request again (from the cache):     {cached_seconds * 1000:.1f} ms")
    print(f"icalendar alone, same events:            {baseline_seconds * 1000:.0f} ms")
    print(f"ratio rendered: {feed_seconds / baseline_seconds:.2f}x (target ≤ 1.5x), "
          f"repeated: {cached_seconds / baseline_seconds:.2f}x")
    teardown()
