"""The employer sign-up form's "Add another posting" button through the client: it shows the
form again with one row more (200), is not counted against the sign-up rate limit and leaves
the one-time form token unused, so the real submit afterwards registers."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from events.models import Registration

from .test_signup_postings import employer_form, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(occurrence):
    return reverse("events_registration:form", args=[occurrence.uid, "employer"])


def shown_rows(page):
    """What the browser sends back of the rows the page shows (the added ones untouched)."""
    data = {}
    for form in page.context["form"].posting_formset.forms:
        for field in form:
            value = field.value()
            if value not in (None, ""):
                data[field.html_name] = str(value)
    return data


@override_settings(REGISTRATION_RATE_LIMIT="10/m")
def test_eleven_add_posting_clicks_answer_200_and_the_sign_up_still_registers(
        client, url, django_capture_on_commit_callbacks):
    cache.clear()
    page = client.get(url)
    data = employer_form(page, **row(0))
    token = data["form_token"]
    for clicks in range(1, 12):
        page = client.post(url, {**data, "add_posting": "1"})
        assert page.status_code == 200, clicks
        html = page.content.decode()
        assert f'name="posting-{clicks}-trade"' in html
        assert "Mauerarbeiten im Hochbau, unbefristet." in html  # what was typed stays
        assert 'value="Muster Bau"' in html
        assert 'class="form-errors"' not in html
        assert page.context["form"]["form_token"].value() == token
        data = employer_form(page, **{**shown_rows(page), **row(0)})
    assert not Registration.objects.exists()
    # The untouched extra rows are skipped; the same one-time token registers once.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Registration.objects.get().data["company"] == "Muster Bau"


def test_the_register_button_is_the_forms_default_and_add_posting_stays_reachable(client, url):
    html = client.get(url).content.decode()
    form = html[html.index('<form method="post" action="" novalidate class="registration-form"'):]
    form = form[:form.index("</form>")]
    buttons = [part.split(">", 1)[0] for part in form.split("<button")[1:]]
    # The first submit button (the one Enter presses) registers: no name, out of the tab
    # order and hidden from assistive technology; "Add another posting" is a normal button.
    assert 'tabindex="-1"' in buttons[0] and 'aria-hidden="true"' in buttons[0]
    assert "name=" not in buttons[0]
    add = next(button for button in buttons if 'name="add_posting"' in button)
    assert "tabindex" not in add and "aria-hidden" not in add
