"""The message catalogues: complete for German and English, public strings in every language.

- de and en: every string of a template (site-wide and plugin templates, e-mails included) is
  translated and not fuzzy, both as the catalogue records it and as the templates say today,
  so a template string added without `makemessages` and a translation fails here.
- ar, fa, uk, ru: every string a visitor meets (templates, forms, e-mails, error messages of
  services, views and the API, navigation) is translated; admin-only labels may stay English.
- Every catalogue compiles (`msgfmt --check`), keeps the placeholders of its msgid and has the
  plural forms of its language.
- Rendered pages and e-mails show the interface in the language of their URL.
"""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import polib
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation.template import templatize

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
COMPLETE = ["de", "en"]
PUBLIC_ONLY = ["ar", "fa", "uk", "ru"]
NPLURALS = {"de": 2, "en": 2, "ar": 6, "fa": 2, "uk": 3, "ru": 3}
# Plugins still being built; their strings get their own translation pass. Remove an app from
# this set once its strings are in the catalogues, and the checks below cover it too.
PENDING_APPS = set()
SKIP_DIRS = {".venv", "node_modules", "staticfiles", "tests", "bench", ".git"} | PENDING_APPS
TEMPLATE_SUFFIXES = (".html", ".txt")
# Modules whose messages reach visitors: forms, e-mails, error messages, filters, feeds.
PUBLIC_MODULES = re.compile(
    r"(forms|filters|feeds|ical|services|views|api|emails|kinds|summary|exports|calendar"
    r"|middleware|onetime|answers)\.py$"
    r"|/templatetags/|/headless/|settings/base\.py$"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


# Each plugin keeps its own catalogue (it is installed with the app); the site's covers only
# cms/, home/ and templates/.
PLUGINS = ["events", "trainings", "jobfairs", "directory"]
LOCALE_DIRS = [LOCALE_DIR] + [BASE_DIR / app / "locale" for app in PLUGINS]


def catalogue_paths(language):
    return [directory / language / "LC_MESSAGES" / "django.po" for directory in LOCALE_DIRS]


def catalogue(language):
    """Every catalogue of a language as one (the site's first, as Django looks them up)."""
    combined = polib.POFile()
    for number, path in enumerate(catalogue_paths(language)):
        po = polib.pofile(str(path))
        if number == 0:
            combined.metadata = po.metadata
            combined.metadata_is_fuzzy = po.metadata_is_fuzzy
        combined.extend(po)
    return combined


def is_template(path):
    return path.endswith(TEMPLATE_SUFFIXES) and "/templates/" in f"/{path}"


def is_public(entry):
    return any(is_template(path) or PUBLIC_MODULES.search(path) for path, _line in entry.occurrences)


def untranslated(entries):
    return [entry.msgid for entry in entries if not entry.translated()]


def template_files():
    for path in sorted(BASE_DIR.rglob("*")):
        relative = path.relative_to(BASE_DIR)
        if set(relative.parts) & SKIP_DIRS or "templates" not in relative.parts:
            continue
        if path.suffix in TEMPLATE_SUFFIXES and path.is_file():
            yield relative


GETTEXT_CALL = re.compile(r"\b(gettext|ngettext|pgettext|npgettext)\(((?:\s*u'(?:[^'\\]|\\.)*'\s*,?)+)")
LITERAL = re.compile(r"u('(?:[^'\\]|\\.)*')")


def template_messages(relative):
    """(context, msgid) pairs of one template, read the way makemessages reads them."""
    source = (BASE_DIR / relative).read_text(encoding="utf-8")
    for function, arguments in GETTEXT_CALL.findall(templatize(source, origin=str(relative))):
        literals = [ast.literal_eval(literal) for literal in LITERAL.findall(arguments)]
        if function.startswith(("pgettext", "npgettext")):
            yield literals[0], literals[1]
        else:
            yield None, literals[0]


# Complete catalogues: de and en -----------------------------------------------------------

@pytest.mark.parametrize("language", COMPLETE)
def test_every_template_entry_is_translated_and_not_fuzzy(language):
    po = catalogue(language)
    template_entries = [entry for entry in po
                        if any(is_template(path) for path, _line in entry.occurrences)]
    assert len(template_entries) > 150  # the catalogue really was made from the templates
    assert untranslated(template_entries) == []
    assert [entry.msgid for entry in template_entries if entry.fuzzy] == []


@pytest.mark.parametrize("language", COMPLETE)
def test_whole_catalogue_is_translated(language):
    """Forms, e-mails, errors and the plugins' admin labels too."""
    po = catalogue(language)
    assert untranslated(po) == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", COMPLETE)
def test_every_string_in_the_templates_is_in_the_catalogue(language):
    """Catches a template string added or changed without makemessages and a translation."""
    translated = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)
                  if entry.translated() and not entry.fuzzy}
    files = list(template_files())
    assert len(files) > 30
    missing = sorted(
        f"{relative}: {msgid!r}"
        for relative in files
        for context, msgid in template_messages(relative)
        if (context, msgid) not in translated
    )
    assert missing == []


# Public strings: ar, fa, uk, ru ------------------------------------------------------------

