"""Online and hybrid dates (issue 18, item 3).

The join link and its access notes reach only people holding a settled place: their
confirmation, reminder, date-change e-mail, calendar file, personal calendar and personal page.
Every public output (page in German and English, feeds, add-to-calendar links, pages and
occurrences API, search) says "Online" and nothing more. A hybrid date's places on site and
online are separate options, each with its own capacity and waiting list.
"""

import datetime
import json
import re
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from events.models import EventPage, Registration, RegistrationOption
from events.models.occurrences import AttendanceMode
from events.registration.emails import build_email

pytestmark = pytest.mark.django_db
SECRET = "https://meet.example.org/iq-geheimraum-4711"
ACCESS = "Kenncode 8472 9915"
START = datetime.datetime(2031, 3, 12, 10, 0)


def unfold(text):
    return text.replace("\r\n ", "").replace("\n ", "")


def calendar_text(message):
    return "".join(content.decode() if isinstance(content, bytes) else str(content)
                   for _name, content, mime in message.attachments if mime == "text/calendar")


def form_url(occurrence, part="", language="de"):
    url = f"/{language}/registration/{occurrence.uid}/attendee/"
    return f"{url}{part}/" if part else url


def post(client, url, capture, email="ada@example.org", language="en"):
    html = client.get(url).content.decode()
    fields = {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
              for name in ("rendered", "form_token")}
    with capture(execute=True):
        return client.post(url, {"name": "Ada Lovelace", "email": email, "language": language,
                                 "consent": "on", "website": "", **fields})


def confirm_by_mail(client, mailoutbox, email, capture):
    mail = [m for m in mailoutbox if m.to == [email]][-1]
    path = re.search(r"https?://[^/\s]+(/\S*/registration/confirm/\S+)", mail.body).group(1)
    with capture(execute=True):
        client.post(path)
    return [m for m in mailoutbox if m.to == [email]][-1]


def mails_to(mailoutbox, email):
    return [m for m in mailoutbox if m.to == [email]]


@pytest.fixture
def online_date(make_event):
    page = make_event(title="Online-Sprechstunde Anerkennung", dates=[{
        "start": START, "end": START + datetime.timedelta(hours=2), "mode": "online",
        "online_url": SECRET, "online_access": ACCESS}])
    occurrence = page.occurrences.get()
    RegistrationOption.objects.create(occurrence=occurrence, kind="attendee", capacity=1)
    return occurrence


@pytest.fixture
def hybrid_date(make_event):
    page = make_event(title="Hybrider Workshop", dates=[{
        "start": START, "end": START + datetime.timedelta(hours=3), "mode": "hybrid",
        "online_url": SECRET, "online_access": ACCESS}])
    occurrence = page.occurrences.get()
    for part in ("onsite", "online"):
        RegistrationOption.objects.create(occurrence=occurrence, kind="attendee", part=part,
                                          capacity=1)
    return occurrence


@pytest.fixture
def english_page(online_date, locales, home_page_en):
    page = online_date.page
    page.get_parent().copy_for_translation(locales["en"]).save_revision().publish()
    english = page.copy_for_translation(locales["en"])
    english.title = "Online consultation"
    english.save_revision().publish()
    return english


# Public outputs -------------------------------------------------------------------------------

def public_texts(client, page, occurrence, english=None):
    texts = {
        "page de": client.get(page.url).content.decode(),
        "feed": client.get("/feeds/events.ics").content.decode(),
        "page feed": client.get(f"/feeds/events/{page.pk}.ics").content.decode(),
        "date feed": client.get(f"/feeds/dates/{occurrence.uid}.ics").content.decode(),
        "pages api": client.get("/api/v2/pages/?fields=*&limit=100").content.decode(),
        "detail api": client.get(f"/api/v2/pages/{page.pk}/?fields=*").content.decode(),
        "occurrences api": client.get("/api/v2/occurrences/?limit=100").content.decode(),
        "search": client.get("/de/search/?q=Sprechstunde").content.decode(),
    }
    if english is not None:
        texts["page en"] = client.get(english.url).content.decode()
        texts["english detail api"] = client.get(
            f"/api/v2/pages/{english.pk}/?fields=*").content.decode()
    return texts


