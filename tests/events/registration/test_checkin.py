"""Tickets and check-in: the signed QR payload and the typed code, the check-in page of the
admin with one clear answer per case, its counts, the ticket in the confirmation e-mail and on
the personal page, and the badges PDF."""

import io
import re

import pytest
import segno
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, override_settings
from PIL import Image
from pypdf import PdfReader
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from events.models import Registration, RegistrationState
from events.registration import services, tickets
from events.registration.tokens import cancel_token

pytestmark = pytest.mark.django_db
S = RegistrationState


def url(occurrence_id, suffix=""):
    return f"/admin/registrations/check-in/{occurrence_id}/{suffix}"


def badges_url(occurrence_id):
    return f"/admin/registrations/badges/{occurrence_id}/"


def english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("maria", "maria@example.org", "pw")
    user.groups.add(Group.objects.get(name="Registration managers"))
    return english(user)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return english(user)


@pytest.fixture
def door(make_option, register, committed):
    """One date with two confirmed people, one waiting, one cancelled; a second date."""
    option = make_option(capacity=2, title="Fachtag Anerkennung")
    ann = committed(services.confirm, register(option, name="Ann English", language="en"))
    olha = committed(services.confirm, register(option, name="Олга Шевченко", language="uk"))
    waiting = register(option, name="Wanda Warteliste")
    other_option = make_option(title="Regionalworkshop Leipzig")
    other = committed(services.confirm, register(other_option, name="Otto Anderswo"))
    gone = committed(services.cancel, committed(
        services.confirm, register(other_option, name="Carla Cancel")))
    return {"option": option, "occurrence": option.occurrence, "ann": ann, "olha": olha,
            "waiting": waiting, "other": other, "gone": gone}


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def post(client, occurrence, code, **headers):
    return client.post(url(occurrence.pk), {"code": code}, **headers)


# Tickets ------------------------------------------------------------------------------------

def test_ticket_payload_round_trips_and_forgeries_are_refused(door):
    ann = door["ann"]
    payload = tickets.ticket_payload(ann)
    assert payload.split(":")[0] == ann.reference  # the random reference, never the id
    assert tickets.read_ticket_payload(payload) == ann.reference
    reference, signature = payload.rsplit(":", 1)
    with pytest.raises(tickets.TicketInvalid):
        tickets.read_ticket_payload(f"{door['olha'].reference}:{signature}")
    with pytest.raises(tickets.TicketInvalid):  # a valid signature made for another purpose
        tickets.read_ticket_payload(cancel_token(ann))
    code = tickets.short_code(ann.reference)
    assert re.fullmatch(r"[A-Z2-7]{4}-[A-Z2-7]{4}", code)
    assert code != tickets.short_code(door["olha"].reference)
    typed = f" {code[:2]} {code[2:].lower()} "
    assert tickets.code_matches(ann.reference, tickets.normalise_code(typed))
    with pytest.raises(tickets.TicketInvalid):
        tickets.normalise_code("ABC")


# Permissions and CSRF -----------------------------------------------------------------------

def test_editors_without_the_permission_are_refused(client, editor, door):
    occurrence, ann = door["occurrence"], door["ann"]
    client.force_login(editor)
    assert client.get(url(occurrence.pk)).status_code == 403
    assert post(client, occurrence, tickets.ticket_payload(ann)).status_code == 403
    assert client.get(url(occurrence.pk, "counts/")).status_code == 403
    assert client.get(badges_url(occurrence.pk)).status_code == 403
    ann.refresh_from_db()
    assert ann.state == S.CONFIRMED


def test_anonymous_visitors_are_sent_to_the_login(client, door):
    response = client.get(url(door["occurrence"].pk))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_post_without_csrf_token_is_refused(manager, door):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    response = post(client, door["occurrence"], tickets.ticket_payload(door["ann"]))
    assert response.status_code == 403
    door["ann"].refresh_from_db()
    assert door["ann"].state == S.CONFIRMED


# The answers --------------------------------------------------------------------------------

