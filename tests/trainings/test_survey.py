"""Feedback surveys that editors configure per module: the feedback link asks the module's
questions (self-assessment before/now included) in the page's language, checks them on the
server, stores typed answers by question id without a link to the person, and the module's
report and export show them per question, never for fewer than three answers."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from django.utils.translation import gettext, override
from openpyxl import load_workbook
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.admin_users import signed_in_member
from tests.events.registration.test_questions import editor_form_data, translate_page
from trainings.blocks import SurveyQuestionBlock
from trainings.emails import feedback_token
from trainings.models import FeedbackResponse, TrainingModulePage

from .conftest import in_days

pytestmark = pytest.mark.django_db

STATEMENT = "Ich kann die Schritte des Anerkennungsverfahrens erklären."
SURVEY = [
    ("self_assessment", {"statement": STATEMENT, "help_text": "", "required": True}),
    ("rating", {"label": "Wie nützlich war der Inhalt?", "help_text": "", "required": True}),
    ("question", {"label": "Was nehmen Sie mit?", "help_text": "", "field_type": "long_text",
                  "required": False, "choices": []}),
    ("question", {"label": "Lieber wie?", "help_text": "", "field_type": "single_choice",
                  "required": False, "choices": ["Präsenz", "Online"]}),
    ("question", {"label": "Themen", "help_text": "", "field_type": "multiple_choice",
                  "required": False, "choices": ["Recht", "Sprache", "Arbeit"]}),
    ("question", {"label": "Stunden Vorbereitung", "help_text": "", "field_type": "number",
                  "required": False, "choices": []}),
    ("question", {"label": "Weiterempfehlen?", "help_text": "", "field_type": "yes_no",
                  "required": False, "choices": []}),
    ("self_assessment", {"statement": "Ich kenne die zuständigen Stellen.", "help_text": "",
                         "required": False}),
]


def german(text):
    with override("de"):
        return gettext(text)


def english(text):
    with override("en"):
        return gettext(text)


@pytest.fixture
def surveyed(make_module):
    """A module with the survey above; its one session."""
    module = make_module(title="Anerkennung verstehen", sessions=[in_days(3), in_days(5)])
    module.feedback_questions = SURVEY
    module.save_revision().publish()
    return TrainingModulePage.objects.get(pk=module.pk)


def key(module):
    """{label: question id, "<label>/<choice>": choice id} of the module's survey."""
    found = {}
    for child in module.feedback_questions:
        found[child.value.get("label") or child.value.get("statement")] = child.id
        for item in (child.value.get("choices").bound_blocks if "choices" in child.value else []):
            found[f"{child.value['label']}/{item.value}"] = item.id
    return found


def past(occurrence, days=2):
    start = timezone.now() - datetime.timedelta(days=days)
    type(occurrence).objects.filter(pk=occurrence.pk).update(
        start=start, end=start + datetime.timedelta(hours=6))


@pytest.fixture
def attendees(surveyed, attended):
    """Four attendees of the first session and one of the second; both sessions are over."""
    first, second = surveyed.occurrences.order_by("start")
    people = [attended(first, name=f"Person {n}") for n in range(4)] + [attended(second)]
    past(first, 3)
    past(second, 2)
    return people


def url(registration, language="en"):
    return f"/{language}/trainings/feedback/{feedback_token(registration)}/"


def full_answers(module, before="2", now="4", rating="5", **extra):
    k = key(module)
    q = "question_"
    return {f"{q}{k[STATEMENT]}_before": before, f"{q}{k[STATEMENT]}_now": now,
            f"{q}{k['Wie nützlich war der Inhalt?']}": rating, **extra}


