"""The programme page: module filters, next sessions, query count, rendering, page rules."""

import pytest

from trainings.models import TrainingModulePage, TrainingProgrammePage
from trainings.queries import module_listing

from .conftest import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules(make_module):
    return {
        "knowledge": make_module(title="Rechtliche Grundlagen", topic="knowledge_transfer",
                                 format="information", audiences=["employment_administration"],
                                 languages=["de"], city="Leipzig"),
        "intercultural": make_module(title="Interkulturell handeln", topic="intercultural_competence",
                                     format="practice", delivery_mode="hybrid",
                                     audiences=["sme", "chambers_and_companies"], languages=["en"],
                                     sessions=[{"start": in_days(20)[0], "end": in_days(20)[1],
                                                "venue": "Dresden"}]),
        "language": make_module(title="Sprachsensibel beraten", topic="language_awareness",
                                delivery_mode="online", audiences=["counselling_services"],
                                sessions=[in_days(-30)]),
        "integrated": make_module(title="Fach und Sprache", topic="integrated_learning",
                                  audiences=["teachers"], city="Chemnitz"),
    }


def titles(programme, **filters):
    return [module.title for module in module_listing(programme, filters)]


def test_filters_by_topic_format_delivery_audience_language(programme, modules):
    assert titles(programme, topic="language_awareness") == ["Sprachsensibel beraten"]
    assert titles(programme, format="practice") == ["Interkulturell handeln"]
    assert titles(programme, delivery_mode="online") == ["Sprachsensibel beraten"]
    assert titles(programme, audience="sme") == ["Interkulturell handeln"]
    assert titles(programme, language="en") == ["Interkulturell handeln"]
    assert len(titles(programme)) == 4


def test_city_matches_the_module_venue_or_a_session_venue(programme, modules):
    assert titles(programme, city="Leipzig") == ["Rechtliche Grundlagen"]
    assert titles(programme, city="Dresden") == ["Interkulturell handeln"]


def test_only_modules_with_upcoming_sessions(programme, modules):
    listed = titles(programme, upcoming=True)
    assert "Sprachsensibel beraten" not in listed and len(listed) == 3


def test_programme_page_filters_through_the_query_string(client, programme, modules):
    response = client.get("/en/schulungen/?topic=integrated_learning&audience=teachers")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-module="{}"'.format(modules["integrated"].slug) in html
    assert 'data-module="{}"'.format(modules["knowledge"].slug) not in html
    assert "1 module" in html


def test_invalid_filter_values_are_ignored_not_fatal(client, programme, modules):
    response = client.get("/en/schulungen/?topic=nonsense&format=course")
    assert response.status_code == 200


def test_next_sessions_across_modules_soonest_first(client, programme, modules):
    html = client.get("/en/schulungen/").content.decode()
    section = html.split('id="next-sessions-heading"')[1].split("</section>")[0]
    assert section.index("Rechtliche Grundlagen") < section.index("Interkulturell handeln")
    assert "Sprachsensibel beraten" not in section  # only a past session


def test_module_page_shows_facts_sessions_and_registration(client, session):
    html = client.get(session.page.url.replace("/de/", "/en/", 1)
                      if session.page.url.startswith("/en/") else session.page.url).content.decode()
    assert "Sprachsensibel beraten" in html
    assert f"/registration/{session.uid}/participant/" in html
    assert "Dr. Amal Haddad" in html


@pytest.mark.parametrize("count", [3, 12])
def test_listing_query_count_does_not_grow_with_modules(client, programme, make_module, count,
                                                        django_assert_max_num_queries):
    for index in range(count):
        make_module(title=f"Modul {index}", audiences=["sme"], city="Leipzig",
                    sessions=[in_days(10 + index), in_days(40 + index)])
    client.get("/en/schulungen/")  # warm caches (site root, locales)
    # 37 today for 3 and for 12 modules (most are the base layout: menus, footer, languages);
    # a query per module or session would exceed the pin at 12 modules.
    with django_assert_max_num_queries(40):
        response = client.get("/en/schulungen/")
    assert response.status_code == 200


def test_page_type_rules(programme):
    assert TrainingModulePage.parent_page_types == ["trainings.TrainingProgrammePage"]
    assert TrainingModulePage.can_create_at(programme)
    assert not TrainingProgrammePage.can_create_at(programme)  # one per parent
    assert TrainingModulePage.event_type == "training"
