"""The directory page, centre pages and the matrix as a visitor and a district editor see them."""

import datetime
import json
import re
import zoneinfo
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User

from directory.models import DistrictEditorAssignment

from .conftest import make_centre, make_entry

pytestmark = pytest.mark.django_db
URL = "/de/beratungsstellen/"


def titles(response):
    return [c.title for c in response.context["centres"]], [c.title for c in response.context["hotlines"]]


def test_directory_lists_every_centre_with_the_hotline_apart(client, sample_centres):
    response = client.get(URL)
    centres, hotlines = titles(response)
    assert centres == ["Beratung Faire Integration Dresden", "IBAS Leipzig"]
    assert hotlines == ["Hotline Leitstelle Zuwanderung"]
    html = response.content.decode()
    assert 'href="/de/beratungsstellen/ibas-leipzig/"' in html
    assert "3 Standorte gefunden" in html or "3 locations found" in html


@pytest.mark.parametrize(("query", "expected"), [
    ("language=fa", (["Beratung Faire Integration Dresden"], [])),
    ("language=ar", (["IBAS Leipzig"], ["Hotline Leitstelle Zuwanderung"])),
    ("service=arbeitsrecht", (["Beratung Faire Integration Dresden"], [])),
    ("target_group=gefluechtete", (["IBAS Leipzig"], [])),
    ("city=Dresden", (["Beratung Faire Integration Dresden"], [])),
    ("language=ar&city=Leipzig", (["IBAS Leipzig"], [])),
])
def test_filters_narrow_the_list(client, sample_centres, query, expected):
    assert titles(client.get(f"{URL}?{query}")) == expected


def test_full_text_search_goes_through_the_search_backend(client, sample_centres, terms):
    assert titles(client.get(f"{URL}?q=Faire")) == (["Beratung Faire Integration Dresden"], [])
    # Matches the service's name through the related field index.
    assert titles(client.get(f"{URL}?q=Arbeitsrechtsberatung"))[0] == ["Beratung Faire Integration Dresden"]
    response = client.get(f"{URL}?q=Gibtsnicht")
    assert "Kein Standort" in response.content.decode() or "No location" in response.content.decode()


@pytest.mark.parametrize(("district", "expected"), [
    # Meißen: the Dresden centre serves it, and the hotline does.
    ("meissen", (["Beratung Faire Integration Dresden"], ["Hotline Leitstelle Zuwanderung"])),
    # Leipzig (city): only the local centre; the hotline serves the countryside only.
    ("leipzig", (["IBAS Leipzig"], [])),
    ("landkreis-leipzig", ([], ["Hotline Leitstelle Zuwanderung"])),
    ("chemnitz", ([], [])),
])
def test_who_serves_my_district(client, sample_centres, district, expected):
    response = client.get(f"{URL}?district={district}")
    assert titles(response) == expected
    assert response.context["selected_district"].slug == district


def test_unknown_filter_values_are_ignored_not_an_error(client, sample_centres):
    response = client.get(f"{URL}?district=atlantis")
    assert response.status_code == 200
    # The visitor sees the error next to the field, and the unfiltered list.
    assert 'class="errorlist' in response.content.decode()
    assert len(response.context["centres"]) + len(response.context["hotlines"]) == 3