def test_the_feedback_link_asks_the_modules_survey_and_stores_typed_answers(
        client, surveyed, attendees):
    k = key(surveyed)
    html = client.get(url(attendees[0])).content.decode()
    assert STATEMENT in html and "Wie nützlich war der Inhalt?" in html
    # A self-assessment is a group (legend: the statement) of two rated rows with legends.
    group = html.split('class="field field-group self-assessment')[1].split("Wie nützlich")[0]
    assert f"<legend>{STATEMENT}" in group
    assert group.count('class="field-group self-assessment__row') == 2
    assert f"<legend>{english('Before the training')}</legend>" in group
    assert f"<legend>{english('Now')}</legend>" in group
    assert group.count('type="radio"') == 10
    # The fixed ratings of modules without a survey are not asked.
    assert 'name="overall"' not in html

    data = full_answers(surveyed, **{
        f"question_{k['Was nehmen Sie mit?']}": "Zeile 1\r\nZeile 2",
        f"question_{k['Lieber wie?']}": k["Lieber wie?/Online"],
        f"question_{k['Themen']}": [k["Themen/Recht"], k["Themen/Arbeit"]],
        f"question_{k['Stunden Vorbereitung']}": "2.5",
        f"question_{k['Weiterempfehlen?']}": "yes",
    })
    response = client.post(url(attendees[0]), data)
    assert response.status_code == 200, response.content.decode()[:2000]
    stored = FeedbackResponse.objects.get()
    assert stored.answers == {
        k[STATEMENT]: {"before": 2, "now": 4},
        k["Wie nützlich war der Inhalt?"]: 5,
        k["Was nehmen Sie mit?"]: "Zeile 1\nZeile 2",
        k["Lieber wie?"]: k["Lieber wie?/Online"],
        k["Themen"]: [k["Themen/Recht"], k["Themen/Arbeit"]],
        k["Stunden Vorbereitung"]: 2.5,
        k["Weiterempfehlen?"]: True,
    }
    assert stored.overall is None and stored.module_id == surveyed.pk
    # Still anonymous: the day only, no person.
    assert stored.submitted_on == timezone.localdate()
    assert client.post(url(attendees[0]), data).status_code == 410


def test_missing_and_wrong_answers_are_errors_next_to_the_field_and_nothing_is_lost(
        client, surveyed, attendees):
    k = key(surveyed)
    before = f"question_{k[STATEMENT]}_before"
    partial = f"question_{k['Ich kenne die zuständigen Stellen.']}"
    response = client.post(url(attendees[0]), {
        before: "3", f"question_{k['Was nehmen Sie mit?']}": "Viel gelernt",
        f"question_{k['Stunden Vorbereitung']}": "viele",
        f"{partial}_now": "9",
        f"question_{k['Lieber wie?']}": "no-such-choice",
    })
    assert response.status_code == 400
    html = response.content.decode()
    now_error = html.split(f'id="id_question_{k[STATEMENT]}_now_error"')[1][:200]
    assert english("This field is required.") in now_error
    assert f'id="id_question_{k["Wie nützlich war der Inhalt?"]}_error"' in html
    assert "Enter a number." in html.split(f'id="id_question_{k["Stunden Vorbereitung"]}_error"')[1][:200]
    assert f'id="id_{partial}_now_error"' in html  # 9 is not on the scale
    assert f'id="id_question_{k["Lieber wie?"]}_error"' in html
    # The error summary names the statement, not only "Now".
    assert f"{STATEMENT} – {english('Now')}" in html.split('id="form-errors"')[1]
    # What was given stays: the rating, the text, the wrong number.
    assert re.search(rf'name="{before}" value="3"[^>]*checked', html)
    assert "Viel gelernt</textarea>" in html and 'value="viele"' in html
    assert not FeedbackResponse.objects.exists()

    # An optional self-assessment needs both ratings or none, in the visitor's language.
    german_html = client.post(url(attendees[0], "de"), full_answers(surveyed, **{
        f"{partial}_before": "2"})).content.decode()
    assert german("Rate both: before the training and now.") in german_html.split(
        f'id="id_{partial}_now_error"')[1][:300]
    assert not FeedbackResponse.objects.exists()

    # Unanswered optional questions are left out of the stored answers.
    assert client.post(url(attendees[0]), full_answers(surveyed)).status_code == 200
    assert set(FeedbackResponse.objects.get().answers) == {k[STATEMENT],
                                                           k["Wie nützlich war der Inhalt?"]}


