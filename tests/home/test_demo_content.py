import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import FooterSettings, ProgrammePage

pytestmark = pytest.mark.django_db


def test_demo_loader_is_idempotent(site):
    call_command("load_demo_content", verbosity=0)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    call_command("load_demo_content", verbosity=0)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions


def test_demo_builds_four_action_areas_in_german_and_english(site):
    call_command("load_demo_content", verbosity=0)
    for code in ("de", "en"):
        numbers = ProgrammePage.objects.live().filter(locale__language_code=code).values_list("number", flat=True)
        assert sorted(numbers) == [1, 2, 3, 4]
    footer = FooterSettings.for_site(site)
    assert footer.imprint_page and footer.privacy_page and footer.accessibility_page


def test_demo_restores_an_edited_seed_text(site):
    call_command("load_demo_content", verbosity=0)
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    original = page.summary
    page.summary = "Verändert"
    page.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    page.refresh_from_db()
    assert page.summary == original
