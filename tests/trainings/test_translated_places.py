"""One date has one set of places whatever the language: a module translated with
wagtail-localize registers on the German session's places, through the English page and form."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from events.models import Registration, RegistrationOption, RegistrationState

from .test_registration import api_post, fresh_fields

pytestmark = pytest.mark.django_db
S = RegistrationState


@pytest.fixture
def translate(django_user_model, django_capture_on_commit_callbacks):
    user = django_user_model.objects.create_superuser("lena", "lena@example.org", "pw")
    english = Locale.objects.get(language_code="en")

    def run(page):
        for item in (page.get_parent(), page):
            if item.get_translation_or_none(english) is None:
                TranslationCreator(user, [english]).create_translations(item)
            translation = Translation.objects.get(source__object_id=item.translation_key,
                                                  target_locale=english)
            TranslationSource.update_or_create_from_instance(item)
            with django_capture_on_commit_callbacks(execute=True):
                translation.save_target(user=user, publish=True)
        return page.get_translation(english).specific

    return run


def form_data(client, url, email, name="Sam Taylor"):
    return {"name": name, "email": email, "language": "en", "consent": "on", "website": "",
            "organisation": "Jobcenter Leipzig", "organisation_type": "employment_administration",
            "role": "Counsellor", "phone": "", "accessibility_needs": "",
            **fresh_fields(client, url)}


def places_left(html):
    return re.findall(r'class="places">\s*([^<]+?)\s*<', html)


def test_a_full_german_session_is_full_on_the_english_page_and_form(
        client, make_module, home_page_en, translate, django_capture_on_commit_callbacks):
    module = make_module(title="Sprachsensibel beraten", max_group_size=1)
    english_page = translate(module)
    german_date = module.occurrences.get()
    english_date = english_page.occurrences.get()
    assert english_date.uid != german_date.uid  # each language has its own date rows

    # Only the German date has places: publishing the translation added none of its own.
    assert list(RegistrationOption.objects.values_list("occurrence_id", flat=True)) == [german_date.pk]

    # The English page shows the German session's places and links to its English form.
    html = client.get(english_page.url).content.decode()
    english_form = f"/en/registration/{english_date.uid}/participant/"
    assert english_form in html
    assert places_left(html) == ["1 place left"]

    german_form = f"/de/registration/{german_date.uid}/participant/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(german_form, form_data(client, german_form, "anna@example.org"))
    assert response.status_code == 302

    html = client.get(english_page.url).content.decode()
    assert places_left(html) == ["Fully booked – waiting list open."]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english_form, form_data(client, english_form, "sam@example.org"))
    assert response.status_code == 302
    sam = Registration.objects.get(email="sam@example.org")
    # The English registration went onto the same places: the room of one is full.
    assert sam.option.occurrence_id == german_date.pk
    assert sam.state == S.WAITLISTED
    assert Registration.objects.filter(state__in=[S.PENDING, S.CONFIRMED]).count() == 1
    status = client.get(response["Location"]).content.decode()
    assert english_page.title in status


def test_the_api_registers_an_english_date_on_the_german_places(
        client, make_module, home_page_en, translate, django_capture_on_commit_callbacks):
    module = make_module(title="Sprachsensibel beraten", max_group_size=1)
    english_date = translate(module).occurrences.get()
    body = {"occurrence": english_date.pk, "kind": "participant", "name": "Ahmad Karimi",
            "consent": True, "organisation": "IHK Chemnitz",
            "organisation_type": "chambers_and_companies", "role": "Berater"}
    with django_capture_on_commit_callbacks(execute=True):
        first = api_post(client, {**body, "email": "a@example.org"})
        second = api_post(client, {**body, "email": "b@example.org"})
    assert (first.status_code, first.json()["status"]) == (201, "pending")
    assert (second.status_code, second.json()["status"]) == (201, "waitlisted")
    listed = client.get("/api/v2/occurrences/?locale=en").json()["items"]
    item = next(row for row in listed if row["uid"] == str(english_date.uid))
    assert item["registration"][0]["remaining"] == 0


def test_resynchronising_the_translation_keeps_every_registration(
        client, make_module, home_page_en, translate, django_capture_on_commit_callbacks):
    module = make_module(title="Sprachsensibel beraten", max_group_size=3)
    english_page = translate(module)
    english_form = f"/en/registration/{english_page.occurrences.get().uid}/participant/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(english_form, form_data(client, english_form, "sam@example.org"))
    module.summary = "Neue Zusammenfassung."
    module.save_revision().publish()
    english_page = translate(module)  # the sync recreates the English date rows
    assert Registration.objects.filter(email="sam@example.org").exists()
    html = client.get(english_page.url).content.decode()
    assert places_left(html) == ["2 places left"]


def test_without_a_waiting_list_the_english_form_refuses_a_full_session(
        client, make_module, home_page_en, translate, django_capture_on_commit_callbacks):
    module = make_module(title="Sprachsensibel beraten", max_group_size=1)
    english_page = translate(module)
    RegistrationOption.objects.update(waitlist_enabled=False)
    german_form = f"/de/registration/{module.occurrences.get().uid}/participant/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(german_form, form_data(client, german_form, "anna@example.org"))
    english_form = f"/en/registration/{english_page.occurrences.get().uid}/participant/"
    html = client.get(english_form).content.decode()
    assert "fully booked" in html and 'name="form_token"' not in html
    response = client.post(english_form, {"name": "Sam", "email": "sam@example.org",
                                          "consent": "on", "language": "en"})
    assert response.status_code == 200 and "fully booked" in response.content.decode()
    assert not Registration.objects.filter(email="sam@example.org").exists()