def test_a_translated_module_asks_in_its_language_and_fills_the_same_columns(
        client, surveyed, attendees, django_capture_on_commit_callbacks):
    words = {STATEMENT: "I can explain the steps of the recognition procedure.",
             "Online": "Online (EN)", "Lieber wie?": "Which format?"}
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_page(surveyed, lambda text: words.get(text, f"EN {text}"))
    assert [child.id for child in translated.feedback_questions] == [
        child.id for child in surveyed.feedback_questions]
    k = key(surveyed)
    html = client.get(url(attendees[0], "en")).content.decode()
    assert words[STATEMENT] in html and "Online (EN)" in html and STATEMENT not in html
    assert client.get(url(attendees[0], "de")).content.decode().count(STATEMENT) >= 1

    client.post(url(attendees[0], "en"), full_answers(surveyed, before="1", now="3", **{
        f"question_{k['Lieber wie?']}": k["Lieber wie?/Online"]}))
    client.post(url(attendees[1], "de"), full_answers(surveyed, before="2", now="5"))
    answers = [response.answers for response in FeedbackResponse.objects.all()]
    assert sorted(answer[k[STATEMENT]]["before"] for answer in answers) == [1, 2]
    assert {response.module_id for response in FeedbackResponse.objects.all()} == {surveyed.pk}
    assert [answer[k["Lieber wie?"]] for answer in answers if k["Lieber wie?"] in answer] == [
        k["Lieber wie?/Online"]]


def test_a_module_without_survey_keeps_the_four_ratings(client, session, attended):
    registration = attended(session)
    past(session)
    html = client.get(url(registration)).content.decode()
    assert 'name="overall"' in html and "self-assessment" not in html


