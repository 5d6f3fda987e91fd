"""Registration questions that editors add to an event page: the public form asks them (in the
page's language, only of the chosen kinds), answers are checked on the server and stored typed
under the question's id, and the admin, the exports and the API show and take them."""

import csv
import datetime
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.utils.translation import gettext, override
from openpyxl import load_workbook
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.blocks import RegistrationQuestionBlock
from events.models import Registration, RegistrationOption
from tests.admin_users import signed_in_member

from .test_public_form import form_url, fresh_fields

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/snippets/events/registration/"

QUESTIONS = [
    ("question", {"label": "Ihre Funktion", "help_text": "Zum Beispiel Beraterin",
                  "field_type": "text", "required": True, "choices": [], "kinds": []}),
    ("question", {"label": "Was möchten Sie lernen?", "help_text": "", "field_type": "long_text",
                  "required": False, "choices": [], "kinds": []}),
    ("question", {"label": "Jahre Berufserfahrung", "help_text": "", "field_type": "number",
                  "required": False, "choices": [], "kinds": []}),
    ("question", {"label": "Seit wann in Sachsen?", "help_text": "", "field_type": "date",
                  "required": False, "choices": [], "kinds": []}),
    ("question", {"label": "Brauchen Sie Kinderbetreuung?", "help_text": "",
                  "field_type": "yes_no", "required": True, "choices": [], "kinds": []}),
    ("question", {"label": "Mittagessen", "help_text": "", "field_type": "single_choice",
                  "required": False, "choices": ["Vegetarisch", "Vegan", "Mit Fleisch"],
                  "kinds": []}),
    ("question", {"label": "Interessen", "help_text": "", "field_type": "multiple_choice",
                  "required": False, "choices": ["Recht", "Sprache", "Arbeit"], "kinds": []}),
    ("question", {"label": "Firmenname", "help_text": "", "field_type": "text",
                  "required": True, "choices": [], "kinds": ["employer"]}),
]


def german(text):
    with override("de"):
        return gettext(text)


@pytest.fixture
def asked_option(make_option):
    """An attendee date whose page asks the questions above (published with a revision)."""
    option = make_option(title="Fachtag Anerkennung")
    page = option.occurrence.page.specific
    page.registration_questions = QUESTIONS
    page.save_revision().publish()
    return RegistrationOption.objects.get(pk=option.pk)


def ids(option):
    """{label: question id, "<label>/<choice>": choice id} of the option's page."""
    page = option.occurrence.page.specific
    found = {}
    for child in page.registration_questions:
        found[child.value["label"]] = child.id
        for item in child.value["choices"].bound_blocks:
            found[f"{child.value['label']}/{item.value}"] = item.id
    return found


def post_form(client, url, callbacks, **answers):
    data = {"name": "Ada Lovelace", "email": "ada@example.org", "language": "de",
            "consent": "on", "website": "", **fresh_fields(client, url), **answers}
    with callbacks(execute=True):
        return client.post(url, data)


