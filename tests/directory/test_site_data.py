"""The directory works with any district list, map and region the site provides."""

import json
import re

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import translation

from directory.models import District

from .conftest import make_centre

URL = "/de/beratungsstellen/"


@pytest.fixture
def bavarian_csv(tmp_path):
    path = tmp_path / "districts.csv"
    path.write_text("slug,name,short_name,kind\n"
                    "muenchen,München,München,city\n"
                    "landkreis-dachau,Landkreis Dachau,Dachau,landkreis\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_load_districts_replaces_the_list_with_the_sites_own(bavarian_csv, capsys):
    call_command("load_districts", str(bavarian_csv), "--prune")
    assert sorted(District.objects.values_list("slug", flat=True)) == ["landkreis-dachau", "muenchen"]
    assert "2 created, 0 updated, 13 removed." in capsys.readouterr().out


@pytest.mark.django_db
def test_load_districts_updates_by_slug_from_json(tmp_path):
    path = tmp_path / "districts.json"
    path.write_text(json.dumps([{"slug": "meissen", "name": "Landkreis Meißen (neu)",
                                 "kind": "landkreis"}]), encoding="utf-8")
    call_command("load_districts", str(path))
    district = District.objects.get(slug="meissen")
    assert district.name == district.short_name == "Landkreis Meißen (neu)"
    assert District.objects.count() == 13


@pytest.mark.django_db
def test_load_districts_refuses_to_remove_districts_in_use(directory_page, bavarian_csv):
    make_centre(directory_page, "IBAS Leipzig", district=District.objects.get(slug="leipzig"))
    with translation.override("en"), pytest.raises(CommandError, match="cannot be removed"):
        call_command("load_districts", str(bavarian_csv), "--prune")
    assert District.objects.filter(slug="leipzig").exists()
    assert not District.objects.filter(slug="muenchen").exists()  # nothing half-done


@pytest.mark.django_db
def test_load_districts_names_a_bad_row(tmp_path):
    path = tmp_path / "districts.csv"
    path.write_text("slug,name,short_name,kind\nx,X,X,county\n", encoding="utf-8")
    with translation.override("en"), \
            pytest.raises(CommandError, match="District 1: kind must be one of landkreis, city"):
        call_command("load_districts", str(path))


@pytest.mark.django_db
def test_a_site_without_a_map_lists_centres_without_one(client, settings, sample_centres):
    settings.DIRECTORY_MAP_SVG = None
    html = client.get(URL).content.decode()
    assert "IBAS Leipzig" in html
    assert "directory-map" not in html and "?district=leipzig#results" not in html


@pytest.mark.django_db
def test_this_sites_map_shows_its_districts(client, sample_centres):
    html = client.get(URL).content.decode()
    figure = html[html.index('<figure class="directory-map"'):html.index("</figure>")]
    assert len(re.findall(r'<a href="\?district=[\w-]+#results"', figure)) == 13


@pytest.mark.django_db
def test_address_region_comes_from_the_setting(client, settings, sample_centres):
    def address():
        html = client.get(URL + "ibas-leipzig/").content.decode()
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return json.loads(match.group(1))["address"]

    assert address()["addressRegion"] == "Sachsen"
    settings.DIRECTORY_ADDRESS_REGION = ""
    cache.clear()  # the page cache holds the first answer
    assert "addressRegion" not in address()


@pytest.mark.django_db
def test_printable_matrix_names_the_site(client, settings, sample_centres):
    settings.WAGTAIL_SITE_NAME = "Example Network"
    html = client.get(URL + "zustaendigkeiten/leipzig/drucken/").content.decode()
    assert "Example Network" in html and "IQ Netzwerk Sachsen" not in html
