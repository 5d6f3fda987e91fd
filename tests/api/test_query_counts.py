"""Every API listing runs as many queries for 10 items as for 2, with every field (`fields=*`),
and at most MAX_QUERIES: related rows are fetched per listing, never per item (issue 16)."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.headless.pages import api_models

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15
ITEMS = 10


@pytest.fixture(autouse=True)
def _measure_rendering_not_the_cache(settings):
    settings.PAGE_CACHE_API_PREFIXES = ()
    settings.PAGE_CACHE_API_ITEM_SECONDS = 0  # every item rendered (tests/cms/test_api_items.py)
    # This process's own cache: in a Redis database shared with another test run (the
    # workers' databases are numbered from REDIS_URL's) its `cache.clear()` drops the warmed
    # site root paths between two measurements (one or two queries more, at random).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "query-counts"}}


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries), len(response.json()["items"]), queries


def assert_flat(client, url, max_queries=MAX_QUERIES):
    small, shown_small, _ = count_queries(client, f"{url}&limit=2")
    large, shown_large, queries = count_queries(client, f"{url}&limit={ITEMS}")
    assert (shown_small, shown_large) == (2, ITEMS), url
    listing = "\n".join(query["sql"][:150] for query in queries)
    assert small == large <= max_queries, f"{url}: {small} and {large} queries\n{listing}"


def at_least(model, count):
    """`count` live pages of `model`: copies of the first one beside it (child rows too)."""
    pages = list(model.objects.live().order_by("pk"))
    assert pages, f"the demo content has no {model.__name__}"
    first = pages[0]
    # Beside the first one, or below it when it is a site's root (copies must be in the site).
    parent = first.get_parent() if first.depth > 2 else first
    for number in range(len(pages), count):
        first.copy(to=parent, update_attrs={"slug": f"{first.slug}-copy-{number}",
                                            "title": f"{first.title} {number}"},
                   keep_live=True, log_action=None)


@pytest.fixture
def content(demo_content):
    for model in api_models():
        if model.__name__ != "Page":
            at_least(model, ITEMS)


def page_types():
    return [f"{m._meta.app_label}.{m.__name__}" for m in api_models() if m.__name__ != "Page"]


def page_listing_counts(client, names):
    counts = {}
    for name in names:
        url = f"/api/v2/pages/?type={name}&fields=*" if name else "/api/v2/pages/?fields=*"
        counts[name or "all"] = (count_queries(client, f"{url}&limit=2")[0],
                                 count_queries(client, f"{url}&limit={ITEMS}")[0])
    return counts


# Every page type by name, so a missing one (a renamed model, an app left out) fails here
# instead of dropping silently out of `page_types()`.
PAGE_TYPES = {"home.HomePage", "home.ProgrammePage", "home.StandardPage",
              "events.EventIndexPage", "events.EventPage",
              "trainings.TrainingProgrammePage", "trainings.TrainingModulePage",
              "jobfairs.JobFairIndexPage", "jobfairs.JobFairPage",
              "directory.DirectoryIndexPage", "directory.CentrePage"}


@pytest.mark.slow
def test_pages_listing_of_each_type_with_every_field_runs_a_fixed_number_of_queries(
        client, content):
    """SQLite, 2 and 10 items (issue 16): job fairs 13 (its four vocabularies, four inline
    tables, dates, places, exhibitors and their trades: 18 before the site's root, its
    translations and the view restrictions became conditions of the listing's query and
    the count a window of it, 15 before the request's Site came from the cache), training
    modules 9, events 5."""
    assert PAGE_TYPES <= set(page_types())
    counts = page_listing_counts(client, [*page_types(), ""])
    assert all(small == large <= MAX_QUERIES for small, large in counts.values()), counts


# Page types whose API fields ask for renditions of the page's image (`image_card`, …), and
# their query budget with a body of blocks and the renditions not cached. Job fairs: 16 (18
# before the exhibitors' trades came from the fair's own prefetched trades, 17 before the
# request's Site came from the cache), the demo content's plus the body's images and pages and
# the renditions; the 15 needs one fewer.
WITH_RENDITIONS = {"events.EventPage": MAX_QUERIES, "trainings.TrainingModulePage": MAX_QUERIES,
                   "jobfairs.JobFairPage": 16}


def illustrate(name):
    """A body with a paragraph, a picture and a link to another page on every page of the
    type (the demo's event pages have none): StreamField choosers in every item."""
    from django.apps import apps
    from wagtail.images import get_image_model
    from wagtail.models import Page

    images = list(get_image_model().objects.order_by("pk")[:3])
    target = Page.objects.filter(depth=2).first()
    model = apps.get_model(name)
    for number, page in enumerate(model.objects.order_by("pk")):
        page.body = json.dumps([
            {"type": "paragraph", "value": f"<p>Absatz {number}</p>"},
            {"type": "image", "value": {
                "image": {"image": images[number % len(images)].pk, "decorative": False,
                          "alt_text": "Bild"}, "caption": "Bildunterschrift", "attribution": ""}},
            {"type": "call_to_action", "value": {"text": "Mehr", "label": "Los",
                                                 "page": target.pk, "url": ""}},
        ])
        page.save(update_fields=["body"])


@pytest.mark.parametrize("name", WITH_RENDITIONS)
def test_listing_of_pages_with_images_and_body_runs_a_fixed_number_of_queries(
        client, content, settings, name):
    """Every item has its image in three sizes and a body with blocks: the renditions of all
    items are read together (issue 16: 24 of 34 queries of 8 training modules were one per
    image and size). Renditions from the database, as after the cache lost them (a deploy,
    an eviction): a cache warmed by the first request would hide a query per image."""
    settings.CACHES = {**settings.CACHES, "renditions": {
        "BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    illustrate(name)
    url = f"/api/v2/pages/?type={name}&fields=*"
    items = client.get(f"{url}&limit={ITEMS}").json()["items"]
    assert len(items) == ITEMS
    for item in items:
        assert item["image"] and item["body"], (name, item["id"])
        for size in ("image_card", "image_thumbnail", "image_wide"):
            assert item[size]["url"].startswith("/media/images/"), (name, item["id"], size)
    assert_flat(client, url, WITH_RENDITIONS[name])


@pytest.mark.slow
def test_centres_listing_with_every_field_runs_a_fixed_number_of_queries(client, content):
    assert_flat(client, "/api/v2/centres/?fields=*")


def test_occurrences_listing_runs_a_fixed_number_of_queries(client, make_event):
    start = timezone.localtime() + datetime.timedelta(days=3)
    for number in range(ITEMS):
        make_event(title=f"Termin {number}",
                   dates=[(start + datetime.timedelta(days=number),
                           start + datetime.timedelta(days=number, hours=2))])
    assert_flat(client, "/api/v2/occurrences/?locale=all")


@pytest.fixture
def fair(make_fair):
    return make_fair(employers=ITEMS)


def test_exhibitors_listing_runs_a_fixed_number_of_queries(client, fair, make_employer):
    for number in range(ITEMS):
        make_employer(company=f"Firma {number}")
    assert_flat(client, f"/api/v2/exhibitors/?fair={fair.pk}")


def test_job_postings_listing_runs_a_fixed_number_of_queries(client, fair, make_employer):
    from jobfairs.models import PostingStatus
    from tests.jobfairs.test_postings import make_posting

    for number in range(ITEMS):
        make_posting(make_employer(company=f"Firma {number}"), status=PostingStatus.APPROVED)
    assert_flat(client, f"/api/v2/job-postings/?fair={fair.pk}")


def test_responsibilities_listing_with_every_field_runs_a_fixed_number_of_queries(
        client, demo_content):
    from directory.models import ResponsibilityEntry

    entry = ResponsibilityEntry.objects.first()
    assert entry is not None
    for number in range(ResponsibilityEntry.objects.count(), ITEMS):
        entry.pk = None
        entry.sort_order = number
        entry.save()
    assert_flat(client, "/api/v2/responsibilities/?fields=*")


def test_images_and_documents_listings_run_a_fixed_number_of_queries(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    for number in range(ITEMS):
        get_image_model().objects.create(title=f"Bild {number}",
                                         file=get_test_image_file(f"bild{number}.png"))
        get_document_model().objects.create(title=f"Dokument {number}",
                                file=ContentFile(b"%PDF-1.4", name=f"dokument{number}.pdf"))
    assert_flat(client, "/api/v2/images/?fields=*")
    assert_flat(client, "/api/v2/documents/?fields=*")


def test_listing_fields_match_each_pages_own_answer(client, content):
    """The values computed once per listing (translated pages too) are the ones each page
    gives on its own (`upcoming_dates()`, `api_exhibitors()`, `api_places()`)."""
    from events.registration.summary import registration_summary
    from jobfairs.models import JobFairPage
    from jobfairs.serializers import ExhibitorEntrySerializer, PlaceSerializer
    from trainings.models import TrainingModulePage

    def sessions(page):
        return [(occurrence.pk, occurrence.start.isoformat(),
                 [item.as_api() for item in registration_summary(occurrence)])
                for occurrence in page.upcoming_dates()]

    checks = [
        (TrainingModulePage, "sessions", sessions,
         lambda value: [(item["id"], item["start"], item["registration"]) for item in value]),
        (JobFairPage, "exhibitors",
         lambda page: ExhibitorEntrySerializer(page.api_exhibitors(), many=True).data, list),
        (JobFairPage, "places",
         lambda page: PlaceSerializer(page.api_places(), many=True).data, list),
    ]
    for model, name, expected, shown in checks:
        label = f"{model._meta.app_label}.{model.__name__}"
        items = client.get(f"/api/v2/pages/?type={label}&fields={name}&limit=20").json()["items"]
        assert {item["meta"]["locale"] for item in items} > {"de"}, label  # translations too
        for item in items:
            page = model.objects.get(pk=item["id"])
            assert shown(item[name]) == [dict(value) if isinstance(value, dict) else value
                                         for value in expected(page)], (label, item["id"])


def test_listing_serves_the_pages_wagtail_would_with_restrictions_and_translations(
        client, demo_content):
    """The site's area and the view restrictions, conditions of the listing's query instead
    of lists read beforehand, select what Wagtail's `get_public_pages_queryset` selects:
    the root's translations and what lies below them, without the pages an anonymous visitor
    cannot see (password, login, groups) and their descendants; a "public" restriction hides
    nothing."""
    from django.contrib.auth.models import Group
    from django.test import RequestFactory
    from wagtail.api.querysets import get_public_pages_queryset
    from wagtail.models import Page, PageViewRestriction

    from cms.headless.pages import AnonymousRequest

    parents = [page for page in Page.objects.filter(depth=3, numchild__gt=0).order_by("path")]
    assert len(parents) >= 4 and {page.locale_id for page in parents} != {parents[0].locale_id}
    kinds = [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN,
             PageViewRestriction.GROUPS, PageViewRestriction.NONE]
    for page, kind in zip(parents[::-1], kinds, strict=False):
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind,
                                                         password="geheim")
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.first())
    request = AnonymousRequest(RequestFactory().get("/api/v2/pages/"))
    expected = set(get_public_pages_queryset(request).values_list("pk", flat=True))
    shown = {item["id"] for offset in range(0, len(expected) + 20, 20) for item in
             client.get(f"/api/v2/pages/?limit=20&offset={offset}").json()["items"]}
    assert shown == expected
    hidden = Page.objects.filter(path__startswith=parents[-1].path)
    assert hidden.exists() and not shown & set(hidden.values_list("pk", flat=True))
    assert parents[-4].pk in shown  # the "public" restriction
