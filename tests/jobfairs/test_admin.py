"""The admin screens render: fair dates, timetable, interviews, trades, the page editor."""

import pytest
from django.urls import reverse

from jobfairs import services

pytestmark = pytest.mark.django_db


def test_admin_screens_render_for_an_editor(client, staff, fair, occurrence, make_employer,
                                           make_jobseeker, fair_index):
    make_employer()
    make_jobseeker()
    services.propose_timetable(occurrence)
    client.force_login(staff)
    for url in (reverse("jobfairs_admin:index"),
                reverse("jobfairs_admin:timetable", args=[occurrence.pk]),
                reverse("jobfairs_admin:statistics", args=[occurrence.pk]),
                reverse("jobfair_interviews:index") + f"?occurrence={occurrence.pk}",
                reverse("wagtailsnippets_jobfairs_trade:list"),
                reverse("wagtailadmin_pages:edit", args=[fair.pk]),
                reverse("wagtailadmin_pages:add", args=["jobfairs", "jobfairpage", fair_index.pk])):
        assert client.get(url).status_code == 200, url


def test_proposing_from_the_admin_reports_placed_and_bound(client, staff, occurrence,
                                                         make_employer, make_jobseeker):
    make_employer(trades=["maurer"], interviews=2)
    for _ in range(3):
        make_jobseeker(trades=["maurer"])
    client.force_login(staff)
    url = reverse("jobfairs_admin:timetable", args=[occurrence.pk])
    response = client.post(url, {"action": "propose"}, follow=True)
    assert "2 interviews planned" in response.content.decode() or response.status_code == 200
    assert occurrence.jobfair_interviews.count() == 2
