"""The employer's profile (logo, short description in German and English, website): edited
through the employer's signed link, shown with the exhibitor on the fair page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from jobfairs.models import EmployerProfile
from jobfairs.postings import manage_token

pytestmark = pytest.mark.django_db


def manage_url(registration, language="de"):
    with translation.override(language):
        return reverse("jobfairs:employer", args=[manage_token(registration)])


def image_file(size=(1600, 900), fmt="PNG", name="logo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def profile_form(**changes):
    return {"action": "profile", "description_de": "Wir bauen Häuser in Leipzig.",
            "description_en": "", "company_website": "https://muster-bau.example", **changes}


def test_employer_saves_a_profile_with_a_logo_scaled_into_its_box(client, make_employer):
    employer = make_employer(company="Muster Bau GmbH")
    response = client.post(manage_url(employer), profile_form(logo=image_file()))
    assert response.status_code == 302
    profile = EmployerProfile.objects.get(employer=employer)
    assert profile.description_de == "Wir bauen Häuser in Leipzig."
    assert profile.website == "https://muster-bau.example"
    with profile.logo.open() as stored, Image.open(stored) as logo:
        assert logo.format == "PNG" and logo.width <= 400 and logo.height <= 200
        assert logo.size == (356, 200)  # the proportions are kept
    # A second save without a file keeps the logo; "remove" removes it.
    client.post(manage_url(employer), profile_form())
    profile.refresh_from_db()
    assert profile.logo
    client.post(manage_url(employer), profile_form(remove_logo="on"))
    profile.refresh_from_db()
    assert not profile.logo


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png"),
     "not an image we can read"),
    (image_file(fmt="GIF", name="logo.gif"), "PNG, JPEG or WebP"),
    (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1)), "at most 2 MB"),
])
def test_a_bad_logo_is_a_clear_message_and_the_texts_stay_in_the_form(
        client, make_employer, upload, message):
    employer = make_employer()
    upload.seek(0)
    response = client.post(manage_url(employer, "en"), profile_form(logo=upload))
    assert response.status_code == 400
    assert message in str(response.context["profile_form"].errors["logo"])
    html = response.content.decode()
    assert 'id="id_logo_error"' in html and "Wir bauen Häuser in Leipzig." in html
    assert not EmployerProfile.objects.exists()


@pytest.mark.parametrize("website", ["javascript:alert(1)", "ftp://example.org", "kein link"])
def test_website_must_be_a_web_address(client, make_employer, website):
    employer = make_employer()
    response = client.post(manage_url(employer), profile_form(company_website=website))
    assert response.status_code == 400
    assert response.context["profile_form"].errors["company_website"]
    assert not EmployerProfile.objects.exists()


def test_english_text_needs_the_german_one(client, make_employer):
    response = client.post(manage_url(make_employer()),
                           profile_form(description_de="", description_en="We build houses."))
    assert response.status_code == 400
    assert response.context["profile_form"].errors["description_de"]


def test_fair_page_shows_logo_description_in_the_visitors_language_and_website(
        client, fair, make_employer, locales):
    employer = make_employer(company="Muster Bau GmbH")
    client.post(manage_url(employer), profile_form(
        logo=image_file(), description_en="We build houses in Leipzig."))
    german = client.get(fair.url).content.decode()
    assert 'alt="Muster Bau GmbH"' in german
    assert '<p class="exhibitor-description" lang="de">Wir bauen Häuser in Leipzig.</p>' in german
    assert 'href="https://muster-bau.example" rel="noopener"' in german

    english_page = fair.copy_for_translation(locales["en"], copy_parents=True)
    english_page.save_revision().publish()
    english = client.get(english_page.specific.url).content.decode()
    assert '<p class="exhibitor-description" lang="en">We build houses in Leipzig.</p>' in english

    # Without an English text the English page shows the German one, marked as German.
    client.post(manage_url(employer), profile_form())
    english = client.get(english_page.specific.url).content.decode()
    assert '<p class="exhibitor-description" lang="de">Wir bauen Häuser in Leipzig.</p>' in english


def test_profile_of_an_employer_who_is_not_listed_stays_off_the_page(client, fair, make_employer):
    employer = make_employer(company="Geheim KG", public=False)
    client.post(manage_url(employer), profile_form(description_de="Geheimer Text."))
    assert EmployerProfile.objects.filter(employer=employer).exists()
    assert "Geheimer Text." not in client.get(fair.url).content.decode()


def test_exhibitors_api_gives_logo_description_in_the_requested_language_and_website(
        client, fair, make_employer, settings, django_assert_max_num_queries):
    employer = make_employer(company="Muster Bau GmbH")
    make_employer(company="Ohne Profil AG")
    client.post(manage_url(employer), profile_form(
        logo=image_file(), description_en="We build houses in Leipzig."))
    url = "/api/v2/exhibitors/"
    with django_assert_max_num_queries(8):  # no query (and no file read) per exhibitor
        german = client.get(url, {"fair": fair.pk}).json()["items"]
    muster, plain = german
    assert muster["company"] == "Muster Bau GmbH"
    assert muster["description"] == "Wir bauen Häuser in Leipzig."
    assert muster["description_language"] == "de"
    assert muster["website"] == "https://muster-bau.example"
    logo = muster["logo"]
    assert logo["url"].startswith("http://testserver/") and logo["url"].endswith(".png")
    assert (logo["width"], logo["height"]) == (356, 200)  # the stored, scaled-down image
    profile = EmployerProfile.objects.get(employer=employer)
    assert logo["url"].endswith(profile.logo.url)
    assert plain == {"company": "Ohne Profil AG", "trades": plain["trades"], "logo": None,
                     "description": "", "description_language": "", "website": ""}
    english = client.get(url, {"fair": fair.pk}, headers={"Accept-Language": "en"}).json()
    assert english["items"][0]["description"] == "We build houses in Leipzig."
    assert english["items"][0]["description_language"] == "en"
    # Contact data never.
    assert "anna" not in str(german).lower() and "@" not in str(german)


def test_exhibitors_api_refuses_bad_fair_ids_like_the_postings_list(client, fair):
    for url in ("/api/v2/exhibitors/", "/api/v2/job-postings/"):
        assert client.get(url).status_code == 400
        assert client.get(url, {"fair": "x"}).status_code == 400
        assert client.get(url, {"fair": 999999}).json()["detail"]
