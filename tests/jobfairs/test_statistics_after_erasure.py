"""A fair's statistics page keeps its trade, language and interpreter figures after the
retention erasure has emptied the registrations' answers: it reads the anonymous facts."""

import datetime

import pytest
from django.urls import reverse

from events.models import Registration
from events.registration import services as registration_services
from events.registration.privacy_ops import erase_expired

from .test_statistics import apply  # noqa: F401  (fixture: the public form)

pytestmark = pytest.mark.django_db


def page_figures(client, occurrence):
    response = client.get(reverse("jobfairs_admin:statistics", args=[occurrence.pk]))
    assert response.status_code == 200
    stats = response.context["stats"]
    html = response.content.decode()
    return ({trade: (f["jobseekers"], f["attended"], f["employers"])
             for trade, f in stats["by_trade"].items()},
            stats["by_language"], stats["interpreter_languages"],
            stats["registered"], stats["attended"], html)


def test_trade_language_and_interpreter_figures_survive_the_retention_erasure(
        client, apply, occurrence, committed, staff):  # noqa: F811
    first = apply(["maurer", "zimmerer"], ["ar", "fa"], german_level="B1",
                  interpreter_language="ar")
    second = apply(["maurer"], ["ar"], interpreter_language="fa")
    third = apply(["fliesenleger"], ["uk"], german_level="none")
    employer = apply(["maurer"], ["de", "en"], kind="employer", company="Bau GmbH",
                     phone="0341 1", address="Hauptstr. 1", open_positions=2,
                     apprenticeships=1, interviews=4)
    committed(registration_services.approve, employer, user=staff)
    for registration in (first, second, third):
        committed(registration_services.confirm, Registration.objects.get(pk=registration.pk))
    committed(registration_services.mark_attended, Registration.objects.get(pk=first.pk))
    client.force_login(staff)

    before = page_figures(client, occurrence)
    trades, languages, interpreters, registered, attended, html = before
    assert trades == {"maurer": (2, 1, 1), "zimmerer": (1, 1, 0), "fliesenleger": (1, 0, 0)}
    assert languages == {"ar": 2, "fa": 1, "uk": 1}
    assert interpreters == {"ar": 1, "fa": 1}
    assert (registered, attended) == (3, 1)

    assert erase_expired(now=occurrence.end + datetime.timedelta(days=400)) == 4
    assert not Registration.objects.exclude(data={}).exists()

    after = page_figures(client, occurrence)
    assert after[:5] == before[:5]
    for trade in ("maurer", "zimmerer", "fliesenleger"):
        assert f"<th scope=\"row\">{trade}</th>" in after[5]
    csv_text = client.get(reverse("jobfairs_admin:statistics", args=[occurrence.pk]),
                          {"export": "csv"}).content.decode()
    assert "ar,2,1" in csv_text and "fa,1,1" in csv_text and "uk,1,0" in csv_text
