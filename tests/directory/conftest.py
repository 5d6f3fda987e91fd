"""Builders for the directory tests: a directory page, centres, terms and matrix entries."""

import datetime

import pytest
from wagtail.models import Locale

from directory.models import (
    CentreContact,
    CentreHoursException,
    CentreOpeningHours,
    CentrePage,
    CounsellingLanguage,
    DirectoryIndexPage,
    District,
    Institution,
    ResponsibilityEntry,
    Service,
    TargetGroup,
)

NINE_TO_FOUR = [(day, datetime.time(9), datetime.time(16)) for day in range(5)]


def make_term(model, slug, name, locale=None, **kwargs):
    locale = locale or Locale.get_default()
    return model.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, **kwargs})[0]


def make_centre(index, title, *, hours=NINE_TO_FOUR, exceptions=(), services=(), languages=(),
                target_groups=(), regions=(), contacts=(), **fields):
    fields.setdefault("city", "Leipzig")
    fields.setdefault("street", "Beispielstraße 1")
    fields.setdefault("postal_code", "04109")
    page = CentrePage(title=title, slug=fields.pop("slug", None) or title.lower().replace(" ", "-"), **fields)
    page.hours_of_operation = [CentreOpeningHours(day=d, opening_time=o, closing_time=c) for d, o, c in hours]
    page.hours_exceptions = [CentreHoursException(**e) for e in exceptions]
    page.contacts = [CentreContact(**c) for c in contacts]
    page.services = list(services)
    page.languages = list(languages)
    page.target_groups = list(target_groups)
    page.regions = list(regions)
    index.add_child(instance=page)
    page.save_revision().publish()
    return CentrePage.objects.get(pk=page.pk)


@pytest.fixture
def directory_page(home_page):
    page = DirectoryIndexPage(title="Beratungsstellen", slug="beratungsstellen")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def districts(db):
    return {d.slug: d for d in District.objects.all()}


@pytest.fixture
def terms(db):
    return {
        "recognition": make_term(Service, "anerkennungsberatung", "Anerkennungsberatung"),
        "labour_law": make_term(Service, "arbeitsrecht", "Arbeitsrechtsberatung"),
        "arabic": make_term(CounsellingLanguage, "ar", "Arabisch"),
        "farsi": make_term(CounsellingLanguage, "fa", "Persisch"),
        "refugees": make_term(TargetGroup, "gefluechtete", "Geflüchtete"),
        "employers": make_term(TargetGroup, "unternehmen", "Unternehmen"),
    }


@pytest.fixture
def sample_centres(directory_page, districts, terms):
    """IBAS Leipzig (Arabic, recognition), BFI Dresden (Farsi, labour law) and a hotline for the countryside."""
    authority = Institution.objects.create(name="Landratsamt Beispiel", is_public_authority=True)
    leipzig = make_centre(
        directory_page, "IBAS Leipzig", district=districts["leipzig"], regions=[districts["leipzig"]],
        services=[terms["recognition"]], languages=[terms["arabic"]], target_groups=[terms["refugees"]],
        latitude="51.339700", longitude="12.373100", phone="0341 123456", email="ibas@example.org",
        institution=authority,
        contacts=[{"name": "Anna Beispiel", "role": "Beratung", "phone": "0341 1", "email": "anna@example.org",
                   "consented": True},
                  {"name": "Bernd Ohnezustimmung", "role": "Leitung", "phone": "0341 2",
                   "email": "bernd@example.org", "consented": False}])
    dresden = make_centre(
        directory_page, "Beratung Faire Integration Dresden", city="Dresden", postal_code="01067",
        district=districts["dresden"], regions=[districts["dresden"], districts["meissen"]],
        services=[terms["labour_law"]], languages=[terms["farsi"]], target_groups=[terms["employers"]],
        latitude="51.050400", longitude="13.737300")
    rural = [d for slug, d in districts.items() if slug not in ("leipzig", "dresden", "chemnitz")]
    hotline = make_centre(
        directory_page, "Hotline Leitstelle Zuwanderung", street="", city="", postal_code="",
        regions=rural, phone="0800 000000", services=[terms["recognition"]], languages=[terms["arabic"]],
        hours=[(d, datetime.time(8), datetime.time(18)) for d in range(5)])
    return {"leipzig": leipzig, "dresden": dresden, "hotline": hotline}


def make_entry(district, topic, **fields):
    fields.setdefault("locale", Locale.get_default())
    return ResponsibilityEntry.objects.create(district=district, topic=topic, **fields)
