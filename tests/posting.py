"""Post public forms the way a browser does: fetch the page, send its hidden fields back."""

import json

# What a browser sends from a textarea with a line break and an indented line.
MULTILINE = "Rampe am Eingang\r\n\tGebärdensprache bitte\r\nدرجة ثالثة"
STORED_MULTILINE = "Rampe am Eingang\n\tGebärdensprache bitte\nدرجة ثالثة"
CONTROL_MESSAGE_DE = "Bitte entfernen Sie unsichtbare Zeichen oder Steuerzeichen aus diesem Feld."
API_URL = "/api/v2/registrations/"


def registration_url(occurrence, kind, language="de"):
    return f"/{language}/registration/{occurrence.uid}/{kind}/"


def hidden_fields(client, url):
    """The bot-defence fields of the form as the page renders them (timestamp, one-time token)."""
    response = client.get(url)
    assert response.status_code == 200
    return rerendered_fields(response)


def rerendered_fields(response):
    """The hidden fields of a re-rendered form: a fresh timestamp, the same one-time token."""
    form = response.context["form"]
    return {"rendered": form["rendered"].value(), "form_token": form["form_token"].value(),
            "website": ""}


def post_committed(client, capture, url, data):
    """POST and run the on-commit work (cached counts, e-mails) as a real request would."""
    with capture(execute=True):
        return client.post(url, data)


def api_post(client, capture, payload, content_type="application/json", **headers):
    body = payload if isinstance(payload, bytes | str) else json.dumps(payload)
    with capture(execute=True):
        return client.post(API_URL, body, content_type=content_type, headers=headers or None)
