"""Centre rules: "open now" in Europe/Berlin (midnight, holidays, DST), page tree, reference data."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from directory.models import CentrePage, DirectoryIndexPage, District, ResponsibilityEntry

from .conftest import make_centre, make_entry

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


class TestPageTree(WagtailPageTestCase):
    def test_centres_live_only_under_a_directory_page(self):
        self.assertAllowedParentPageTypes(CentrePage, {DirectoryIndexPage})
        self.assertAllowedSubpageTypes(CentrePage, {})
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {CentrePage})


def test_migration_seeds_saxonys_ten_rural_districts_and_three_cities():
    assert District.objects.filter(kind="landkreis").count() == 10
    assert set(District.objects.filter(kind="city").values_list("slug", flat=True)) == {
        "leipzig", "dresden", "chemnitz"}
    assert District.objects.get(slug="meissen").name == "Landkreis Meißen"
    group = Group.objects.get(name="District editors")
    assert group.permissions.filter(codename="change_responsibilityentry").exists()


@pytest.fixture
def centre(directory_page):
    return make_centre(directory_page, "IBAS Leipzig")  # Monday to Friday 09:00–16:00


def test_open_during_weekday_hours_in_berlin_time(centre):
    assert centre.is_open(now=berlin(2026, 11, 26, 10, 0))  # Thursday
    assert not centre.is_open(now=berlin(2026, 11, 26, 16, 0))  # closing time is exclusive
    assert not centre.is_open(now=berlin(2026, 11, 28, 10, 0))  # Saturday


def test_open_now_converts_utc_to_berlin_in_summer_and_winter(centre):
    # 07:30 UTC is 09:30 in summer (CEST) but 08:30 in winter (CET).
    assert centre.is_open(now=datetime.datetime(2027, 7, 1, 7, 30, tzinfo=UTC))
    assert not centre.is_open(now=datetime.datetime(2026, 12, 3, 7, 30, tzinfo=UTC))


def test_slot_past_midnight_stays_open_into_the_next_day(directory_page):
    late = make_centre(directory_page, "Nachtberatung",
                       hours=[(4, datetime.time(22), datetime.time(2))])  # Friday 22:00–02:00
    assert not late.is_open(now=berlin(2026, 11, 27, 21, 59))
    assert late.is_open(now=berlin(2026, 11, 27, 23, 59))
    assert late.is_open(now=berlin(2026, 11, 28, 0, 0))
    assert late.is_open(now=berlin(2026, 11, 28, 1, 59))
    assert not late.is_open(now=berlin(2026, 11, 28, 2, 0))
    # Thursday night has no slot.
    assert not late.is_open(now=berlin(2026, 11, 27, 0, 30))


def test_closing_at_midnight_means_until_the_end_of_the_day(directory_page):
    evening = make_centre(directory_page, "Abendberatung",
                          hours=[(0, datetime.time(18), datetime.time(0))])  # Monday 18:00–24:00
    assert evening.is_open(now=berlin(2026, 11, 30, 23, 59, 59))
    assert not evening.is_open(now=berlin(2026, 12, 1, 0, 0))


def test_public_holiday_exception_closes_a_normal_weekday(directory_page):
    centre = make_centre(directory_page, "IBAS Dresden", exceptions=[
        {"date": datetime.date(2026, 12, 25), "closed": True, "reason": "1. Weihnachtstag"}])
    assert not centre.is_open(now=berlin(2026, 12, 25, 10, 0))  # a Friday
    assert centre.is_open(now=berlin(2026, 12, 18, 10, 0))  # the Friday before


def test_special_hours_replace_the_weekday_hours(directory_page):
    centre = make_centre(directory_page, "IBAS Chemnitz", exceptions=[
        {"date": datetime.date(2026, 12, 24), "closed": False, "opening_time": datetime.time(9),
         "closing_time": datetime.time(12), "reason": "Heiligabend"}])
    assert centre.is_open(now=berlin(2026, 12, 24, 11, 59))
    assert not centre.is_open(now=berlin(2026, 12, 24, 12, 30))


def test_holiday_after_overnight_slot_does_not_cut_the_night_short(directory_page):
    late = make_centre(directory_page, "Silvesterhotline",
                       hours=[(3, datetime.time(20), datetime.time(2))],  # Thursday 20:00–02:00
                       exceptions=[{"date": datetime.date(2027, 1, 1), "closed": True}])
    assert late.is_open(now=berlin(2027, 1, 1, 0, 30))  # Thursday 31 Dec's slot runs on
    assert not late.is_open(now=berlin(2027, 1, 1, 21, 0))


def test_a_centre_without_address_is_a_hotline(sample_centres):
    assert sample_centres["hotline"].is_hotline
    assert not sample_centres["leipzig"].is_hotline


def test_contact_details_only_published_with_consent(sample_centres):
    anna, bernd = sample_centres["leipzig"].contacts.all()
    assert anna.public_email == "anna@example.org"
    assert bernd.public_email == "" and bernd.public_phone == ""


def test_matrix_falls_back_to_german_entries_without_translation(districts, locales):
    translated = make_entry(districts["meissen"], "work_permit", contact_name="Frau Kretzschmar",
                            note="Deutsch")
    english = ResponsibilityEntry.objects.create(
        district=districts["meissen"], topic="work_permit", contact_name="Frau Kretzschmar",
        note="English", locale=locales["en"], translation_key=translated.translation_key)
    untranslated = make_entry(districts["meissen"], "benefits", department="Jobcenter (Optionskommune)")
    entries = ResponsibilityEntry.objects.for_district(districts["meissen"], "en")
    assert [e.pk for e in entries] == [english.pk, untranslated.pk]
    assert Locale.get_default().language_code == "de"
