"""The funding notice is the site's (TRAININGS_FUNDING_NOTICE), not a text inside the plugin."""

import pytest

from trainings.models import TrainingProgrammePage


def new_programme(home_page):
    page = TrainingProgrammePage(title="Schulungen", slug="beispielprogramm")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_a_new_programme_carries_the_sites_funding_notice_onto_its_modules(client, settings,
                                                                           home_page, make_module):
    settings.TRAININGS_FUNDING_NOTICE = "Gefördert vom Beispielfonds."
    programme = new_programme(home_page)
    module = make_module(parent=programme)
    html = client.get(module.url).content.decode()
    assert '<p class="funding-notice">Gefördert vom Beispielfonds.</p>' in html


@pytest.mark.django_db
def test_a_site_without_a_funding_notice_shows_none(client, settings, home_page, make_module):
    del settings.TRAININGS_FUNDING_NOTICE
    programme = new_programme(home_page)
    assert programme.funding_notice == ""
    html = client.get(make_module(parent=programme).url).content.decode()
    article = html[html.index("<article"):html.index("</article>")]  # the site's footer may have one
    assert "funding-notice" not in article and "Bundesministerium" not in article