@pytest.mark.parametrize("language", PUBLIC_ONLY)
def test_every_public_entry_is_translated(language):
    po = catalogue(language)
    public = [entry for entry in po if is_public(entry)]
    assert len(public) > 250
    assert untranslated(public) == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


# Every catalogue ---------------------------------------------------------------------------

@pytest.mark.parametrize("app", PLUGINS)
@pytest.mark.parametrize("language", COMPLETE + PUBLIC_ONLY)
def test_each_plugin_brings_its_own_catalogue(app, language):
    """A plugin installed into another site speaks every language without this site's files;
    the site's catalogue holds no plugin string."""
    po = polib.pofile(str(BASE_DIR / app / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    assert all(path.split("/")[0] not in ("cms", "home") for entry in po for path, _ in entry.occurrences)
    site = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert [path for entry in site for path, _line in entry.occurrences
            if path.split("/")[0] in PLUGINS] == []


@pytest.mark.parametrize("index", range(1 + len(PLUGINS)))
@pytest.mark.parametrize("language", COMPLETE + PUBLIC_ONLY)
def test_catalogue_compiles(language, index, tmp_path):
    path = catalogue_paths(language)[index]
    if shutil.which("msgfmt"):
        result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    else:
        catalogue(language).save_as_mofile(str(tmp_path / "django.mo"))
    with open(tmp_path / "django.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    assert translations.info()["language"] == language


@pytest.mark.parametrize("language", COMPLETE + PUBLIC_ONLY)
def test_header_and_plural_forms(language):
    for path in catalogue_paths(language):
        header = polib.pofile(str(path))
        assert not header.metadata_is_fuzzy, path
        assert header.metadata["Language"] == language, path
        assert f"nplurals={NPLURALS[language]};" in header.metadata["Plural-Forms"].replace(" ", "")
    po = catalogue(language)
    for entry in po:
        if entry.msgid_plural and entry.translated():
            assert sorted(entry.msgstr_plural) == list(range(NPLURALS[language])), entry.msgid


@pytest.mark.parametrize("language", COMPLETE + PUBLIC_ONLY)
def test_translations_keep_placeholders_and_tags(language):
    problems = []
    for entry in catalogue(language).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        tags = sorted(re.findall(r"</?\w+", entry.msgid))
        if entry.msgid_plural:
            allowed = set(expected) | set(PLACEHOLDER.findall(entry.msgid_plural))
            forms = entry.msgstr_plural.values()
            problems += [(entry.msgid, form) for form in forms
                         if not set(PLACEHOLDER.findall(form)) <= allowed]
        else:
            if sorted(PLACEHOLDER.findall(entry.msgstr)) != expected:
                problems.append((entry.msgid, entry.msgstr))
            if sorted(re.findall(r"</?\w+", entry.msgstr)) != tags:
                problems.append((entry.msgid, entry.msgstr))
    assert problems == []


# What visitors see --------------------------------------------------------------------------

@pytest.fixture
def event_listing(home_page):
    from events.models import EventIndexPage

    index = EventIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        home_page.add_child(instance=index)
        index.save_revision().publish()
    return index


@pytest.mark.django_db
def test_german_event_listing_shows_german_interface(client, event_listing):
    html = client.get(event_listing.url).content.decode()
    assert event_listing.url.startswith("/de/")
    for text in ("Kommende Termine", "Vergangene Termine", "Veranstaltungen filtern",
                 "Veranstaltungen anzeigen", "Filter zurücksetzen", "Kalender abonnieren",
                 "Zum Inhalt springen", "Hauptnavigation"):
        assert text in html, text
    for text in ("Upcoming dates", "Filter events", "Subscribe to the calendar", "Skip to content"):
        assert text not in html, text


@pytest.mark.django_db
@pytest.mark.parametrize("language, text", [
    ("de", "Seite nicht gefunden"),
    ("en", "Page not found"),
    ("ar", "الصفحة غير موجودة"),
    ("fa", "صفحه پیدا نشد"),
    ("uk", "Сторінку не знайдено"),
    ("ru", "Страница не найдена"),
])
def test_not_found_page_speaks_the_language_of_its_url(client, home_page, language, text):
    response = client.get(f"/{language}/gibt-es-nicht/")
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize("language, greeting, body", [
    ("de", "Guten Tag Ada,", "Sie stehen auf der Warteliste"),
    ("en", "Hello Ada,", "You are on the waiting list"),
    ("ru", "Здравствуйте, Ada!", "Вы в листе ожидания"),
    ("ar", "مرحبًا Ada،", "أنت في قائمة الانتظار"),
])
def test_waiting_list_mail_is_translated(language, greeting, body):
    context = {
        "registration": SimpleNamespace(name="Ada", reference="0123456789abcdef", state="waitlisted"),
        "page": SimpleNamespace(title="Regionalworkshop", venue=None, locale_id=None),
        "occurrence": SimpleNamespace(start=None, end=None, venue=None, online_url=""),
        "option": SimpleNamespace(kind_label="Teilnehmer*in", hold_hours=48),
        "cancel_url": "https://example.org/cancel",
        "page_url": "https://example.org/event",
    }
    with translation.override(language):
        text = render_to_string("events/registration/email/waitlisted.txt", context)
    assert greeting in text
    assert body in text
