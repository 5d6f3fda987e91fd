"""Reading in every language: fallback notice, hreflang alternates, plain language, RTL."""

import pytest

from home.models import ProgrammePage

pytestmark = pytest.mark.django_db


def test_untranslated_page_shows_source_with_notice_and_available_languages(client, demo_content):
    html = client.get("/ar/anerkennungsberatung/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'role="note"' in html
    notice = html.split('role="note"', 1)[1].split("</aside>", 1)[0]
    assert 'hreflang="de"' in notice and 'hreflang="en"' in notice
    assert 'hreflang="ar"' not in notice
    assert "Anerkennungs- und Qualifizierungsberatung" in html  # the German source


def test_translated_page_has_no_notice(client, demo_content):
    html = client.get("/en/anerkennungsberatung/").content.decode()
    assert 'role="note"' not in html


def test_hreflang_alternates_list_every_existing_translation(client, demo_content):
    html = client.get("/de/qualifizierung/").content.decode()
    head = html.split("</head>", 1)[0]
    assert 'rel="alternate" hreflang="de" href="http://testserver/de/qualifizierung/"' in head
    assert 'rel="alternate" hreflang="en" href="http://testserver/en/qualifizierung/"' in head
    assert 'hreflang="fa"' not in head


def test_plain_language_summary_is_shown_first(client, demo_content):
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    page.plain_language_summary = "Sie haben einen Beruf gelernt. Wir helfen bei der Anerkennung."
    page.save_revision().publish()
    html = client.get("/de/qualifizierung/").content.decode()
    main = html.split('id="main"', 1)[1]
    assert main.index("Wir helfen bei der Anerkennung.") < main.index(page.summary)


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_rtl_languages_mirror_the_layout(client, demo_content, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="rtl">' in html
    # One stylesheet: layout uses logical properties only, so rtl needs no second one.
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text()
    for physical in ("margin-left", "margin-right", "padding-left", "padding-right",
                     "text-align: left", "text-align: right", "float: left", "float: right"):
        assert physical not in css, physical


def test_training_module_shows_its_plain_language_summary_first(client, demo_content):
    from trainings.models import TrainingModulePage

    module = TrainingModulePage.objects.filter(locale__language_code="de").first()
    module.plain_language_summary = "In dieser Schulung lernen Sie einfache Wörter."
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    main = html.split('id="main"', 1)[1]
    assert main.index("In dieser Schulung lernen Sie einfache Wörter.") < main.index(module.summary)


def test_trade_occupation_name_and_slug_stay_german_in_translations(demo_content):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    from jobfairs.models import Trade

    trade = Trade.objects.filter(locale__language_code="de").first()
    arabic = Locale.objects.get(language_code="ar")
    TranslationCreator(None, [arabic]).create_translations(trade)
    translation = Translation.objects.get(source__object_id=trade.translation_key, target_locale=arabic)
    msgids = {entry.msgid for entry in translation.export_po()}
    assert trade.name in msgids
    assert trade.german_name not in msgids or trade.german_name == trade.name
    assert trade.slug not in msgids
