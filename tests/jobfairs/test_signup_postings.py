"""Job postings in the employer's sign-up form (issue 19 item 1): one or more rows, "add
another" without JavaScript, errors per row with nothing lost; in the API body as a typed list;
the postings await the editors' review like those added later through the employer's link."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.models import Registration
from jobfairs.models import JobPosting, PostingStatus

pytestmark = pytest.mark.django_db


def employer_form(page, **extra):
    """The employer's answers plus what the page rendered (bot fields, the rows' management)."""
    form = page.context["form"]
    data = {"name": "Anna Muster", "email": "anna@muster.example", "language": "de",
            "consent": "on", "company": "Muster Bau", "phone": "0341 1",
            "address": "Musterweg 1, Leipzig", "trades": ["maurer"], "open_positions": "2",
            "apprenticeships": "0", "interviews": "4", "public_listing": "on",
            "rendered": form["rendered"].value(), "form_token": "t-signup"}
    formset = form.posting_formset
    data.update({field.html_name: str(field.value()) for field in formset.management_form})
    data.update(extra)
    return data


def row(index, **values):
    base = {"trade": "maurer", "level": "skilled", "german_level": "B1",
            "start_date": "2027-03-01", "places": "2",
            "description": "Mauerarbeiten im Hochbau, unbefristet."}
    base.update(values)
    return {f"posting-{index}-{name}": value for name, value in base.items()}


@pytest.fixture
def url(occurrence):
    return reverse("events_registration:form", args=[occurrence.uid, "employer"])


def test_employer_adds_two_postings_in_the_signup_form_without_javascript(
        client, url, django_capture_on_commit_callbacks):
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and 'name="posting-0-trade"' in html
    with translation.override("de"):
        assert gettext("Add another posting") in html
    # The first row filled in, then "Add another posting": shown again with a second row,
    # the first row's answers kept, nothing registered and no error shown.
    data = employer_form(page, **row(0), add_posting="1")
    again = client.post(url, data)
    html = again.content.decode()
    assert not Registration.objects.exists()
    assert 'name="posting-1-trade"' in html and 'name="posting-2-trade"' not in html
    assert "Mauerarbeiten im Hochbau, unbefristet." in html
    assert 'class="form-errors"' not in html
    # The new row starts as an untouched one does (one place, no German needed).
    added = again.context["form"].posting_formset.forms[1]
    assert added["places"].value() == "1" and added["german_level"].value() == "none"
    data = employer_form(again, **row(0), **row(1, trade="zimmerer", level="apprenticeship",
                                                 german_level="A2", places="1",
                                                 description="Ausbildung zum Zimmerer."))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, (response.context["form"].errors, [f.errors for f in response.context["form"].posting_formset])
    registration = Registration.objects.get()
    postings = list(JobPosting.objects.filter(employer=registration).order_by("trade__slug"))
    assert [(p.trade.slug, p.level, p.german_level, str(p.start_date), p.places, p.status)
            for p in postings] == [
        ("maurer", "skilled", "B1", "2027-03-01", 2, PostingStatus.PENDING),
        ("zimmerer", "apprenticeship", "A2", "2027-03-01", 1, PostingStatus.PENDING)]
    # The free text lives in the postings, not twice in the registration's answers.
    assert "postings" not in registration.data
    assert registration.data["company"] == "Muster Bau"


def test_an_untouched_posting_row_registers_without_postings(
        client, url, django_capture_on_commit_callbacks):
    page = client.get(url)
    data = employer_form(page, **{"posting-0-german_level": "none", "posting-0-places": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert Registration.objects.count() == 1 and not JobPosting.objects.exists()


def test_a_bad_row_is_an_error_next_to_its_field_and_every_answer_stays(client, url):
    page = client.get(url)
    data = employer_form(page, **row(0), **row(1, trade="astronaut", places="0",
                                                 description="Zweite Stelle, bitte behalten."))
    data["posting-TOTAL_FORMS"] = "2"
    response = client.post(url, data)
    assert response.status_code == 400
    assert not Registration.objects.exists() and not JobPosting.objects.exists()
    html = response.content.decode()
    formset = response.context["form"].posting_formset
    assert not formset.forms[0].errors
    assert set(formset.forms[1].errors) == {"trade", "places"}
    # Each message stands in the second row's fieldset, and everything typed is still there.
    second = html[html.index('data-posting-row="2"'):]
    assert 'id="id_posting-1-places_error"' in second
    assert "Zweite Stelle, bitte behalten." in second and "Mauerarbeiten im Hochbau" in html
    assert re.search(r'href="#id_postings"', html)  # the summary leads to the postings


def api_post(client, payload, capture):
    with capture(execute=True):
        return client.post("/api/v2/registrations/", json.dumps(payload),
                           content_type="application/json")


def api_body(occurrence, postings):
    return {"kind": "employer", "occurrence": occurrence.pk, "company": "Muster Bau",
            "name": "Anna Muster", "email": "anna@muster.example", "phone": "0341 1",
            "address": "Musterweg 1, Leipzig", "trades": ["maurer"], "open_positions": 1,
            "apprenticeships": 0, "interviews": 4, "public_listing": True, "consent": True,
            "postings": postings}


def test_api_signup_with_postings(client, occurrence, django_capture_on_commit_callbacks):
    response = api_post(client, api_body(occurrence, [
        {"trade": "fliesenleger", "level": "helper", "start_date": "2027-04-01", "places": 3,
         "description": "Helfer für Fliesenarbeiten."}]), django_capture_on_commit_callbacks)
    assert response.status_code == 201, response.json()
    (posting,) = JobPosting.objects.all()
    assert (posting.trade.slug, posting.level, posting.german_level, posting.places,
            posting.status) == ("fliesenleger", "helper", "none", 3, PostingStatus.PENDING)
    assert posting.employer.reference == response.json()["reference"]


@pytest.mark.parametrize("postings", [
    [{"trade": "astronaut", "level": "helper", "start_date": "2027-04-01", "places": 1,
      "description": "x"}],
    [{"trade": "maurer", "level": "boss", "start_date": "morgen", "places": 0,
      "description": ""}],
    ["maurer"], [{}], "maurer", [{"trade": ["maurer"], "places": {"a": 1}}],
])
def test_api_refuses_bad_postings_with_field_errors(client, occurrence, postings,
                                                    django_capture_on_commit_callbacks):
    response = api_post(client, api_body(occurrence, postings), django_capture_on_commit_callbacks)
    assert response.status_code == 400, response.content
    assert "postings" in response.json()["errors"]
    assert not Registration.objects.exists() and not JobPosting.objects.exists()


def test_postings_in_the_api_schema_are_typed(client):
    schemas = client.get("/api/schema/").json()["components"]["schemas"]
    employer = schemas["EmployerRegistration"]["properties"]["postings"]
    assert employer["type"] == "array" and employer["maxItems"] == 20
    item = schemas[employer["items"]["$ref"].rsplit("/", 1)[1]]
    assert set(item["required"]) == {"trade", "level", "start_date", "places", "description"}
