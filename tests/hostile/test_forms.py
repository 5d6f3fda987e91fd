"""Hostile input over every public form and API write, seeded and deterministic.

NUL and other control characters, line breaks, direction overrides, quotes, huge integers,
lone surrogates (JSON), 10,000-character values, odd types: the site never answers 5xx, API
answers stay JSON, and a refused request never spends the form's one-time token or the
API's Idempotency-Key (the corrected request with the same token or key still goes through).
"""

import datetime
import json
import random
import re

import pytest
from django.utils import timezone

from events.models import Registration
from tests.posting import API_URL, hidden_fields, registration_url
from trainings import services as trainings_services
from trainings.models import FeedbackResponse, InHouseRequest

pytestmark = pytest.mark.django_db
SEED = "issue-13-hostile-forms"
ROUNDS = 20

TEXT = [
    "\x00", "Ada\x00Lovelace", "\x01\x02\x03", "\x1b[31mrot", "\x7f", "\x85", "\x0b\x0c",
    "Zeile 1\r\nZeile 2", "\r", "\n\n", "\t", "a\tb", "Ada\u202eecalevoL", "\u2066x\u2069",
    "\ufeff", "\u200b", "\u2028", '"', "'", "\";--", "<script>alert(1)</script>",
    "{{ 7|add:7 }}", "%(name)s", "=HYPERLINK(\"http://x\")", "99999999999999999999",
    "-99999999999999999999", "9223372036854775808", "1e309", "NaN", "-1", "0", "", " ",
    "x" * 10_000, "ä" * 10_000, "²", "٣", "null", "[]", "محمد\u200cرضا",
]
JSON_ONLY = [10**30, -(10**30), 2**63, 1e308, float("inf"), float("nan"), None, True, False,
             [], {}, [[[]]], {"a": "\ud800"}, "\ud800", "x\udfffy", ["\ud800"], [10**30]]


def hostile_text(rng):
    value = rng.choice(TEXT)
    return value if rng.random() < 0.8 else value + rng.choice(TEXT)


def hostile_form_value(rng):
    return [hostile_text(rng), hostile_text(rng)] if rng.random() < 0.15 else hostile_text(rng)


def hostile_json_value(rng):
    return rng.choice(JSON_ONLY) if rng.random() < 0.4 else hostile_text(rng)


def spoil(rng, valid, make_value, extra_fields=()):
    """A copy of `valid` with one to three fields (or unknown ones) replaced by hostile values."""
    data = dict(valid)
    for name in rng.sample(sorted(valid) + list(extra_fields), rng.randint(1, 3)):
        data[name] = make_value(rng)
    return data


def assert_no_server_error(response, what):
    assert response.status_code < 500, (what, response.status_code, response.content[:300])


# Targets: each builds a valid answer (`n` keeps e-mail addresses apart between rounds).

def attendee(n):
    return {"name": "Ada Lovelace", "email": f"ada{n}@example.org", "language": "de",
            "consent": "on"}


def participant(n):
    return {**attendee(n), "organisation": "Jobcenter Leipzig",
            "organisation_type": "employment_administration", "role": "Beraterin",
            "phone": "0341 1", "accessibility_needs": "Rampe\r\nbitte"}


def employer(n):
    return {**attendee(n), "company": f"Bau {n} GmbH", "phone": "0341 2",
            "address": "Hauptstraße 1\r\n04109 Leipzig", "trades": ["maurer"],
            "open_positions": "2", "apprenticeships": "1", "interviews": "4",
            "languages": ["de", "ar"], "needs": "Strom\r\n\tTisch", "public_listing": "on"}


def jobseeker(n):
    return {**attendee(n), "phone": "", "languages": ["fa"], "german_level": "B1",
            "interpreter_language": "fa", "trades": ["maurer"], "experience": "5 Jahre\r\nMaurer",
            "recognition": "in_progress"}


ANSWERS = {"attendee": attendee, "participant": participant, "employer": employer,
           "jobseeker": jobseeker}


def as_json(answer):
    """The form's answer as an API client sends it: numbers and booleans as JSON."""
    data = {**answer, "consent": True}
    for key in ("open_positions", "apprenticeships", "interviews"):
        if key in data:
            data[key] = int(data[key])
    if "public_listing" in data:
        data["public_listing"] = True
    return data


def post_form_rounds(client, rng, url, valid, what):
    """Hostile rounds against one HTML form with one token, then the valid answer with it."""
    hidden = hidden_fields(client, url)
    for n in range(ROUNDS):
        data = spoil(rng, valid(n), hostile_form_value, extra_fields=["website", "x\x00"])
        response = client.post(url, {**data, **hidden})
        assert_no_server_error(response, (what, data))
        if response.status_code != 400:  # taken (a harmless value): the next rounds get a new token
            hidden = hidden_fields(client, url)
    # Bytes that are no UTF-8 at all (a lone surrogate encoded, a broken sequence).
    raw = client.post(url, b"name=%ED%A0%80&email=%FF%FE&consent=on",
                      content_type="application/x-www-form-urlencoded")
    assert_no_server_error(raw, (what, "raw bytes"))
    return client.post(url, {**valid(ROUNDS), **hidden})