def test_public_form_asks_the_questions_and_stores_typed_answers(
        client, asked_option, django_capture_on_commit_callbacks):
    url = form_url(asked_option)
    key = ids(asked_option)
    html = client.get(url).content.decode()
    assert "Ihre Funktion" in html and "Zum Beispiel Beraterin" in html
    assert f'id="id_question_{key["Ihre Funktion"]}_helptext"' in html
    assert "<legend>Mittagessen" in html and "<legend>Interessen" in html  # grouped choices
    assert 'type="date"' in html and "Vegetarisch" in html
    assert "Firmenname" not in html  # only asked of exhibitors
    # The questions come before the consent box.
    assert html.index("Ihre Funktion") < html.index('name="consent"')

    response = post_form(client, url, django_capture_on_commit_callbacks, **{
        f"question_{key['Ihre Funktion']}": "Beraterin",
        f"question_{key['Was möchten Sie lernen?']}": "Zeile 1\r\nZeile 2",
        f"question_{key['Jahre Berufserfahrung']}": "7",
        f"question_{key['Seit wann in Sachsen?']}": "2019-04-01",
        f"question_{key['Brauchen Sie Kinderbetreuung?']}": "no",
        f"question_{key['Mittagessen']}": key["Mittagessen/Vegan"],
        f"question_{key['Interessen']}": [key["Interessen/Recht"], key["Interessen/Arbeit"]],
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    answers = Registration.objects.get().data["answers"]
    assert answers == {
        key["Ihre Funktion"]: "Beraterin",
        key["Was möchten Sie lernen?"]: "Zeile 1\nZeile 2",
        key["Jahre Berufserfahrung"]: 7,
        key["Seit wann in Sachsen?"]: "2019-04-01",
        key["Brauchen Sie Kinderbetreuung?"]: False,
        key["Mittagessen"]: key["Mittagessen/Vegan"],
        key["Interessen"]: [key["Interessen/Recht"], key["Interessen/Arbeit"]],
    }


def test_a_missing_required_answer_is_a_translated_error_next_to_it_and_nothing_is_lost(
        client, asked_option, django_capture_on_commit_callbacks):
    key = ids(asked_option)
    response = post_form(client, form_url(asked_option, "en"), django_capture_on_commit_callbacks, **{
        f"question_{key['Was möchten Sie lernen?']}": "Mehr über Anerkennung",
        f"question_{key['Jahre Berufserfahrung']}": "viele",
        f"question_{key['Interessen']}": [key["Interessen/Sprache"]],
    })
    assert response.status_code == 400
    html = response.content.decode()
    required = f'id="id_question_{key["Ihre Funktion"]}_error"'
    assert required in html and "This field is required." in html.split(required)[1][:200]
    number_error = html.split(f'id="id_question_{key["Jahre Berufserfahrung"]}_error"')[1][:200]
    assert "Enter a number." in number_error
    assert f'id="id_question_{key["Brauchen Sie Kinderbetreuung?"]}_error"' in html
    # What was typed stays in the form.
    assert "Mehr über Anerkennung</textarea>" in html and 'value="viele"' in html
    assert re.search(rf'value="{key["Interessen/Sprache"]}"[^>]*checked', html)
    assert Registration.objects.count() == 0

    german_html = post_form(client, form_url(asked_option, "de"),
                            django_capture_on_commit_callbacks).content.decode()
    assert german("This field is required.") in german_html
    assert german("This field is required.") != "This field is required."


def test_a_choice_not_on_the_page_is_refused(client, asked_option,
                                             django_capture_on_commit_callbacks):
    key = ids(asked_option)
    response = post_form(client, form_url(asked_option), django_capture_on_commit_callbacks, **{
        f"question_{key['Ihre Funktion']}": "Beraterin",
        f"question_{key['Brauchen Sie Kinderbetreuung?']}": "yes",
        f"question_{key['Mittagessen']}": "Pizza",
    })
    assert response.status_code == 400
    assert f'id="id_question_{key["Mittagessen"]}_error"' in response.content.decode()
    assert Registration.objects.count() == 0


def test_questions_for_one_kind_are_asked_only_of_it(client, asked_option, make_option,
                                                     django_capture_on_commit_callbacks):
    exhibitor = RegistrationOption.objects.create(occurrence=asked_option.occurrence,
                                                  kind="employer", capacity=3)
    html = client.get(form_url(exhibitor)).content.decode()
    assert "Firmenname" in html and "Ihre Funktion" in html
    assert "Firmenname" not in client.get(form_url(asked_option)).content.decode()


def test_a_choice_question_needs_two_choices_in_the_editor():
    from wagtail.blocks.struct_block import StructBlockValidationError

    block = RegistrationQuestionBlock()
    value = block.to_python({"label": "Essen", "field_type": "single_choice", "required": False,
                             "choices": ["Nur eine"], "kinds": [], "help_text": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "choices" in error.value.block_errors


# Translation: the English page asks in English and fills the same keys ---------------------

def translate_page(page, make_text):
    from django.contrib.auth import get_user_model
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    user = get_user_model().objects.create_superuser("tina", "tina@example.org", "pw")
    english = Locale.objects.get(language_code="en")
    TranslationCreator(user, [english]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key,
                                          target_locale=english)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = make_text(entry.msgid)
    assert not translation.import_po(po)
    translation.save_target(user=user, publish=True)
    return page.get_translation(english).specific


def test_translated_page_asks_in_its_language_and_stores_under_the_same_keys(
        client, asked_option, django_capture_on_commit_callbacks):
    page = asked_option.occurrence.page.specific
    english_text = {"Ihre Funktion": "Your role", "Mittagessen": "Lunch", "Vegan": "Vegan (EN)",
                    "Brauchen Sie Kinderbetreuung?": "Do you need childcare?"}
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_page(page, lambda text: english_text.get(text, f"EN {text}"))
    key = ids(asked_option)
    assert [child.id for child in english.registration_questions] == list(
        child.id for child in page.registration_questions)

    occurrence = english.occurrences.get()
    url = f"/en/registration/{occurrence.uid}/attendee/"
    html = client.get(url).content.decode()
    assert "Your role" in html and "Lunch" in html and "Vegan (EN)" in html
    assert "Ihre Funktion" not in html

    response = post_form(client, url, django_capture_on_commit_callbacks, **{
        f"question_{key['Ihre Funktion']}": "Counsellor",
        f"question_{key['Brauchen Sie Kinderbetreuung?']}": "yes",
        f"question_{key['Mittagessen']}": key["Mittagessen/Vegan"],
    })
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.option == asked_option  # the German date's places
    assert registration.data["answers"] == {key["Ihre Funktion"]: "Counsellor",
                                            key["Brauchen Sie Kinderbetreuung?"]: True,
                                            key["Mittagessen"]: key["Mittagessen/Vegan"]}


# The admin: detail and exports ---------------------------------------------------------------

@pytest.fixture
def manager_client(client, django_user_model):
    return signed_in_member(client, django_user_model, "manni", "Registration managers")


@pytest.fixture
def answered(asked_option, register):
    key = ids(asked_option)
    return register(asked_option, name="Ada", data={"answers": {
        key["Ihre Funktion"]: "=HYPERLINK(\"http://evil\")",
        key["Jahre Berufserfahrung"]: 7.5,
        key["Seit wann in Sachsen?"]: "2019-04-01",
        key["Brauchen Sie Kinderbetreuung?"]: True,
        key["Mittagessen"]: key["Mittagessen/Vegan"],
        key["Interessen"]: [key["Interessen/Recht"], key["Interessen/Arbeit"]],
    }})


def test_registration_detail_shows_the_answers_with_their_questions(manager_client, answered):
    html = manager_client.get(f"{LIST_URL}inspect/{answered.pk}/").content.decode()
    assert "<dt>Mittagessen</dt>" in html and "Vegan" in html
    assert "Recht, Arbeit" in html and "01.04.2019" in html and "7,5" in html
    assert german("Yes") in html
    assert ids(answered.option)["Mittagessen/Vegan"] not in html  # labels, not ids


def test_csv_export_has_one_safe_column_per_question(manager_client, answered):
    response = manager_client.get(LIST_URL, {"export": "csv"})
    raw = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    row = dict(zip(rows[0], rows[1], strict=True))
    for label, _type in [(value["label"], value["field_type"]) for _name, value in QUESTIONS]:
        assert rows[0].count(label) == 1, label
    assert row["Ihre Funktion"] == "'=HYPERLINK(\"http://evil\")"
    assert row["Mittagessen"] == "Vegan" and row["Interessen"] == "Recht, Arbeit"
    assert row["Seit wann in Sachsen?"] == "2019-04-01"
    assert row["Was möchten Sie lernen?"] == ""


def test_xlsx_export_keeps_numbers_and_dates_typed(manager_client, answered):
    response = manager_client.get(LIST_URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert values["Jahre Berufserfahrung"] == 7.5
    assert values["Seit wann in Sachsen?"] in (datetime.date(2019, 4, 1),
                                               datetime.datetime(2019, 4, 1))
    assert values["Brauchen Sie Kinderbetreuung?"] == german("Yes")


# The API ------------------------------------------------------------------------------------

def api_post(client, body, language="de"):
    return client.post("/api/v2/registrations/", json.dumps(body),
                       content_type="application/json", headers={"Accept-Language": language})


def api_body(option, answers):
    return {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Ada",
            "email": "ada@example.org", "consent": True, "answers": answers}


def test_api_registers_with_typed_answers(client, asked_option,
                                          django_capture_on_commit_callbacks):
    key = ids(asked_option)
    answers = {key["Ihre Funktion"]: "Beraterin", key["Jahre Berufserfahrung"]: 3,
               key["Seit wann in Sachsen?"]: "2020-01-31",
               key["Brauchen Sie Kinderbetreuung?"]: False,
               key["Interessen"]: [key["Interessen/Sprache"]]}
    with django_capture_on_commit_callbacks(execute=True):
        response = api_post(client, api_body(asked_option, answers))
    assert response.status_code == 201, response.json()
    assert Registration.objects.get().data["answers"] == answers


@pytest.mark.parametrize(("question", "value", "language", "message"), [
    ("Ihre Funktion", None, "de", "This field is required."),
    ("Ihre Funktion", 12, "en", "Send a string."),
    ("Jahre Berufserfahrung", "7", "en", "Send a number."),
    ("Brauchen Sie Kinderbetreuung?", "ja", "en", "Send true or false."),
    ("Seit wann in Sachsen?", "gestern", "en", "Enter a valid date."),
    ("Mittagessen", "Pizza", "en", "Select a valid choice."),
    ("Interessen", "Recht", "en", "Send a list of choices (strings)."),
])
def test_api_refuses_a_bad_answer_with_a_field_error_in_the_request_language(
        client, asked_option, question, value, language, message):
    key = ids(asked_option)
    answers = {key["Ihre Funktion"]: "Beraterin", key["Brauchen Sie Kinderbetreuung?"]: True,
               key[question]: value}
    response = api_post(client, api_body(asked_option, answers), language)
    assert response.status_code == 400
    errors = response.json()["errors"]
    with override(language):
        expected = gettext(message)
    assert any(expected in text for text in errors[f"answers.{key[question]}"]), errors
    assert Registration.objects.count() == 0


def test_api_ignores_answers_to_questions_not_asked_of_the_kind(
        client, asked_option, django_capture_on_commit_callbacks):
    key = ids(asked_option)
    answers = {key["Ihre Funktion"]: "Beraterin", key["Brauchen Sie Kinderbetreuung?"]: True,
               key["Firmenname"]: "ACME", "no-such-question": "x"}
    with django_capture_on_commit_callbacks(execute=True):
        response = api_post(client, api_body(asked_option, answers), "en")
    assert response.status_code == 201
    assert Registration.objects.get().data["answers"] == {
        key["Ihre Funktion"]: "Beraterin", key["Brauchen Sie Kinderbetreuung?"]: True}
    for bad in (["x"], {"unknown": {"nested": 1}}, {"unknown": None}, {"unknown": [1]}):
        response = api_post(client, api_body(asked_option, bad), "en")
        assert response.status_code == 400 and "answers" in response.json()["errors"], bad


def test_api_answers_404_for_a_missing_date_even_with_answers(client, asked_option):
    body = api_body(asked_option, {"x": False, "": ["a"]}) | {"occurrence": 987654}
    assert api_post(client, body, "en").status_code == 404


def test_page_detail_lists_the_questions_a_client_sends(client, asked_option):
    key = ids(asked_option)
    data = client.get(f"/api/v2/pages/{asked_option.occurrence.page_id}/").json()
    questions = {question["id"]: question for question in data["registration_questions"]}
    lunch = questions[key["Mittagessen"]]
    assert lunch["type"] == "single_choice" and lunch["label"] == "Mittagessen"
    assert {"value": key["Mittagessen/Vegan"], "label": "Vegan"} in lunch["choices"]
    assert questions[key["Firmenname"]]["kinds"] == ["employer"]
    assert questions[key["Ihre Funktion"]]["required"] is True


# The editor's path: questions added in the page editor ---------------------------------------

class FormInputs(HTMLParser):
    """The values a browser would send for the page editor's form (without JavaScript)."""

    def __init__(self):
        super().__init__()
        self.data, self.select, self.textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [] if "multiple" in attrs else "")
        elif tag == "option" and self.select and "selected" in attrs:
            if isinstance(self.data[self.select], list):
                self.data[self.select].append(attrs.get("value", ""))
            else:
                self.data[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def editor_form_data(html):
    form = html.split('id="page-edit-form"')[1].split("</form>")[0]
    parser = FormInputs()
    parser.feed("<form " + form)
    return parser.data


def test_editor_adds_questions_in_the_page_editor_and_the_form_asks_them(
        client, admin_user, option, django_capture_on_commit_callbacks):
    page = option.occurrence.page
    client.force_login(admin_user)
    url = f"/admin/pages/{page.pk}/edit/"
    html = client.get(url).content.decode()
    assert "registration_questions" in html
    data = editor_form_data(html)
    data.update(nested_form_data({
        "body": streamfield([]),
        "registration_questions": streamfield([
            ("question", {"label": "Ihre Funktion", "help_text": "Zum Beispiel Beraterin",
                          "field_type": "text", "required": "on",
                          "choices": {"count": 0}, "kinds": []}),
            ("question", {"label": "Mittagessen", "help_text": "", "field_type": "single_choice",
                          "choices": {"count": 2, "0-value": "Vegetarisch", "0-deleted": "",
                                      "0-order": 0, "0-id": "", "1-value": "Vegan",
                                      "1-deleted": "", "1-order": 1, "1-id": ""},
                          "kinds": ["attendee"]}),
        ]),
    }))
    data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, re.findall(r'error-message[^<]*<[^>]*>([^<]*)',
                                                   response.content.decode())
    page.refresh_from_db()
    labels = [child.value["label"] for child in page.specific.registration_questions]
    assert labels == ["Ihre Funktion", "Mittagessen"]

    client.logout()
    form = client.get(form_url(option)).content.decode()
    assert "Ihre Funktion" in form and "<legend>Mittagessen" in form and "Vegan" in form


def _admin_in_english(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def test_editor_form_refuses_a_choice_question_with_one_choice(client, admin_user, option):
    page = option.occurrence.page
    _admin_in_english(admin_user)
    client.force_login(admin_user)
    url = f"/admin/pages/{page.pk}/edit/"
    data = editor_form_data(client.get(url).content.decode())
    data.update(nested_form_data({
        "body": streamfield([]),
        "registration_questions": streamfield([
            ("question", {"label": "Essen", "help_text": "", "field_type": "single_choice",
                          "choices": {"count": 1, "0-value": "Nur eine", "0-deleted": "",
                                      "0-order": 0, "0-id": ""}, "kinds": []}),
        ]),
    }))
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give at least two choices for a choice question." in response.content.decode()


@pytest.mark.parametrize("model", ["events.eventpage", "trainings.trainingmodulepage",
                                   "jobfairs.jobfairpage"])
def test_every_event_page_type_offers_the_questions_to_editors(model):
    from django.apps import apps

    page_class = apps.get_model(model)
    form_class = page_class.get_edit_handler().get_form_class()
    assert "registration_questions" in form_class.base_fields


def test_openapi_document_types_the_answers_and_the_pages_questions(client):
    document = client.get("/api/schema/", headers={"Accept": "application/json"}).json()
    schemas = document["components"]["schemas"]
    bodies = [schema for name, schema in schemas.items()
              if name.endswith("Registration") and "answers" in schema.get("properties", {})]
    assert {"AttendeeRegistration", "ParticipantRegistration", "JobseekerRegistration"} <= {
        name for name, schema in schemas.items() if schema in bodies}
    answers = bodies[0]["properties"]["answers"]
    assert answers["type"] == "object" and "`id`" in answers["description"]
    assert answers["additionalProperties"]["oneOf"] == [
        {"type": "string"}, {"type": "number"}, {"type": "boolean"},
        {"type": "array", "items": {"type": "string"}}]
    page = next(schema for name, schema in schemas.items()
                if "registration_questions" in schema.get("properties", {})
                and "event" in name.lower())
    question = page["properties"]["registration_questions"]["items"]["properties"]
    assert question["type"]["type"] == "string" and question["required"]["type"] == "boolean"
    assert question["choices"]["items"]["properties"]["value"]["type"] == "string"
    assert question["kinds"]["items"] == {"type": "string"}


def test_demo_information_day_asks_two_questions_in_both_languages(demo_content, client):
    from django.core.management import call_command

    from events.models import EventPage

    german_page = EventPage.objects.get(slug="beispiel-informationstag-anerkennung-dresden")
    english_page = german_page.get_translation(Locale.objects.get(language_code="en")).specific
    assert [question.label for question in german_page.registration_question_list] == [
        "Wie haben Sie von der Veranstaltung erfahren?", "Benötigen Sie eine Sprachmittlung?"]
    assert [(question.id, question.label) for question in english_page.registration_question_list][1] == (
        german_page.registration_question_list[1].id, "Do you need an interpreter?")
    revisions = german_page.revisions.count()
    call_command("load_demo_content", verbosity=0)
    assert german_page.revisions.count() == revisions  # a rerun changes nothing
    option = RegistrationOption.objects.filter(occurrence__page=german_page).first()
    if option is not None:
        assert "Wie haben Sie" in client.get(form_url(option)).content.decode()