def test_manager_checks_in_a_scanned_ticket(manager_client, door, manager):
    occurrence, ann = door["occurrence"], door["ann"]
    page = manager_client.get(url(occurrence.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="code"' in html and "csrfmiddlewaretoken" in html
    assert re.search(r'data-count="checked_in">0<.*data-count="expected">2<', html, re.S)

    response = post(manager_client, occurrence, tickets.ticket_payload(ann))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-status="checked_in"' in html
    assert "Ann English checked in." in html
    assert re.search(r'data-count="checked_in">1<', html)
    ann.refresh_from_db()
    assert ann.state == S.ATTENDED
    entry = ModelLogEntry.objects.get(object_id=str(ann.pk), action="events.registration.attended")
    assert entry.user == manager


def test_a_typed_code_checks_in_whatever_its_case_and_spacing(manager_client, door):
    olha = door["olha"]
    code = tickets.short_code(olha.reference).lower().replace("-", " ")
    response = post(manager_client, door["occurrence"], code)
    assert response.status_code == 200
    assert "Олга Шевченко checked in." in response.content.decode()
    olha.refresh_from_db()
    assert olha.state == S.ATTENDED


def test_second_check_in_says_already_with_the_time(manager_client, door):
    occurrence, ann = door["occurrence"], door["ann"]
    post(manager_client, occurrence, tickets.ticket_payload(ann))
    response = post(manager_client, occurrence, tickets.short_code(ann.reference))
    assert response.status_code == 409
    html = response.content.decode()
    assert 'data-status="already"' in html
    assert re.search(r"Ann English was already checked in at \S+ \d\d?:\d\d", html), html
    assert ModelLogEntry.objects.filter(object_id=str(ann.pk),
                                        action="events.registration.attended").count() == 1


def test_a_ticket_of_another_date_is_named_not_checked_in(manager_client, door):
    other = door["other"]
    for code in (tickets.ticket_payload(other), tickets.short_code(other.reference)):
        response = post(manager_client, door["occurrence"], code)
        assert response.status_code == 409
        html = response.content.decode()
        assert 'data-status="other_date"' in html
        assert "Otto Anderswo is registered for another date: Regionalworkshop Leipzig" in html
    other.refresh_from_db()
    assert other.state == S.CONFIRMED


def test_waiting_and_cancelled_people_are_not_checked_in(manager_client, door, make_option):
    occurrence = door["occurrence"]
    response = post(manager_client, occurrence, tickets.ticket_payload(door["waiting"]))
    assert response.status_code == 409
    assert "Wanda Warteliste is on the waiting list" in response.content.decode()
    gone = door["gone"]
    response = post(manager_client, gone.occurrence, tickets.ticket_payload(gone))
    assert response.status_code == 409
    assert "The registration of Carla Cancel has been cancelled." in response.content.decode()
    assert Registration.objects.filter(state=S.ATTENDED).count() == 0


def test_unknown_and_forged_codes_are_refused_clearly(manager_client, door):
    occurrence, ann = door["occurrence"], door["ann"]
    _reference, signature = tickets.ticket_payload(ann).rsplit(":", 1)
    answers = {
        "ABCD-EFGH": "Unknown code",
        "not a code at all": "Unknown code",
        f"{door['olha'].reference}:{signature}": "This ticket is not valid",
        cancel_token(ann): "This ticket is not valid",
        "x" * 299 + ":": "This ticket is not valid",
    }
    for code, message in answers.items():
        response = post(manager_client, occurrence, code)
        assert response.status_code == 400, code
        assert message in response.content.decode(), code
    response = post(manager_client, occurrence, "")
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert Registration.objects.filter(state=S.ATTENDED).count() == 0


def test_json_answers_and_the_counts_endpoint(manager_client, door):
    occurrence, ann = door["occurrence"], door["ann"]
    counts = manager_client.get(url(occurrence.pk, "counts/"))
    assert counts.json() == {"checked_in": 0, "expected": 2}
    response = post(manager_client, occurrence, tickets.ticket_payload(ann),
                    HTTP_ACCEPT="application/json")
    data = response.json()
    assert response.status_code == 200
    assert data["status"] == "checked_in" and data["name"] == "Ann English"
    assert data["counts"] == {"checked_in": 1, "expected": 2}
    again = post(manager_client, occurrence, tickets.ticket_payload(ann),
                 HTTP_ACCEPT="application/json")
    assert again.status_code == 409 and again.json()["status"] == "already"
    assert again.json()["checked_in_at"]
    empty = post(manager_client, occurrence, "", HTTP_ACCEPT="application/json")
    assert empty.status_code == 400 and empty.json()["status"] == "invalid"
    assert manager_client.get(url(occurrence.pk, "counts/")).json() == {
        "checked_in": 1, "expected": 2}


def test_the_registrations_listing_links_to_check_in_and_badges(manager_client, door):
    occurrence = door["occurrence"]
    html = manager_client.get(
        f"/admin/snippets/events/registration/?occurrence={occurrence.pk}").content.decode()
    assert url(occurrence.pk) in html
    assert badges_url(occurrence.pk) in html


# The ticket where the registrant sees it ----------------------------------------------------

def qr_matrix_of_png(png, scale=6, border=4):
    """Read the modules back from the PNG (dark pixel at each module's centre)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    size = image.width // scale - 2 * border
    return [[image.getpixel(((border + x) * scale + scale // 2,
                             (border + y) * scale + scale // 2)) < 128
             for x in range(size)] for y in range(size)]


def test_the_confirmation_email_carries_the_qr_code_and_the_typed_code(option, register,
                                                                       committed):
    registration = register(option, name="Ann English", language="en")
    mail.outbox.clear()
    committed(services.confirm, registration)
    (message,) = mail.outbox
    code = tickets.short_code(registration.reference)
    assert f"Code for the check-in: {code}" in message.body
    (png,) = [content for name, content, _type in message.attachments if name == "ticket.png"]
    expected = tickets.ticket_payload(registration)
    assert tickets.read_ticket_payload(expected) == registration.reference
    matrix = [[bool(module) for module in row]
              for row in segno.make(expected, error="m", micro=False).matrix]
    assert qr_matrix_of_png(png) == matrix
    # Another registration's payload draws another picture.
    other = segno.make(tickets.ticket_payload(register(option)), error="m", micro=False)
    assert qr_matrix_of_png(png) != [[bool(m) for m in row] for row in other.matrix]


def test_emails_without_a_settled_place_carry_no_ticket(option, register):
    mail.outbox.clear()
    register(option, name="Pia Pending")  # the "please confirm" e-mail
    (message,) = mail.outbox
    assert not [a for a in message.attachments if a[0] == "ticket.png"]
    assert "Code for the check-in" not in message.body


def test_the_personal_page_shows_the_ticket_of_a_settled_place(client, door):
    ann = door["ann"]
    html = client.get(f"/en/registration/r/{ann.reference}/").content.decode()
    assert tickets.short_code(ann.reference) in html
    assert re.search(r'<svg role="img" aria-label="[^"]+"[^>]*class="ticket-qr"', html)
    waiting = door["waiting"]
    html = client.get(f"/en/registration/r/{waiting.reference}/").content.decode()
    assert "ticket-qr" not in html
    assert tickets.short_code(waiting.reference) not in html


# Badges -------------------------------------------------------------------------------------

def test_badges_pdf_holds_the_names_of_the_date(manager_client, door, register, committed):
    option = door["option"]
    option.capacity = 5
    option.save()
    arabic = committed(services.confirm, register(option, name="مريم الرحيمي", language="ar"))
    response = manager_client.get(badges_url(door["occurrence"].pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Ann English" in text
    assert "Олга Шевченко" in text
    assert tickets.short_code(arabic.reference) in text
    assert "مريم الرحيمي" in text
    assert "Wanda Warteliste" not in text  # the waiting list holds no place
    assert "Otto Anderswo" not in text  # another date


def test_check_in_and_badges_take_the_same_queries_for_many_people(manager_client, make_option,
                                                                   register, committed,
                                                                   django_assert_max_num_queries):
    option = make_option(capacity=30)
    people = [committed(services.confirm, register(option)) for _ in range(25)]
    last = people[-1]
    with django_assert_max_num_queries(30):
        response = post(manager_client, option.occurrence, tickets.short_code(last.reference))
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        response = manager_client.get(badges_url(option.occurrence_id))
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 3


# A rotated SECRET_KEY -----------------------------------------------------------------------

OLD_SECRET = "old-secret-key-of-the-site-before-rotation-0123456789"
NEW_SECRET = "new-secret-key-of-the-site-after-rotation-9876543210"


@pytest.mark.parametrize("printed", ["code", "qr"])
def test_tickets_printed_before_a_key_rotation_check_in_while_the_old_key_is_a_fallback(
        manager_client, manager, door, printed):
    """Tickets mailed under the old SECRET_KEY: typed code and QR alike are read while the old
    key is in SECRET_KEY_FALLBACKS, and refused once it is dropped."""
    occurrence, ann, olha = door["occurrence"], door["ann"], door["olha"]

    def ticket(registration):
        if printed == "code":
            return tickets.short_code(registration.reference)
        return tickets.ticket_payload(registration)

    with override_settings(SECRET_KEY=OLD_SECRET, SECRET_KEY_FALLBACKS=[]):
        ann_ticket, olha_ticket = ticket(ann), ticket(olha)

    with override_settings(SECRET_KEY=NEW_SECRET, SECRET_KEY_FALLBACKS=[OLD_SECRET]):
        manager_client.force_login(manager)
        assert tickets.short_code(ann.reference) != ann_ticket  # the new key prints new codes
        response = post(manager_client, occurrence, ann_ticket)
        assert response.status_code == 200
        assert 'data-status="checked_in"' in response.content.decode()
    ann.refresh_from_db()
    assert ann.state == S.ATTENDED

    with override_settings(SECRET_KEY=NEW_SECRET, SECRET_KEY_FALLBACKS=[]):
        manager_client.force_login(manager)
        response = post(manager_client, occurrence, olha_ticket)
        assert response.status_code == 400
        refusal = "unknown" if printed == "code" else "forged"
        assert f'data-status="{refusal}"' in response.content.decode()
    olha.refresh_from_db()
    assert olha.state == S.CONFIRMED
