"""The demo site as visitors walk it: language switcher, navigation, titles and languages.

The demo is loaded once per class (Django's `setUpTestData`), since loading takes seconds."""

import re

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from tests.html_links import internal_path, links


class DemoSiteTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)

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
