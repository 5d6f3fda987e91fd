"""The demo site as visitors walk it: language switcher, navigation, titles and languages.

The demo is loaded once per class (Django's `setUpTestData`), since loading takes seconds."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from tests.html_a11y import form_problems
from tests.html_links import internal_path, links


class DemoSiteTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=StringIO())

    def get_ok(self, path):
        response = self.client.get(path, follow=True)
        self.assertEqual(response.status_code, 200, f"{path} answered {response.status_code}")
        return response


class TestLanguageSwitcher(DemoSiteTestCase):
    def test_every_switcher_link_of_every_live_page_resolves(self):
        checked = set()
        pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
        self.assertGreater(pages.count(), 50)
        for page in pages:
            page_path = page.get_url()
            html = self.get_ok(page_path).content.decode()
            switcher = links(html, within_class="language-switcher")
            self.assertEqual(len(switcher), 6, page_path)
            for href in switcher:
                path = internal_path(page_path, href)
                if path in checked:
                    continue
                checked.add(path)
                response = self.client.get(path, follow=True)
                self.assertEqual(response.status_code, 200, f"switcher on {page_path} links to {path}")

    def test_english_page_without_arabic_translation_links_to_the_page_served_in_arabic(self):
        html = self.get_ok("/en/events/").content.decode()
        switcher = links(html, within_class="language-switcher")
        # No Arabic translation: Wagtail serves the German source page under /ar/.
        self.assertIn("/ar/veranstaltungen/", switcher)
        self.assertIn("/de/veranstaltungen/", switcher)
        arabic = self.get_ok("/ar/veranstaltungen/")
        self.assertEqual(arabic.context["page"].translation_key, Page.objects.get(url_path="/home-en/events/").translation_key)
        self.assertRegex(arabic.content.decode(), re.compile(r'<aside class="notice" role="note" lang="ar"'))


REGISTRATION_FORM = re.compile(r"^/(de|en)/registration/[0-9a-f-]{36}/([a-z_-]+)/$")


class TestFormsAnnounceHelpAndErrors(DemoSiteTestCase):
    """Every public form, shown empty and sent empty (so each field shows its error)."""

    def form_paths(self):
        paths = {}
        for page in Page.objects.live().public().filter(depth__gt=1, locale__language_code__in=["de", "en"]):
            page_path = page.get_url()
            for href in links(self.get_ok(page_path).content.decode()):
                path = internal_path(page_path, href)
                match = REGISTRATION_FORM.match(path or "")
                if match:
                    paths.setdefault(match.groups(), path)
                elif path and path.endswith("/anfrage/"):
                    paths.setdefault(("inhouse", path.split("/")[1]), path)
        return sorted(paths.values())

    def assert_announced(self, path, response):
        problems = form_problems(response.content.decode())
        self.assertEqual(problems, [], path)

    def test_public_forms_tie_help_and_errors_to_their_fields(self):
        paths = self.form_paths()
        kinds = {path.rstrip("/").rsplit("/", 1)[-1] for path in paths}
        self.assertTrue({"participant", "employer", "jobseeker", "anfrage"} <= kinds, kinds)
        for path in paths:
            self.assert_announced(path, self.get_ok(path))
            response = self.client.post(path, {})
            html = response.content.decode()
            self.assertIn('class="errorlist"', html, path)
            self.assertIn('aria-invalid="true"', html, path)
            self.assert_announced(path, response)

    def test_employer_trades_are_a_group_with_a_legend(self):
        path = next(path for path in self.form_paths() if path.endswith("/employer/"))
        html = self.client.post(path, {}).content.decode()
        self.assertRegex(html, r'<fieldset class="field field-group has-error" aria-describedby="[^"]*_error"')
        self.assertIn("<legend>", html)

    def test_filter_forms_with_invalid_values_announce_their_errors(self):
        for path in ["/en/events/?category=nonsense&city=%3Cx%3E",
                     "/en/interkulturelle-kompetenz/trainings/?topic=nonsense&upcoming=on"]:
            response = self.get_ok(path)
            self.assertIn('class="errorlist"', response.content.decode(), path)
            self.assert_announced(path, response)


GERMAN_ON_ENGLISH_PAGES = re.compile(
    r"\b(Stunden|Uhr|Tag \(|Januar|Februar|März|Juni|Juli|Oktober|Dezember|Begrüßung|Abschluss|"
    r"Straßenbahn|Seiteneingang|Arabisch|Englisch|Förderprogramm|Beispiel:|Beispiel-Trainerin|"
    r"Lehrkabinett|Werkstatt|Jobmesse)\b")
ENGLISH_MONTH_AFTER_GERMAN_DAY = re.compile(r"\b\d{1,2}\. (January|February|March|April|May|June|July|"
                                            r"August|September|October|November|December)\b")


def visible_main_text(html):
    main = html[html.index("<main"):html.index("</main>")]
    main = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", main)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


class TestLanguageAndContent(DemoSiteTestCase):
    def test_english_pages_and_their_forms_show_no_german(self):
        paths = [page.get_url() for page in Page.objects.live().public().filter(locale__language_code="en")]
        for page_path in list(paths):
            html = self.get_ok(page_path).content.decode()
            paths += [href for href in links(html) if href.startswith("/en/registration/")][:2]
        for path in paths:
            text = visible_main_text(self.get_ok(path).content.decode())
            self.assertIsNone(GERMAN_ON_ENGLISH_PAGES.search(text), f"{path}: {text[:3000]}")
            self.assertIsNone(ENGLISH_MONTH_AFTER_GERMAN_DAY.search(text), path)

    def test_ukrainian_dates_name_the_month_in_the_genitive(self):
        text = visible_main_text(self.get_ok("/uk/veranstaltungen/").content.decode())
        self.assertRegex(text, r"\b\d{1,2} (січня|лютого|березня|квітня|травня|червня|липня|серпня|"
                               r"вересня|жовтня|листопада|грудня) \d{4}")
        self.assertNotRegex(text, r"\b\d{1,2}\.? (січень|лютий|березень|квітень|травень|червень)\b")

    def test_home_page_title_names_the_site_once(self):
        self.assertContains(self.get_ok("/de/"), "<title>IQ Netzwerk Sachsen</title>")
        self.assertContains(self.get_ok("/de/veranstaltungen/"), "<title>Veranstaltungen – IQ Netzwerk Sachsen</title>")

    def test_directory_is_in_the_main_navigation_in_every_language(self):
        for code in ["de", "en", "ar", "fa", "uk", "ru"]:
            html = self.get_ok(f"/{code}/").content.decode()
            nav = [internal_path(f"/{code}/", href) for href in links(html, within_class="main-nav")]
            self.assertIn(f"/{code}/beratungsstellen/", nav, code)
            self.get_ok(f"/{code}/beratungsstellen/")

    def test_the_applicant_day_has_one_page_per_language(self):
        pages = Page.objects.live().filter(locale__language_code="de", title__icontains="Bewerbertag Bau")
        self.assertEqual([page.url_path for page in pages], ["/home/jobmessen/bewerbertag-bau-2016/"])