@pytest.mark.parametrize("kind", ["attendee", "participant", "employer", "jobseeker"])
def test_registration_forms_never_fail_and_keep_the_token(client, dates, kind):
    occurrence, valid = dates[kind], ANSWERS[kind]
    rng = random.Random(f"{SEED}-form-{kind}")
    final = post_form_rounds(client, rng, registration_url(occurrence, kind), valid, kind)
    assert final.status_code == 302, final.content[:500]
    assert Registration.objects.filter(email=f"ada{ROUNDS}@example.org").exists()


@pytest.mark.parametrize("kind", ["attendee", "participant", "employer", "jobseeker"])
def test_registration_api_never_fails_and_keeps_the_idempotency_key(client, dates, kind):
    occurrence, valid = dates[kind], ANSWERS[kind]
    rng = random.Random(f"{SEED}-api-{kind}")
    key = f"{kind}-0"

    def body(n):
        return {"occurrence": occurrence.pk, "kind": kind, **as_json(valid(n))}

    for n in range(ROUNDS * 2):
        payload = spoil(rng, body(n), hostile_json_value, extra_fields=["\ud800", "x" * 300])
        raw = json.dumps(payload)  # ASCII: a lone surrogate goes out as its escape "\ud800"
        response = client.post(API_URL, raw, content_type="application/json",
                               headers={"Idempotency-Key": key})
        assert_no_server_error(response, (kind, payload))
        assert response["Content-Type"].startswith("application/json")
        assert response.status_code != 422, "a refused body kept the Idempotency-Key"
        if response.status_code not in (400, 415):  # carried out: that key keeps its answer
            key = f"{kind}-{n + 1}"
    for content_type in ("text/plain", "application/x-www-form-urlencoded", ""):
        response = client.post(API_URL, json.dumps(body(0)), content_type=content_type,
                               headers={"Idempotency-Key": key})
        assert response.status_code == 415 and response.json()["detail"]
    final = client.post(API_URL, json.dumps(body(ROUNDS * 2)), content_type="application/json",
                        headers={"Idempotency-Key": key})
    assert final.status_code == 201, final.content


def test_inhouse_request_form_never_fails_and_keeps_the_token(client, programme, make_module):
    module = make_module(title="Interkulturell handeln")
    url = "/de/schulungen/anfrage/"
    rng = random.Random(f"{SEED}-inhouse")
    for value in ("abc", "²", "99999999999999999999", "\x00", "-1"):
        assert_no_server_error(client.get(url, {"module": value}), ("inhouse GET", value))

    def valid(n):
        return {"module": str(module.pk), "organisation": "Stadt Chemnitz",
                "contact_name": "Maria Schmidt", "email": f"maria{n}@example.org",
                "phone": "0371 1", "preferred_period": "März", "participants": "14",
                "place": "our_premises", "location": "Chemnitz",
                "message": "Für unser Team.\r\n\tDanke!", "consent": "on"}

    final = post_form_rounds(client, rng, url, valid, "inhouse")
    assert final.status_code == 302, final.content[:500]
    assert InHouseRequest.objects.filter(email=f"maria{ROUNDS}@example.org").exists()


def test_feedback_form_never_fails_and_keeps_the_link(client, make_module, attended, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    module = make_module(title="Feedback-Modul")
    session = module.occurrences.get()
    attended(session, name="Ana")
    start = timezone.now() - datetime.timedelta(days=2)
    type(session).objects.filter(pk=session.pk).update(
        start=start, end=start + datetime.timedelta(hours=6))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        trainings_services.send_feedback_invitations(days=7)  # as the daily job does
    url = re.search(r"https?://[^/\s]+(/\w\w/trainings/feedback/[^/\s]+/)",
                    mailoutbox[0].body).group(1)
    rng = random.Random(f"{SEED}-feedback")
    valid = {"overall": "5", "content": "4", "trainer": "5", "organisation": "3",
             "comment": "Sehr praxisnah.\r\n\tDanke!"}
    for _round in range(ROUNDS):
        data = spoil(rng, valid, hostile_form_value)
        response = client.post(url, data)
        assert_no_server_error(response, ("feedback", data))
        if response.status_code != 400:
            break  # answered with harmless values: the link is used up, as it should be
    else:
        response = client.post(url, valid)
        assert response.status_code == 200
        assert FeedbackResponse.objects.get().comment == "Sehr praxisnah.\n\tDanke!"
    for token in ("\x00", "x" * 10_000, "%ED%A0%80", "'\""):
        assert_no_server_error(client.post(f"/de/trainings/feedback/{token}/", valid), token)


def test_cancel_links_with_hostile_tokens_never_fail(client):
    rng = random.Random(f"{SEED}-cancel")
    for _round in range(ROUNDS):
        token = "".join(rng.choice(["a", "Z", "9", ":", "-", "_", "%22", "%27", "%E2%80%AE",
                                    "%C2%B2", "x" * 500]) for _ in range(rng.randint(1, 8)))
        for method in (client.get, client.post):
            assert_no_server_error(method(f"/de/registration/cancel/{token}/"), token)
