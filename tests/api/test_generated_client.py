"""A client generated from the served OpenAPI document (openapi-python-client) works against the
running site: it lists every page type, lists dates, and registers a participant (trainings),
an employer and a job-seeker (job fairs) with its own typed bodies."""

import importlib
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PACKAGE = "iq_api_client"


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server


@pytest.fixture
def generated(demo_site, tmp_path):
    """Generate the client from the document the site serves and import it."""
    document = httpx.get(f"{demo_site.url}/api/schema/").raise_for_status().json()
    (tmp_path / "schema.json").write_text(json.dumps(document))
    # No post hooks: the generator would otherwise run ruff over the output.
    (tmp_path / "config.yaml").write_text("post_hooks: []\n")
    command = [str(Path(sys.executable).with_name("openapi-python-client")), "generate",
               "--path", "schema.json", "--output-path", PACKAGE, "--meta", "none",
               "--config", "config.yaml", "--fail-on-warning"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module(PACKAGE)
        yield package, package.Client(base_url=demo_site.url, raise_on_unexpected_status=True), \
            document
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def page_types(document):
    """Every `app_label.Model` the document lists for the pages endpoint."""
    items = document["paths"]["/api/v2/pages/"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]["properties"]["items"]["items"]["anyOf"]
    schemas = document["components"]["schemas"]
    names = [ref["$ref"].rsplit("/", 1)[-1] for ref in items]
    return {schemas[name]["properties"]["meta"]["properties"]["type"]["enum"][0]: name
            for name in names}


def test_generated_client_lists_pages_and_dates_and_registers_each_kind(generated):
    package, client, document = generated
    pages_detail = importlib.import_module(f"{PACKAGE}.api.pages.pages_detail")
    pages_listing = importlib.import_module(f"{PACKAGE}.api.pages.pages_listing")
    occurrences_listing = importlib.import_module(
        f"{PACKAGE}.api.occurrences.occurrences_listing")
    registrations_create = importlib.import_module(
        f"{PACKAGE}.api.registrations.registrations_create")
    models = importlib.import_module(f"{PACKAGE}.models")

    # Every page type, each parsed into the model generated for it.
    types = page_types(document)
    assert len(types) >= 12, types
    for page_type, schema_name in types.items():
        listing = pages_listing.sync(client=client, type_=models.PagesListingType(page_type),
                                     fields="*", limit=100)
        assert isinstance(listing, models.PagesListingResponse200), (page_type, listing)
        assert listing.items, f"no {page_type} in the demo content"
        if page_type != "wagtailcore.Page":  # the plain type lists every page in that shape
            model_class = type(listing.items[0])
            assert model_class.__name__.lower() == schema_name.replace("_", "").lower(), (
                page_type, model_class)
            assert all(item.meta.type_.value == page_type for item in listing.items)

    # Dates, then one open place of each kind through the typed bodies.
    dates = occurrences_listing.sync(client=client, locale=models.OccurrencesListingLocale.EN,
                                     limit=100)
    assert isinstance(dates, models.PaginatedOccurrenceList) and dates.items

    def open_date(kind):
        for date in dates.items:
            if any(state.kind.value == kind and state.open_ and state.remaining
                   for state in date.registration):
                return date
        raise AssertionError(f"no open {kind} date among {dates.meta.total_count}")

    def trade_of(date):
        """A trade the fair asks for, from the fair page in the pages endpoint."""
        fair = pages_detail.sync(client=client, id=date.page.id)
        assert isinstance(fair, models.JobfairsJobFairPage), fair
        return models.TradesEnum(fair.trades[0].slug)  # the trade codes are an enum

    employer_date, jobseeker_date = open_date("employer"), open_date("jobseeker")
    common = {"consent": True, "language": models.LanguageEnum.EN}
    bodies = [
        models.ParticipantRegistration(
            occurrence=open_date("participant").id,
            kind=models.ParticipantRegistrationKindEnum.PARTICIPANT,
            name="Ada Participant", email="ada@example.org", organisation="Jobcenter Leipzig",
            organisation_type=models.OrganisationTypeEnum.EMPLOYMENT_ADMINISTRATION,
            role="Arbeitsvermittlerin", **common),
        models.EmployerRegistration(
            occurrence=employer_date.id, kind=models.EmployerRegistrationKindEnum.EMPLOYER,
            name="Bea Employer", email="bea@example.org", company="Bau GmbH",
            phone="+49 341 000000", address="Beispielweg 1, 04109 Leipzig",
            trades=[trade_of(employer_date)], open_positions=2,
            apprenticeships=1, interviews=4, **common),
        models.JobseekerRegistration(
            occurrence=jobseeker_date.id,
            kind=models.JobseekerRegistrationKindEnum.JOBSEEKER,
            name="Cem Jobseeker", email="cem@example.org",
            trades=[trade_of(jobseeker_date)],
            german_level=list(models.JobseekerRegistrationGermanLevelEnum)[0],
            recognition=list(models.RecognitionEnum)[0], **common),
    ]
    from events.models import Occurrence, Registration

    for body in bodies:
        response = registrations_create.sync_detailed(client=client, body=body)
        assert response.status_code == 201, (body.kind, response.content)
        result = response.parsed
        assert isinstance(result, models.RegistrationResult)
        registration = Registration.objects.get(reference=result.reference)
        assert registration.option.kind == body.kind.value
        # A translation's date registers on the source page's date (one pool of places).
        listed = Occurrence.objects.select_related("page").get(pk=body.occurrence)
        assert registration.occurrence.page.translation_key == listed.page.translation_key
        assert registration.occurrence.sort_order == listed.sort_order
        assert registration.email == body.email
