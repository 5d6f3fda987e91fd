"""Group registration (issue 18 item 2): one contact registers several people of one
organisation for a date, through the public form and the API; each participant has their own
place, e-mail and cancel link, the contact gets one summary."""

import re

import pytest
from django.core.validators import EmailValidator
from django.utils import translation
from django.utils.translation import gettext

from events.models import GroupWhenFull, Registration, RegistrationGroup, RegistrationState
from events.registration import services

from .test_public_form import fresh_fields

pytestmark = pytest.mark.django_db
S = RegistrationState
ROW = re.compile(r'<fieldset class="participant" id="participant-\d+"')


def group_url(option, language="de"):
    return f"/{language}/registration/{option.occurrence.uid}/{option.kind}/?group=1"


def group_data(client, url, people, **overrides):
    """The group form as a browser sends it: the contact, one row per person."""
    data = {"group": "1", "name": "Erika Kontakt", "email": "erika@verein.example",
            "organisation": "Verein Beispiel e.V.", "language": "de", "consent": "on",
            "when_full": GroupWhenFull.ALL_OR_NOTHING, "website": "",
            **fresh_fields(client, url),
            "participants-TOTAL_FORMS": str(max(len(people), 2)),
            "participants-INITIAL_FORMS": "0",
            "participants-MIN_NUM_FORMS": "2", "participants-MAX_NUM_FORMS": "20"}
    for index, (name, email) in enumerate(people):
        data[f"participants-{index}-name"] = name
        data[f"participants-{index}-email"] = email
        data[f"participants-{index}-language"] = ""
    data.update(overrides)
    return data


def post_group(client, option, people, captured, language="de", url=None, **overrides):
    url = url or group_url(option, language)
    data = group_data(client, url, people, **overrides)
    with captured(execute=True):
        return client.post(url, data)


def people(count, start=1):
    return [(f"Person {n}", f"person{n}@verein.example") for n in range(start, start + count)]


def personal_link(message, what):
    return re.search(rf"https?://\S+/registration/{what}/\S+/", message.body).group(0)