def test_open_now_marker_follows_the_clock(client, sample_centres):
    thursday_morning = datetime.datetime(2026, 11, 26, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    with mock.patch("directory.views.timezone.now", return_value=thursday_morning):
        html = client.get(URL).content.decode()
    assert html.count("open-status is-open") == 3
    sunday = thursday_morning + datetime.timedelta(days=3)
    with mock.patch("directory.views.timezone.now", return_value=sunday):
        html = client.get(URL).content.decode()
    assert "open-status is-open" not in html and html.count("open-status is-closed") == 3


def test_map_links_every_district_and_marks_centres(client, sample_centres):
    html = client.get(URL).content.decode()
    svg = html[html.index("<figure class=\"directory-map\""):html.index("</figure>")]  # not an icon
    assert len(re.findall(r'<a href="\?district=[\w-]+#results"', svg)) == 13
    assert 'aria-label="IBAS Leipzig, Leipzig"' in svg
    # The hotline has no coordinates: it is in the list, not on the map.
    assert "Hotline" not in svg


def test_directory_query_count_does_not_grow_with_the_centres(client, directory_page, terms, districts,
                                                              django_assert_max_num_queries,
                                                              settings):
    settings.PAGE_CACHE_SECONDS = 0  # measure the rendering, whatever the clock says of "open now"

    def add(count, start):
        for n in range(start, start + count):
            make_centre(directory_page, f"Centre {n:02}", services=[terms["recognition"]],
                        languages=[terms["arabic"]], target_groups=[terms["refugees"]],
                        regions=[districts["leipzig"]], latitude="51.3", longitude="12.4",
                        exceptions=[{"date": datetime.date(2026, 12, 25), "closed": True}])

    add(3, 0)
    client.get(URL)  # warm caches (site root paths, locales)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    budget = len(few)  # now: the query log is a bounded deque that adding centres overflows
    add(12, 3)
    client.get(URL)  # publishing purged the cached menu and footer: warm them again
    with django_assert_max_num_queries(budget):
        response = client.get(URL)
    assert len(response.context["centres"]) == 15


def test_centre_page_shows_contact_hours_and_example_flag(client, sample_centres, directory_page):
    make_centre(directory_page, "IBAS Chemnitz", city="Chemnitz", is_example_data=True)
    html = client.get(URL + "ibas-chemnitz/").content.decode()
    assert "Beispieldaten" in html or "Example data" in html
    html = client.get(URL + "ibas-leipzig/").content.decode()
    assert '<th scope="row">Montag</th><td>09:00–16:00</td>' in html or \
        '<th scope="row">Monday</th><td>09:00–16:00</td>' in html
    assert "anna@example.org" in html
    assert "Bernd Ohnezustimmung" in html and "bernd@example.org" not in html
    assert 'href="/de/beratungsstellen/ibas-leipzig/vcard/"' in html


def test_centre_page_carries_valid_json_ld(client, sample_centres):
    html = client.get(URL + "ibas-leipzig/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOffice"  # run by a public authority
    assert data["name"] == "IBAS Leipzig"
    assert data["address"]["addressLocality"] == "Leipzig"
    assert data["address"]["postalCode"] == "04109"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.3397, "longitude": 12.3731}
    monday = data["openingHoursSpecification"][0]
    assert monday == {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday",
                      "opens": "09:00", "closes": "16:00"}
    assert len(data["openingHoursSpecification"]) == 5
    assert data["url"].endswith("/de/beratungsstellen/ibas-leipzig/")


def test_hotline_json_ld_is_a_local_business_serving_areas(client, sample_centres):
    html = client.get(URL + "hotline-leitstelle-zuwanderung/").content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "LocalBusiness"
    assert "address" not in data
    assert {"@type": "AdministrativeArea", "name": "Landkreis Meißen"} in data["areaServed"]


# The matrix -----------------------------------------------------------------------------

@pytest.fixture
def matrix(districts, sample_centres):
    return {
        "meissen": make_entry(districts["meissen"], "work_permit", department="Ausländeramt",
                              contact_name="Frau Kretzschmar", phone="03521 1"),
        "leipzig": make_entry(districts["leipzig"], "benefits", department="Jobcenter Leipzig",
                              contact_name="Koordinator Migration"),
    }


def test_matrix_page_lists_every_topic_for_the_district(client, matrix):
    response = client.get(URL + "zustaendigkeiten/meissen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Frau Kretzschmar" in html and "Koordinator Migration" not in html
    assert '<th scope="col">' in html
    assert len(response.context["rows"]) == 7  # one row group per topic, filled or not
    assert 'href="/de/beratungsstellen/zustaendigkeiten/meissen/csv/"' in html


def test_matrix_print_version_has_no_site_navigation(client, matrix):
    html = client.get(URL + "zustaendigkeiten/meissen/drucken/").content.decode()
    assert "Frau Kretzschmar" in html
    assert "main-nav" not in html and "matrix-print.css" in html


def test_matrix_for_unknown_district_is_404(client, matrix):
    assert client.get(URL + "zustaendigkeiten/atlantis/").status_code == 404


def test_directory_links_district_to_its_matrix(client, matrix):
    html = client.get(URL + "?district=meissen").content.decode()
    assert 'href="/de/beratungsstellen/zustaendigkeiten/meissen/"' in html


# District editors ---------------------------------------------------------------------------

@pytest.fixture
def meissen_editor(districts):
    user = User.objects.create_user("meissen", password="pw")
    user.groups.add(Group.objects.get(name="District editors"))
    DistrictEditorAssignment.objects.create(user=user, district=districts["meissen"])
    return user


def test_district_editor_sees_only_their_districts_entries(client, matrix, meissen_editor):
    client.force_login(meissen_editor)
    response = client.get("/admin/snippets/directory/responsibilityentry/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Landkreis Meißen" in html
    assert "Leipzig – " not in html and f'/edit/{matrix["leipzig"].pk}/' not in html


def test_district_editor_can_edit_own_district_but_not_another(client, matrix, meissen_editor):
    client.force_login(meissen_editor)
    base = "/admin/snippets/directory/responsibilityentry/edit/{}/"
    own = client.get(base.format(matrix["meissen"].pk))
    assert own.status_code == 200
    # The district choice offers only their own district.
    assert list(own.context["form"].fields["district"].queryset.values_list("slug", flat=True)) == ["meissen"]
    other = client.get(base.format(matrix["leipzig"].pk))
    assert other.status_code in (302, 403)
    post = client.post(base.format(matrix["leipzig"].pk), {"contact_name": "Hijacked"})
    assert post.status_code in (302, 403)
    matrix["leipzig"].refresh_from_db()
    assert matrix["leipzig"].contact_name == "Koordinator Migration"
    delete = client.post(f"/admin/snippets/directory/responsibilityentry/delete/{matrix['leipzig'].pk}/")
    assert delete.status_code in (302, 403)
    matrix["leipzig"].refresh_from_db()


def test_superuser_edits_every_district(client, matrix):
    admin = User.objects.create_superuser("admin", password="pw")
    client.force_login(admin)
    response = client.get(f"/admin/snippets/directory/responsibilityentry/edit/{matrix['leipzig'].pk}/")
    assert response.status_code == 200


# Demo content -------------------------------------------------------------------------------

def test_demo_content_names_every_seed_centre_in_german_and_english(client, demo_content):
    html = client.get(URL).content.decode()
    for title in ["IBAS Leipzig", "IBAS Dresden", "IBAS Chemnitz", "Beratung Faire Integration Leipzig",
                  "Fachinformationszentrum Zuwanderung Dresden", "Hotline Leitstelle Zuwanderung"]:
        assert title in html
    html_en = client.get("/en/beratungsstellen/").content.decode()
    assert "Immigration information centre Chemnitz" in html_en
    meissen = client.get("/en/beratungsstellen/zustaendigkeiten/meissen/").content.decode()
    assert "Frau Kretzschmar" in meissen and "Anja Stephan" in meissen
    assert "Work permit and residence" in meissen
    leipzig = client.get(URL + "zustaendigkeiten/leipzig/").content.decode()
    assert "Jobcenter Leipzig" in leipzig


def test_demo_loader_is_idempotent(demo_content):
    from directory.demo import load
    from home.demo.context import DemoContext

    ctx = DemoContext()
    load(ctx)
    assert (ctx.created, ctx.updated) == (0, 0)
    assert ctx.unchanged > 0


def test_demo_centres_keep_the_order_of_their_opening_hours_exceptions_and_contacts(demo_content):
    """Inline rows without a position came back in any order on PostgreSQL, so a rerun of
    the loader sometimes saw a change and published a revision."""
    from directory.models import CentrePage

    for page in CentrePage.objects.all():
        for relation in (page.hours_of_operation, page.hours_exceptions, page.contacts):
            positions = [row.sort_order for row in relation.all()]
            assert positions == list(range(len(positions))), (page.title, relation.model.__name__)


def test_admin_edit_and_snippet_listings_render_for_editors(client, sample_centres, matrix):
    admin = User.objects.create_superuser("root", password="pw")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{sample_centres['leipzig'].pk}/edit/").status_code == 200
    for model in ["service", "targetgroup", "counsellinglanguage", "institution", "district",
                  "responsibilityentry", "districteditorassignment"]:
        assert client.get(f"/admin/snippets/directory/{model}/").status_code == 200, model
    listing = client.get("/admin/snippets/directory/responsibilityentry/?district="
                         f"{matrix['meissen'].district_id}").content.decode()
    assert f'/edit/{matrix["meissen"].pk}/' in listing and f'/edit/{matrix["leipzig"].pk}/' not in listing
