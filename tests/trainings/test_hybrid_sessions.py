"""A hybrid training session gets its places on site and online as separate options; an online
session shows "Online" instead of the module's venue."""

import pytest

from events.models import RegistrationOption

from .conftest import in_days

pytestmark = pytest.mark.django_db


def test_publishing_a_hybrid_session_creates_places_per_part(make_module):
    start, end = in_days(14)
    module = make_module(title="Hybrid beraten", max_group_size=6, city="Leipzig", sessions=[
        {"start": start, "end": end, "mode": "hybrid", "online_url": "https://meet.example.org/x"},
        (start, end)])
    hybrid, on_site = module.occurrences.order_by("sort_order")
    assert sorted(RegistrationOption.objects.filter(occurrence=hybrid)
                  .values_list("part", "capacity")) == [("online", 6), ("onsite", 6)]
    assert list(RegistrationOption.objects.filter(occurrence=on_site)
                .values_list("part", flat=True)) == [""]


def test_an_online_session_says_online_instead_of_the_venue(client, make_module):
    start, end = in_days(14)
    module = make_module(title="Online beraten", city="Leipzig", sessions=[
        {"start": start, "end": end, "mode": "online",
         "online_url": "https://meet.example.org/geheim-77"}])
    html = client.get(module.url).content.decode()
    assert '<p class="venue">Online</p>' in html
    assert "geheim-77" not in html