def test_the_editor_block_offers_the_question_types_without_uploads_or_kinds():
    from wagtail.blocks.struct_block import StructBlockValidationError

    block = SurveyQuestionBlock()
    assert "kinds" not in block.child_blocks
    types = [value for value, _label in block.child_blocks["field_type"].field.choices]
    assert "long_text" in types and "multiple_choice" in types
    assert not {"file", "file_upload", "upload"} & set(types)
    value = block.to_python({"label": "Essen", "field_type": "single_choice", "required": False,
                             "choices": ["Nur eine"], "help_text": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_editors_configure_the_survey_in_its_own_tab(client, admin_user, make_module):
    module = make_module(title="Neues Modul")
    client.force_login(admin_user)
    edit = f"/admin/pages/{module.pk}/edit/"
    html = client.get(edit).content.decode()
    with override("de"):
        assert re.search(r'role="tab"[^>]*>\s*(<[^>]+>\s*)*' + re.escape(gettext("Feedback survey")), html)
    data = editor_form_data(html)
    data.update(nested_form_data({
        "body": streamfield([]), "registration_questions": streamfield([]),
        "feedback_questions": streamfield([
            ("self_assessment", {"statement": STATEMENT, "help_text": "", "required": "on"}),
            ("question", {"label": "Lieber wie?", "help_text": "", "field_type": "single_choice",
                          "choices": {"count": 2, "0-value": "Präsenz", "0-deleted": "",
                                      "0-order": 0, "0-id": "", "1-value": "Online",
                                      "1-deleted": "", "1-order": 1, "1-id": ""}}),
        ]),
    }))
    data["action-publish"] = "action-publish"
    response = client.post(edit, data)
    assert response.status_code == 302, re.findall(r'error-message[^<]*<[^>]*>([^<]*)',
                                                   response.content.decode())
    module = TrainingModulePage.objects.get(pk=module.pk)
    assert [child.block_type for child in module.feedback_questions] == ["self_assessment",
                                                                         "question"]


def test_the_pages_api_lists_the_survey_questions_but_no_answers(client, surveyed, attendees):
    client.post(url(attendees[0]), full_answers(surveyed))
    data = client.get(f"/api/v2/pages/{surveyed.pk}/").json()
    survey = {question["id"]: question for question in data["feedback_survey"]}
    k = key(surveyed)
    assert survey[k[STATEMENT]]["type"] == "self_assessment"
    assert survey[k["Wie nützlich war der Inhalt?"]]["type"] == "rating"
    assert {"value": k["Lieber wie?/Online"], "label": "Online"} in survey[k["Lieber wie?"]]["choices"]
    assert "kinds" not in survey[k[STATEMENT]]
    assert "answers" not in str(data).replace("`answers`", "")


# The report and the export -------------------------------------------------------------------

@pytest.fixture
def answered(client, surveyed, attendees):
    """Four answers for the first session, one for the second."""
    k = key(surveyed)
    given = [("1", "4", "5", "=HYPERLINK(\"http://evil\")", [k["Themen/Recht"]], "yes", "2"),
             ("2", "4", "4", "Mehr Fallbeispiele", [k["Themen/Recht"], k["Themen/Sprache"]],
              "yes", "3"),
             ("3", "5", "3", "", [], "no", ""),
             ("2", "3", "4", "Gut", [k["Themen/Arbeit"]], "yes", "1")]
    for person, (before, now, rating, text, topics, recommend, hours) in zip(
            attendees[:4], given, strict=True):
        response = client.post(url(person), full_answers(surveyed, before, now, rating, **{
            f"question_{k['Was nehmen Sie mit?']}": text, f"question_{k['Themen']}": topics,
            f"question_{k['Weiterempfehlen?']}": recommend,
            f"question_{k['Stunden Vorbereitung']}": hours}))
        assert response.status_code == 200
    client.post(url(attendees[4]), full_answers(surveyed, "1", "1", "1", **{
        f"question_{k['Was nehmen Sie mit?']}": "Allein in der Gruppe"}))
    return surveyed


@pytest.fixture
def editor_client(client, django_user_model):
    return signed_in_member(client, django_user_model, "tessa", "Training editors")


def report_url(module):
    return f"/admin/trainings/feedback/{module.pk}/"


def section(html, question_id):
    return html.split(f'data-question="{question_id}"')[1].split("</section>")[0]


def numbers(html, attribute):
    return [part.split(">", 1)[1].split("<", 1)[0] for part in html.split(attribute)[1:]]


def test_the_module_report_shows_each_question(editor_client, answered):
    k = key(answered)
    html = editor_client.get(report_url(answered)).content.decode()
    assert "5 Rückmeldungen" in html  # the editor's admin speaks German
    statement = section(html, k[STATEMENT])
    # Before (1, 2, 3, 2, 1) → 1,8; now (4, 4, 5, 3, 1) → 3,4; change 1,6.
    assert numbers(statement, "data-mean-before") == ["1,8"]
    assert numbers(statement, "data-mean-now") == ["3,4"]
    assert numbers(statement, "data-mean-change") == ["+1,6"]
    rating = section(html, k["Wie nützlich war der Inhalt?"])
    assert numbers(rating, "data-mean") == ["3,4"]
    assert numbers(rating, "data-count") == ["1", "0", "1", "2", "1"]
    topics = section(html, k["Themen"])
    assert re.search(r"Recht</th><td data-count>2<", topics)
    assert re.search(r"Sprache</th><td data-count>1<", topics)
    recommend = section(html, k["Weiterempfehlen?"])
    assert re.search(re.escape(german("Yes")) + r"</th><td data-count>3<", recommend)
    assert numbers(section(html, k["Stunden Vorbereitung"]), "data-mean") == ["2,0"]
    texts = section(html, k["Was nehmen Sie mit?"])
    assert "Mehr Fallbeispiele" in texts and "Allein in der Gruppe" in texts
    # The fixed ratings are not part of a module with a survey.
    assert "Overall" not in html and german("Overall, how satisfied are you with the session?") not in html


def test_the_report_per_session_needs_three_answers(editor_client, answered):
    first, second = answered.occurrences.order_by("start")
    html = editor_client.get(report_url(answered), {"session": first.pk}).content.decode()
    assert "4 Rückmeldungen" in html and "Mehr Fallbeispiele" in html
    assert "Allein in der Gruppe" not in html
    small = editor_client.get(report_url(answered), {"session": second.pk}).content.decode()
    assert "data-too-few" in small and "Allein in der Gruppe" not in small
    assert "data-mean" not in small
    # The list of sessions gives the small session's count only as "fewer than 3".
    counts = numbers(html, "data-session-count")
    assert counts[0] == "4" and "1" not in counts[1] and "3" in counts[1]
    # A session that is not the module's is a field error, not a 500.
    assert editor_client.get(report_url(answered), {"session": "x"}).status_code == 200


def test_csv_export_has_one_safe_column_per_question(editor_client, answered):
    k = key(answered)
    response = editor_client.get(report_url(answered), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    with override("de"):
        assert f"{STATEMENT} – {gettext('Before the training')}" in header
        assert f"{STATEMENT} – {gettext('Now')}" in header
    assert header.count("Themen") == 1 and len(rows) == 6
    by_column = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert "'=HYPERLINK(\"http://evil\")" in [row["Was nehmen Sie mit?"] for row in by_column]
    assert "=HYPERLINK(\"http://evil\")" not in response.content.decode()
    assert "Recht, Sprache" in [row["Themen"] for row in by_column]
    # The answer of the small session has no session in the export.
    alone = [row for row in by_column if row["Was nehmen Sie mit?"] == "Allein in der Gruppe"]
    assert alone[0][header[0]] == ""
    assert len({row[header[0]] for row in by_column if row is not alone[0]}) == 1
    assert k[STATEMENT] not in response.content.decode()


def test_xlsx_export_keeps_numbers_typed_and_a_small_session_exports_nothing(
        editor_client, answered):
    response = editor_client.get(report_url(answered), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, [cell.value for cell in row], strict=True))
            for row in sheet.iter_rows(min_row=2)]
    assert sorted(row["Wie nützlich war der Inhalt?"] for row in rows) == [1, 3, 4, 4, 5]
    assert 2.5 not in [row["Stunden Vorbereitung"] for row in rows]
    assert {row["Stunden Vorbereitung"] for row in rows} >= {1, 2, 3}
    second = answered.occurrences.order_by("start")[1]
    small = editor_client.get(report_url(answered), {"export": "csv", "session": second.pk})
    assert len(small.content.decode("utf-8-sig").strip().splitlines()) == 1  # the heading only


def test_the_report_and_export_are_refused_without_the_feedback_permission(
        client, django_user_model, answered):
    user = django_user_model.objects.create_user("otto", "otto@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(report_url(answered), query)
        assert response.status_code in (302, 403)
        assert b"Mehr Fallbeispiele" not in response.content


def test_the_overview_links_to_the_module_report(editor_client, answered):
    html = editor_client.get("/admin/trainings/feedback/").content.decode()
    assert f'href="/admin/trainings/feedback/{answered.pk}/"' in html


def test_answers_given_before_the_module_had_a_survey_still_show(editor_client, surveyed,
                                                                  attendees):
    from trainings import services
    from trainings.models.feedback import QUESTIONS

    for person, overall in zip(attendees[:3], (5, 4, 4), strict=True):
        services.submit_feedback(feedback_token(person), overall=overall, content=3, trainer=3,
                                 organisation=3, comment="Früher")
    html = editor_client.get(report_url(surveyed)).content.decode()
    with override("de"):
        overall = section(html, "overall")
        assert str(QUESTIONS["overall"]) in overall
    assert numbers(overall, "data-mean") == ["4,3"]
    assert "Früher" in section(html, "comment") and STATEMENT in html
    csv_text = editor_client.get(report_url(surveyed), {"export": "csv"}).content.decode("utf-8-sig")
    assert csv_text.count("Früher") == 3