def test_group_form_has_a_fieldset_per_participant_and_the_choice(client, option):
    response = client.get(group_url(option, "en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(ROW.findall(html)) == 2
    assert "<legend>Participant 1</legend>" in html and "<legend>Participant 2</legend>" in html
    assert 'name="participants-TOTAL_FORMS"' in html and 'name="add_participant"' in html
    assert "Put the rest on the waiting list" in html
    # The single form links to the group part.
    single = client.get(group_url(option, "en").replace("?group=1", "")).content.decode()
    assert "?group=1" in single


def test_each_participant_counts_against_capacity_and_gets_their_own_mail(
        client, make_option, mailoutbox, django_capture_on_commit_callbacks):
    option = make_option(capacity=5)
    response = post_group(client, option, people(3), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    group = RegistrationGroup.objects.get()
    assert response["Location"].endswith(f"/registration/g/{group.reference}/")
    rows = list(Registration.objects.order_by("pk"))
    assert [r.state for r in rows] == [S.PENDING] * 3
    assert {r.group_id for r in rows} == {group.pk}
    assert option.held_count() == 3
    assert group.organisation == "Verein Beispiel e.V." and group.contact_email == "erika@verein.example"
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {"person1@verein.example", "person2@verein.example",
                               "person3@verein.example", "erika@verein.example"}
    cancel_links = {personal_link(by_address[r.email], "cancel") for r in rows}
    assert len(cancel_links) == 3  # one of their own each
    summary = by_address["erika@verein.example"]
    for row in rows:
        assert row.name in summary.body and row.email in summary.body
    with translation.override("de"):  # the contact's language: states as the admin names them
        assert summary.body.count(f": {S.PENDING.label}") == 3
    page = client.get(response["Location"]).content.decode()
    assert "Person 1" in page and "Person 3" in page


def test_all_or_nothing_refuses_and_saves_nothing_when_places_are_short(
        client, make_option, mailoutbox, django_capture_on_commit_callbacks):
    option = make_option(capacity=2)
    response = post_group(client, option, people(3), django_capture_on_commit_callbacks,
                          language="en")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Only 2 of the 3 places are free, so nobody was registered." in html
    assert Registration.objects.count() == 0 and RegistrationGroup.objects.count() == 0
    assert mailoutbox == []
    # Nothing entered is lost.
    assert 'value="person3@verein.example"' in html and 'value="Verein Beispiel e.V."' in html


def test_rest_to_the_waiting_list_splits_the_group(client, make_option, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    option = make_option(capacity=2)
    response = post_group(client, option, people(3), django_capture_on_commit_callbacks,
                          when_full=GroupWhenFull.WAITLIST_REST)
    assert response.status_code == 302
    states = list(Registration.objects.order_by("pk").values_list("state", flat=True))
    assert states == [S.PENDING, S.PENDING, S.WAITLISTED]
    assert option.held_count() == 2 and option.waitlist_count() == 1
    waiting = next(m for m in mailoutbox if m.to == ["person3@verein.example"])
    with translation.override("de"):  # the contact's language, as the participant chose none
        assert translation.gettext("To leave the waiting list:") in waiting.body


def test_rest_to_the_waiting_list_without_a_waiting_list_refuses(
        client, make_option, django_capture_on_commit_callbacks):
    option = make_option(capacity=2, waitlist_enabled=False)
    response = post_group(client, option, people(3), django_capture_on_commit_callbacks,
                          when_full=GroupWhenFull.WAITLIST_REST)
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_cancelling_one_participant_leaves_the_others(client, make_option, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    option = make_option(capacity=5)
    post_group(client, option, people(3), django_capture_on_commit_callbacks)
    second = Registration.objects.get(email="person2@verein.example")
    message = next(m for m in mailoutbox if m.to == [second.email])
    link = re.sub(r"^https?://[^/]+", "", personal_link(message, "cancel"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 302
    states = dict(Registration.objects.values_list("email", "state"))
    assert states == {"person1@verein.example": S.PENDING,
                      "person2@verein.example": S.CANCELLED,
                      "person3@verein.example": S.PENDING}
    assert option.held_count() == 2


def test_the_same_address_twice_in_a_group_is_refused_at_the_row(
        client, option, django_capture_on_commit_callbacks):
    group = [("Ada", "ada@verein.example"), ("Bob", "ADA@verein.example")]
    response = post_group(client, option, group, django_capture_on_commit_callbacks,
                          language="en")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Another participant of this group has this e-mail address." in html
    assert 'id="id_participants-1-email_error"' in html
    assert "Participant 2, E-mail:" in html  # the summary names the row
    assert Registration.objects.count() == 0


def test_a_participant_already_registered_is_named_and_nobody_is_registered(
        client, option, register, django_capture_on_commit_callbacks):
    register(option, email="person2@verein.example")
    response = post_group(client, option, people(3), django_capture_on_commit_callbacks,
                          language="en")
    assert response.status_code == 400
    html = response.content.decode()
    assert "already registered for this date" in html
    assert 'id="id_participants-1-email_error"' in html
    assert Registration.objects.count() == 1 and RegistrationGroup.objects.count() == 0


def test_errors_per_row_are_in_the_visitors_language(client, option,
                                                     django_capture_on_commit_callbacks):
    group = [("Ada", "not-an-address"), ("", "bob@verein.example")]
    response = post_group(client, option, group, django_capture_on_commit_callbacks,
                          language="en")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_participants-0-email_error"' in html and "Enter a valid email address." in html
    assert 'id="id_participants-1-name_error"' in html
    german = post_group(client, option, group, django_capture_on_commit_callbacks)
    with translation.override("de"):
        invalid = str(EmailValidator.message)
    assert invalid != "Enter a valid email address." and invalid in german.content.decode()


def test_add_participant_without_javascript_keeps_what_was_entered(
        client, option, django_capture_on_commit_callbacks):
    url = group_url(option, "en")
    data = group_data(client, url, people(2), add_participant="1")
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(ROW.findall(html)) == 3
    assert 'value="person2@verein.example"' in html and 'value="Erika Kontakt"' in html
    assert "form-errors" not in html and Registration.objects.count() == 0
    # The third row is filled and the group registers.
    data = dict(data)
    data.pop("add_participant")
    data.update({"participants-TOTAL_FORMS": "3", "participants-2-name": "Person 3",
                 "participants-2-email": "person3@verein.example"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302 and Registration.objects.count() == 3


def test_empty_rows_are_ignored_and_one_person_is_too_few(client, option,
                                                          django_capture_on_commit_callbacks):
    response = post_group(client, option, people(1), django_capture_on_commit_callbacks,
                          language="en")
    assert response.status_code == 400
    assert Registration.objects.count() == 0
    response = post_group(client, option, people(2) + [("", "")],
                          django_capture_on_commit_callbacks)
    assert response.status_code == 302 and Registration.objects.count() == 2


@pytest.mark.parametrize("overrides", [
    {"participants-TOTAL_FORMS": "x"},
    {"participants-TOTAL_FORMS": "100000"},
    {"participants-TOTAL_FORMS": ""},
    {"when_full": "maybe"},
    {"participants-0-language": "xx"},
])
def test_tampered_group_forms_answer_400_never_500(client, option, overrides,
                                                   django_capture_on_commit_callbacks):
    response = post_group(client, option, people(2), django_capture_on_commit_callbacks,
                          **overrides)
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_tampered_add_participant_never_500(client, option):
    url = group_url(option)
    data = group_data(client, url, people(2), add_participant="1")
    data["participants-TOTAL_FORMS"] = "nonsense"
    assert client.post(url, data).status_code == 200


def test_english_translation_registers_the_group_on_the_same_places(
        client, make_option, locales, django_capture_on_commit_callbacks):
    option = make_option(capacity=3)
    english = option.occurrence.page.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    english_date = english.specific.occurrences.get()
    url = f"/en/registration/{english_date.uid}/attendee/?group=1"
    response = post_group(client, option, people(2), django_capture_on_commit_callbacks,
                          url=url, language="en")
    assert response.status_code == 302
    assert Registration.objects.filter(option=option).count() == 2
    # One place is left for the German page too.
    response = post_group(client, option, people(2, start=3), django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert option.held_count() == 2


def test_job_fair_kinds_take_no_groups(client, make_option):
    option = make_option(kind="employer")
    html = client.get(group_url(option)).content.decode()
    assert 'name="participants-TOTAL_FORMS"' not in html
    with pytest.raises(services.RegistrationError) as refused:
        services.register_group(option, contact_name="A", contact_email="a@x.example",
                                participants=[{"name": "B", "email": "b@x.example"}],
                                when_full=GroupWhenFull.ALL_OR_NOTHING, consent=True)
    assert refused.value.code == "kind"


# API ----------------------------------------------------------------------------------------

def api_body(option, participants, **overrides):
    return {"occurrence": option.occurrence_id, "kind": option.kind, "name": "Erika Kontakt",
            "email": "erika@verein.example", "consent": True, "language": "en",
            "organisation": "Verein Beispiel e.V.",
            "participants": [{"name": name, "email": email} for name, email in participants],
            **overrides}


def api_post(client, body, captured):
    with captured(execute=True):
        return client.post("/api/v2/registrations/", body, content_type="application/json")


def test_api_registers_a_group_and_answers_each_registration(
        client, make_option, mailoutbox, django_capture_on_commit_callbacks):
    option = make_option(capacity=2)
    response = api_post(client, api_body(option, people(3), when_full="waitlist_rest"),
                        django_capture_on_commit_callbacks)
    assert response.status_code == 201, response.content
    data = response.json()
    group = RegistrationGroup.objects.get()
    assert data["group"] == str(group.reference)
    assert [item["status"] for item in data["registrations"]] == ["pending", "pending",
                                                                  "waitlisted"]
    references = {item["reference"] for item in data["registrations"]}
    assert references == set(Registration.objects.values_list("reference", flat=True))
    assert data["reference"] == data["registrations"][0]["reference"]
    assert len(mailoutbox) == 4


def test_api_all_or_nothing_refuses_with_409_and_saves_nothing(
        client, make_option, django_capture_on_commit_callbacks):
    option = make_option(capacity=2)
    response = api_post(client, api_body(option, people(3)), django_capture_on_commit_callbacks)
    assert response.status_code == 409
    assert response.json()["code"] == "full"
    assert Registration.objects.count() == 0 and RegistrationGroup.objects.count() == 0


def test_api_duplicate_address_in_the_group_names_the_participant(
        client, option, django_capture_on_commit_callbacks):
    body = api_body(option, [("Ada", "ada@verein.example"), ("Bob", "ada@verein.example")])
    response = api_post(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == 409  # valid by the schema: a conflict, as for one person
    assert response.json()["code"] == "duplicate_in_group"
    errors = response.json()["errors"]
    assert "participants.1.email" in errors
    with translation.override("de"):  # the API answers in the site's language
        expected = gettext(
            "Another participant of this group has this e-mail address. Everyone needs an "
            "address of their own (for their confirmation and cancel link).")
    assert expected in errors["participants.1.email"][0]
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("participants", [
    [{"name": "Ada"}], "Ada", [1, 2], [{"name": 3, "email": "a@b.example"}],
    [{"name": "Ada", "email": "bad"}],
])
def test_api_bad_participants_are_400(client, option, participants,
                                      django_capture_on_commit_callbacks):
    body = api_body(option, [])
    body["participants"] = participants
    response = api_post(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == 400, response.content
    assert Registration.objects.count() == 0


def test_api_single_registration_answers_as_before(client, option,
                                                   django_capture_on_commit_callbacks):
    body = api_body(option, [])
    del body["participants"], body["organisation"]
    response = api_post(client, body, django_capture_on_commit_callbacks)
    assert response.status_code == 201
    assert set(response.json()) == {"reference", "status"}


# PostgreSQL: parallel groups never overbook ----------------------------------------------------

@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_group_bookings_never_overbook(make_option, run_parallel):
    option = make_option(capacity=10, waitlist_enabled=False)
    count, size = 8, 3

    def book(index):
        return services.register_group(
            option, contact_name=f"Contact {index}", contact_email=f"c{index}@x.example",
            participants=[{"name": f"P{index}-{n}", "email": f"p{index}-{n}@x.example"}
                          for n in range(size)],
            when_full=GroupWhenFull.ALL_OR_NOTHING, consent=True)

    outcomes = run_parallel(book, range(count), refused=services.RegistrationError).codes
    assert set(outcomes) <= {"busy", "full", "ok"}, outcomes
    held = Registration.objects.filter(option=option, state__in=[S.PENDING]).count()
    assert held == 3 * outcomes.count("ok") <= 10
    if "busy" not in outcomes:  # a lock wait over the timeout is told "try again"
        assert outcomes.count("ok") == 3, outcomes  # 3 groups of 3 fit into 10 places
    # Refused groups left nothing behind.
    assert RegistrationGroup.objects.count() == outcomes.count("ok")
    assert Registration.objects.filter(option=option).count() == held


# Admin ----------------------------------------------------------------------------------------

ADMIN_LIST = "/admin/snippets/events/registration/"


@pytest.fixture
def manager_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("manager", password="pw")
    user.groups.add(Group.objects.get(name="Registration managers"))
    client.force_login(user)
    return client


def register_group(option, contact, participants, committed):
    return committed(services.register_group, option, contact_name=contact,
                     contact_email=f"{contact.lower()}@x.example",
                     participants=[{"name": n, "email": e} for n, e in participants],
                     when_full=GroupWhenFull.ALL_OR_NOTHING, consent=True)


def test_admin_lists_the_group_and_filters_by_it(manager_client, option, register, committed):
    first, _rows = register_group(option, "Erika", [("Ada", "ada@x.example"),
                                                    ("Bob", "bob@x.example")], committed)
    register_group(option, "Otto", [("Cleo", "cleo@x.example"), ("Dan", "dan@x.example")],
                   committed)
    register(option, name="Single Sam")
    html = manager_client.get(ADMIN_LIST).content.decode()
    assert f'href="?group={first.reference}"' in html and str(first.reference)[:8] in html
    response = manager_client.get(ADMIN_LIST, {"group": str(first.reference)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ada" in html and "Bob" in html
    assert "Cleo" not in html and "Single Sam" not in html
    # A mistyped reference is a message in the filter, never an error page.
    assert manager_client.get(ADMIN_LIST, {"group": "not-a-uuid"}).status_code == 200


def test_csv_export_has_a_group_column(manager_client, option, register, committed):
    import csv
    import io

    group, _rows = register_group(option, "Erika", [("Ada", "ada@x.example"),
                                                    ("Bob", "bob@x.example")], committed)
    register(option, name="Single Sam")
    response = manager_client.get(ADMIN_LIST, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    with translation.override("de"):  # the admin's language
        column = rows[0].index(translation.gettext("Group"))
    by_name = {row[1]: row[column] for row in rows[1:]}
    assert by_name == {"Ada": str(group.reference), "Bob": str(group.reference),
                       "Single Sam": ""}


def test_training_participants_register_as_a_group_with_the_kinds_fields(
        client, make_option, mailoutbox, django_capture_on_commit_callbacks):
    option = make_option(kind="participant", capacity=4)
    html = client.get(group_url(option, "en")).content.decode()
    assert 'name="organisation_type"' in html and 'name="role"' in html
    response = post_group(client, option, people(2), django_capture_on_commit_callbacks,
                          organisation_type="sme", role="Ausbildungsleitung")
    assert response.status_code == 302, response.content.decode()[-3000:]
    rows = list(Registration.objects.order_by("pk"))
    assert len(rows) == 2 and all(row.data["organisation_type"] == "sme" for row in rows)
    assert {row.option.kind for row in rows} == {"participant"}
    assert len(mailoutbox) == 3


def test_the_contacts_data_is_erased_with_the_participants(option, committed):
    import datetime

    from django.utils import timezone

    from events.registration.privacy_ops import erase_expired

    group, _rows = committed(
        services.register_group, option, contact_name="Erika", contact_email="erika@x.example",
        organisation="Verein", participants=[{"name": "Ada", "email": "ada@x.example"}],
        when_full=GroupWhenFull.ALL_OR_NOTHING, consent=True)
    later = option.occurrence.end + datetime.timedelta(days=3650)
    assert later > timezone.now()
    assert erase_expired(now=later) == 1
    group.refresh_from_db()
    assert (group.contact_name, group.contact_email, group.organisation) == ("", "", "")
    assert group.registrations.get().name == ""
