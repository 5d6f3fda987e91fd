"""The fair page's `exhibitors` field in the pages API gives each exhibitor's public profile
(logo URL and size, description in the requested language, website) as `/api/v2/exhibitors/`
does, in the listing and on the page's own answer."""

import pytest

from jobfairs.models import EmployerProfile

from .test_employer_profile import image_file, manage_url, profile_form

pytestmark = pytest.mark.django_db
LISTING = "/api/v2/pages/"


def test_page_api_exhibitors_carry_the_employer_profile(client, fair, make_employer):
    employer = make_employer(company="Muster Bau GmbH")
    make_employer(company="Ohne Profil AG")
    client.post(manage_url(employer), profile_form(
        logo=image_file(), description_en="We build houses in Leipzig."))
    profile = EmployerProfile.objects.get(employer=employer)
    params = {"type": "jobfairs.JobFairPage", "fields": "exhibitors"}
    (item,) = [item for item in client.get(LISTING, params).json()["items"]
               if item["id"] == fair.pk]
    detail = client.get(f"{LISTING}{fair.pk}/").json()
    exhibitors = client.get("/api/v2/exhibitors/", {"fair": fair.pk}).json()["items"]
    for shown in (item["exhibitors"], detail["exhibitors"]):
        muster, plain = shown
        assert muster["company"] == "Muster Bau GmbH" and muster["trades"]
        assert muster["description"] == "Wir bauen Häuser in Leipzig."
        assert muster["description_language"] == "de"
        assert muster["website"] == "https://muster-bau.example"
        assert muster["logo"]["url"] == f"http://testserver{profile.logo.url}"
        assert (muster["logo"]["width"], muster["logo"]["height"]) == (356, 200)
        assert plain == {"company": "Ohne Profil AG", "trades": plain["trades"], "logo": None,
                         "description": "", "description_language": "", "website": ""}
        # The same profile as the exhibitors endpoint gives (trades there are objects).
        for entry, full in zip(shown, exhibitors, strict=True):
            assert {key: entry[key] for key in ("logo", "description", "website")} == {
                key: full[key] for key in ("logo", "description", "website")}
    english = client.get(LISTING, params, headers={"Accept-Language": "en"}).json()["items"]
    (item,) = [item for item in english if item["id"] == fair.pk]
    assert item["exhibitors"][0]["description"] == "We build houses in Leipzig."
    assert item["exhibitors"][0]["description_language"] == "en"


def test_page_api_exhibitors_are_described_in_the_openapi_document(client):
    schemas = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    entry = schemas["jobfairs_JobFairPage"]["properties"]["exhibitors"]["items"]["properties"]
    assert {"company", "trades", "logo", "description", "description_language",
            "website"} <= set(entry)
    logo = entry["logo"]
    assert logo["type"] == "object" and logo["nullable"] is True
    assert {"url", "width", "height"} <= set(logo["properties"])
    assert logo["properties"]["url"]["type"] == "string"
    assert entry["website"]["type"] == "string"