def test_no_public_output_carries_the_link_or_access_notes(client, online_date, english_page):
    page = online_date.page.specific
    texts = public_texts(client, page, online_date, english_page)
    assert all(client.get(url).status_code == 200 for url in (page.url, english_page.url))
    assert "Online-Sprechstunde" in texts["search"]  # the search does find the page
    assert f"/api/v2/pages/{page.pk}/" in texts["pages api"]
    for name, text in texts.items():
        plain = unquote(unfold(text))  # add-to-calendar links carry text URL-encoded
        assert "geheimraum" not in plain and "8472" not in plain, name
    # Searching for the link or the code finds nothing (the search page repeats the query).
    for query in ("geheimraum", "8472"):
        assert "Online-Sprechstunde" not in client.get(f"/de/search/?q={query}").content.decode()


def test_online_dates_say_online_instead_of_a_venue(client, online_date, english_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    page = online_date.page.specific
    assert '<p class="venue">Online</p>' in client.get(page.url).content.decode()
    assert '<p class="venue">Online</p>' in client.get(english_page.url).content.decode()
    feed = unfold(client.get(f"/feeds/events/{page.pk}.ics").content.decode())
    assert "LOCATION:Online" in feed
    item = next(row for row in client.get("/api/v2/occurrences/").json()["items"]
                if row["uid"] == str(online_date.uid))
    assert item["mode"] == "online" and item["online"] is True and item["venue"] is None


def test_the_page_cache_never_holds_the_link(client, online_date, settings, mailoutbox,
                                             django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 600
    page = online_date.page.specific
    post(client, form_url(online_date), django_capture_on_commit_callbacks)
    confirm_by_mail(client, mailoutbox, "ada@example.org", django_capture_on_commit_callbacks)
    for _round in range(2):  # filled, then served from the cache
        assert "geheimraum" not in client.get(page.url).content.decode()


# Translations -----------------------------------------------------------------------------------

def test_translators_never_see_the_link_and_the_translation_keeps_it(
        online_date, django_user_model, django_capture_on_commit_callbacks):
    translator = django_user_model.objects.create_superuser("tarek", "tarek@example.org", "x")
    english = Locale.objects.get(language_code="en")
    page = online_date.page
    TranslationCreator(translator, [english]).create_translations(page.get_parent())
    TranslationCreator(translator, [english]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key,
                                          target_locale=english)
    po = translation.export_po()
    msgids = " ".join(entry.msgid for entry in po)
    assert "Online-Sprechstunde" in msgids
    assert "geheimraum" not in msgids and "8472" not in msgids
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=translator, publish=True)
    translated = page.get_translation(english).specific.occurrences.get()
    assert (translated.online_url, translated.online_access, translated.mode) == (
        SECRET, ACCESS, "online")


# People holding a place ----------------------------------------------------------------------

def test_a_settled_place_gets_link_and_notes_in_every_personal_output(
        client, online_date, mailoutbox, django_capture_on_commit_callbacks):
    response = post(client, form_url(online_date), django_capture_on_commit_callbacks)
    status_path = response["Location"]
    assert SECRET not in mailoutbox[-1].body  # address not confirmed yet
    assert "geheimraum" not in client.get(status_path).content.decode()
    confirmed = confirm_by_mail(client, mailoutbox, "ada@example.org",
                                django_capture_on_commit_callbacks)
    registration = Registration.objects.get()
    assert registration.state == "confirmed"
    assert SECRET in confirmed.body and f"Access: {ACCESS}" in confirmed.body
    assert SECRET in unfold(calendar_text(confirmed)) and ACCESS in unfold(calendar_text(confirmed))
    # Their own page, reached by the personal link, and never kept by a shared cache.
    personal_page = client.get(status_path)
    assert SECRET in personal_page.content.decode() and ACCESS in personal_page.content.decode()
    assert "private" in personal_page["Cache-Control"]
    personal_feed = re.search(r"https?://[^/\s]+(/feeds/personal/\S+\.ics)", confirmed.body)
    assert SECRET in unfold(client.get(personal_feed.group(1)).content.decode())
    reminder = build_email(registration, "reminder")
    assert SECRET in reminder.body and ACCESS in reminder.body
    assert SECRET in unfold(calendar_text(reminder))


def test_the_waiting_list_gets_it_once_the_place_is_settled(
        client, online_date, mailoutbox, django_capture_on_commit_callbacks):
    post(client, form_url(online_date), django_capture_on_commit_callbacks)
    confirm_by_mail(client, mailoutbox, "ada@example.org", django_capture_on_commit_callbacks)
    post(client, form_url(online_date), django_capture_on_commit_callbacks,
         email="grace@example.org")
    waiting = Registration.objects.get(email="grace@example.org")
    assert waiting.state == "waitlisted"
    assert all("geheimraum" not in m.body + calendar_text(m)
               for m in mails_to(mailoutbox, "grace@example.org"))
    first = Registration.objects.get(email="ada@example.org")
    cancel = re.search(r"https?://[^/\s]+(/\S*/registration/cancel/\S+)",
                       mails_to(mailoutbox, "ada@example.org")[-1].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel)
    first.refresh_from_db()
    assert first.state == "cancelled"
    promoted = mails_to(mailoutbox, "grace@example.org")[-1]
    assert "moved up" in promoted.body
    # Moved up, the place waits for the address to be confirmed: the link comes with that.
    assert SECRET not in promoted.body
    confirmed = confirm_by_mail(client, mailoutbox, "grace@example.org",
                                django_capture_on_commit_callbacks)
    assert SECRET in confirmed.body and ACCESS in confirmed.body


def test_a_new_link_on_the_published_date_is_sent_to_registered_people_only(
        client, online_date, mailoutbox, django_capture_on_commit_callbacks):
    post(client, form_url(online_date), django_capture_on_commit_callbacks)
    confirm_by_mail(client, mailoutbox, "ada@example.org", django_capture_on_commit_callbacks)
    post(client, form_url(online_date), django_capture_on_commit_callbacks,
         email="grace@example.org")
    mailoutbox.clear()
    new_link = "https://meet.example.org/neuer-raum-0815"
    page = online_date.page.specific.get_latest_revision_as_object()
    dates = list(page.occurrences.all())
    dates[0].online_url = new_link
    page.occurrences = dates
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    ada, grace = mails_to(mailoutbox, "ada@example.org"), mails_to(mailoutbox, "grace@example.org")
    assert len(ada) == 1 and new_link in ada[0].body and new_link in unfold(calendar_text(ada[0]))
    # Waiting, Grace holds no link: a mail with nothing changed for her would only puzzle her.
    assert grace == []
    assert "neuer-raum" not in client.get(online_date.page.url).content.decode()


# Hybrid dates ------------------------------------------------------------------------------------

def test_hybrid_parts_have_their_own_places_and_waiting_lists(
        client, hybrid_date, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.PAGE_CACHE_SECONDS = 0
    page = hybrid_date.page.specific
    html = client.get(page.url).content.decode()
    assert form_url(hybrid_date, "onsite") in html and form_url(hybrid_date, "online") in html
    assert client.get(form_url(hybrid_date)).status_code == 404  # a part must be chosen
    post(client, form_url(hybrid_date, "onsite"), django_capture_on_commit_callbacks,
         email="onsite@example.org")
    confirm_by_mail(client, mailoutbox, "onsite@example.org", django_capture_on_commit_callbacks)
    post(client, form_url(hybrid_date, "onsite"), django_capture_on_commit_callbacks,
         email="late@example.org")
    # On site is full; online still registers.
    post(client, form_url(hybrid_date, "online"), django_capture_on_commit_callbacks,
         email="online@example.org")
    states = dict(Registration.objects.values_list("email", "state"))
    assert states == {"onsite@example.org": "confirmed", "late@example.org": "waitlisted",
                      "online@example.org": "pending"}
    assert dict(Registration.objects.values_list("email", "option__part")) == {
        "onsite@example.org": "onsite", "late@example.org": "onsite",
        "online@example.org": "online"}
    post(client, form_url(hybrid_date, "online"), django_capture_on_commit_callbacks,
         email="online2@example.org")
    assert Registration.objects.get(email="online2@example.org").state == "waitlisted"
    # Counts per part, on the page and in the API.
    html = client.get(page.url).content.decode()
    assert html.count("Ausgebucht – Warteliste offen.") == 2
    item = next(row for row in client.get("/api/v2/occurrences/").json()["items"]
                if row["uid"] == str(hybrid_date.uid))
    parts = {row["part"]: row for row in item["registration"]}
    assert set(parts) == {"onsite", "online"} and item["mode"] == "hybrid"
    assert parts["onsite"]["remaining"] == 0 and parts["online"]["remaining"] == 0
    # The on-site place brings no join link; the online one does once confirmed.
    onsite_mail = mails_to(mailoutbox, "onsite@example.org")[-1]
    assert "geheimraum" not in onsite_mail.body + calendar_text(onsite_mail)
    online_mail = confirm_by_mail(client, mailoutbox, "online@example.org",
                                  django_capture_on_commit_callbacks)
    assert SECRET in online_mail.body and ACCESS in online_mail.body


def test_api_registers_per_part_and_asks_for_the_part(client, hybrid_date):
    body = {"occurrence": hybrid_date.pk, "kind": "attendee", "name": "Ada Lovelace",
            "email": "ada@example.org", "consent": True}

    def send(**extra):
        return client.post("/api/v2/registrations/", json.dumps({**body, **extra}),
                           content_type="application/json")

    missing = send()
    assert missing.status_code == 400 and "part" in missing.json()["errors"]
    assert send(part="anywhere").status_code == 400
    assert send(part="onsite").status_code == 201
    online = send(part="online", email="grace@example.org")
    assert online.status_code == 201
    assert dict(Registration.objects.values_list("email", "option__part")) == {
        "ada@example.org": "onsite", "grace@example.org": "online"}


# Editors ---------------------------------------------------------------------------------------------

def test_a_date_with_a_link_must_be_online_or_hybrid(online_date):
    online_date.mode = AttendanceMode.ON_SITE
    with pytest.raises(ValidationError) as error:
        online_date.full_clean()
    assert "mode" in error.value.message_dict
    online_date.mode = AttendanceMode.HYBRID
    online_date.full_clean()


def test_editors_set_mode_link_and_notes_in_the_page_editor(client, admin_user, event_index):
    client.force_login(admin_user)
    url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    assert 'name="occurrences-__prefix__-mode"' in client.get(url).content.decode()

    def post(mode):
        date = {"start": "2031-03-12 10:00", "end": "2031-03-12 12:00", "status": "scheduled",
                "repeat_interval": "1", "repeat_frequency": "", "status_note": "",
                "venue": "", "repeat_until": "", "repeat_exceptions": "", "mode": mode,
                "online_url": SECRET, "online_access": ACCESS}
        return client.post(url, nested_form_data({
            "title": "Online im Admin", "slug": "online-im-admin", "summary": "Online.",
            "body": streamfield([]), "registration_questions": streamfield([]),
            "occurrences": inline_formset([date]), "action-publish": "publish"}))

    refused = post("onsite")
    assert refused.status_code == 200 and not EventPage.objects.filter(slug="online-im-admin")
    assert "mode" in refused.context["form"].formsets["occurrences"].errors[0]
    assert post("online").status_code == 302
    date = EventPage.objects.get(slug="online-im-admin").occurrences.get()
    assert (date.mode, date.online_url, date.online_access) == ("online", SECRET, ACCESS)
