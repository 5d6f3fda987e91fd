"""The group form's "Add participant" button without JavaScript: it answers 200 with one row
more, is not counted against the sign-up rate limit and leaves the one-time token unused."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from events.models import Registration

from .test_groups import ROW, group_data, group_url, people

pytestmark = pytest.mark.django_db


@override_settings(REGISTRATION_RATE_LIMIT="10/m")
def test_eleven_add_participant_clicks_answer_200_and_the_group_still_registers(
        client, option, django_capture_on_commit_callbacks):
    cache.clear()
    url = group_url(option, "en")
    data = group_data(client, url, people(2))
    for clicks in range(1, 12):
        response = client.post(url, {**data, "add_participant": "1",
                                     "participants-TOTAL_FORMS": str(2 + clicks - 1)})
        assert response.status_code == 200, clicks
        html = response.content.decode()
        assert len(ROW.findall(html)) == 2 + clicks
        assert 'value="person2@verein.example"' in html and 'value="Erika Kontakt"' in html
        assert "form-errors" not in html
    assert not Registration.objects.exists()
    data["participants-TOTAL_FORMS"] = str(2 + 11)  # the empty rows are ignored
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert Registration.objects.count() == 2


def test_register_the_group_is_the_forms_default_button(client, option):
    html = client.get(group_url(option, "en")).content.decode()
    form = html[html.index("data-group-form"):]
    first = form[form.index("<button"):].split(">", 1)[0]
    assert 'name="register_group"' in first and 'tabindex="-1"' in first
    assert 'aria-hidden="true"' in first
