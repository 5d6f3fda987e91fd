"""Admin: the permission boundary, listing, bulk actions, export with formulas neutralised."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from events.models import RegistrationState

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/snippets/events/registration/"


@pytest.fixture
def make_user(django_user_model):
    def build(group):
        user = django_user_model.objects.create_user(f"user-{group}", password="pw")
        user.groups.add(Group.objects.get(name=group))
        return user
    return build


@pytest.fixture
def manager_client(client, make_user):
    client.force_login(make_user("Registration managers"))
    return client


def test_editors_see_counts_but_no_personal_data(client, make_user, option, register):
    register(option, name="Secret Person")
    client.force_login(make_user("Editors"))
    assert client.get(LIST_URL).status_code in (302, 403)
    counts = client.get("/admin/registration_options/")
    assert counts.status_code == 200
    html = counts.content.decode()
    assert "Secret Person" not in html and "person" not in html.lower().split("<main")[-1][:0]


def test_managers_see_names_filter_and_search(manager_client, option, register):
    register(option, name="Ada Lovelace", email="ada@example.org")
    register(option, name="Grace Hopper")
    html = manager_client.get(LIST_URL).content.decode()
    assert "Ada Lovelace" in html and "Grace Hopper" in html
    html = manager_client.get(LIST_URL, {"q": "ada@example"}).content.decode()
    assert "Ada Lovelace" in html and "Grace Hopper" not in html
    html = manager_client.get(LIST_URL, {"state": "waitlisted"}).content.decode()
    assert "Ada Lovelace" not in html


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_export_neutralises_formula_prefixes(manager_client, option, register, prefix):
    register(option, name=f"{prefix}HYPERLINK(\"http://evil\")")
    response = manager_client.get(LIST_URL, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))  # German Excel's separator
    assert rows[1][1] == f"'{prefix}HYPERLINK(\"http://evil\")"
    xlsx = manager_client.get(LIST_URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.cell(row=2, column=2).value.startswith("'")


def test_bulk_cancel_with_a_message(manager_client, option, register, django_capture_on_commit_callbacks,
                                    mailoutbox):
    first = register(option, language="en")
    second = register(option, language="en")
    mailoutbox.clear()
    url = f"/admin/bulk/events/registration/cancel/?next={LIST_URL}&id={first.pk}&id={second.pk}"
    assert manager_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, {"message": "The room is flooded."})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.state == RegistrationState.CANCELLED
    assert "The room is flooded." in mailoutbox[0].body


def test_bulk_approve_and_mark_attended(manager_client, make_option, register,
                                        django_capture_on_commit_callbacks):
    option = make_option(requires_approval=True)
    registration = register(option)
    for action, state in [("approve", "approved"), ("mark_attended", "attended")]:
        with django_capture_on_commit_callbacks(execute=True):
            manager_client.post(f"/admin/bulk/events/registration/{action}/?id={registration.pk}")
        registration.refresh_from_db()
        assert registration.state == state


def test_editors_cannot_run_bulk_actions(client, make_user, option, register):
    registration = register(option)
    client.force_login(make_user("Editors"))
    client.post(f"/admin/bulk/events/registration/cancel/?id={registration.pk}")
    registration.refresh_from_db()
    assert registration.state == RegistrationState.PENDING


def test_raising_capacity_in_the_admin_promotes(manager_client, make_option, register,
                                                django_capture_on_commit_callbacks):
    option = make_option(capacity=1)
    register(option)
    waiting = register(option)
    url = f"/admin/registration_options/edit/{option.pk}/"
    form = {"occurrence": option.occurrence_id, "kind": "attendee", "capacity": 2,
            "opens_at": "", "closes_at": "", "waitlist_enabled": "on", "hold_hours": 24}
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.PENDING
