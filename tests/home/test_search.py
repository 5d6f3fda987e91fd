"""The site search (home/search.py) through the client, on the demo content: what it finds in
each language, the type filter, pagination, hostile input, and what it must never show.

The demo is loaded once for the class (Django's `setUpTestData`); runs on SQLite (FTS5) and
on PostgreSQL (full-text search, DATABASE_URL) alike."""

import re
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from home.search import build_query

RESULT_TITLE = re.compile(r'<h3[^>]*><a href="([^"]+)">(.*?)</a></h3>')
RESULT_TYPE = re.compile(r'<span class="tag">(.*?)</span>')

HOSTILE = [
    '"', '""', '"""', '"unbalanced', 'foo"bar', "'", "O'Brien", "AND", "OR", "NOT", "NEAR",
    "a AND b OR NOT c", "*", "**", "Lei*", "-", "--", "-Leipzig", "+Leipzig", "Leipzig -Dresden",
    "(", ")", "()", "(Leipzig", "title:Leipzig", "live:false", ":", "^", "~", "\\", "%", "_",
    "%_%", "{", "}", "[", "]", "|", "&", "!", "<", ">", "<script>alert(1)</script>",
    "'; DROP TABLE wagtailcore_page; --", "x" * 5000, "Leipzig " * 700, "مرحبا بكم في لايبزيغ",
    "الاعتراف", "Привет", "Лейпциг", "فارسی", "😀", "😀 Leipzig 🇩🇪", "Straße", "Ärzte",
    "\t Leipzig \n", "\u200f", "\u202e", "\u200c", "NULL", "1=1", "Leipzig" + "\u0301" * 50,
]


class SearchTestCase(TestCase):
    """Loads the demo once; the behaviours below are mixed into one test class for that."""
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=StringIO())

    def search(self, language, **params):
        response = self.client.get(f"/{language}/search/", params)
        self.assertEqual(response.status_code, 200, params)
        return response

    def results(self, language, **params):
        html = self.search(language, **params).content.decode()
        return RESULT_TITLE.findall(html)

    def german_page(self, title, **fields):
        home = Page.objects.get(depth=2, locale__language_code="de")
        page = StandardPage(title=title, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page


class Finds:
    def test_finds_a_training_module_by_a_word_of_its_contents_in_each_language(self):
        german = self.results("de", q="Scaffolding")
        english = self.results("en", q="scaffolding")
        arabic = self.results("ar", q="Scaffolding")
        self.assertEqual([title for _url, title in german],
                         ["Integriertes Fach- und Sprachlernen im Unterricht"])
        self.assertEqual([title for _url, title in english],
                         ["Integrated subject and language learning in class"])
        self.assertTrue(german[0][0].startswith("/de/") and english[0][0].startswith("/en/"))
        # No Arabic pages: the German source is what /ar/ serves, under the /ar/ prefix.
        self.assertEqual(arabic, [(german[0][0].replace("/de/", "/ar/", 1), german[0][1])])
        self.assertEqual(self.client.get(arabic[0][0]).status_code, 200)

    def test_an_untranslated_result_is_marked_with_its_language(self):
        html = self.search("ar", q="Scaffolding").content.decode()
        self.assertIn('<h3 lang="de" dir="ltr">', html)
        self.assertIn('<html lang="ar" dir="rtl">', html)

    def test_finds_an_event_with_its_type_and_next_date(self):
        html = self.search("de", q="Ehrenamtliche").content.decode()
        titles = [title for _url, title in RESULT_TITLE.findall(html)]
        self.assertIn("Beispiel: Infotag für Ehrenamtliche", titles)
        self.assertIn('<span class="tag">Veranstaltung</span>', html)
        self.assertRegex(html, r'class="search-result__date">[^<]+<time datetime="\d{4}-\d\d-\d\dT')
        english = self.search("en", q="volunteers").content.decode()
        self.assertIn('<span class="tag">Event</span>', english)
        self.assertRegex(english, r'Next date: <time datetime="\d{4}-\d\d-\d\dT')

    def test_finds_centres_by_their_service_offer(self):
        titles = [title for _url, title in self.results("de", q="Anlaufstelle")]
        self.assertEqual(sorted(titles), ["Fachinformationszentrum Zuwanderung Chemnitz",
                                          "Fachinformationszentrum Zuwanderung Dresden",
                                          "Fachinformationszentrum Zuwanderung Leipzig"])

    def test_the_count_is_in_the_results_heading_and_the_title(self):
        html = self.search("en", q="Saxony").content.decode()
        count = int(re.search(r'<h2 id="search-results-heading">(\d+) results for “Saxony”</h2>',
                              html).group(1))
        self.assertGreater(count, len(RESULT_TITLE.findall(html)))  # more than one page
        self.assertIn("<title>Search results for “Saxony”", html)
        one = self.search("en", q="scaffolding").content.decode()
        self.assertIn('<h2 id="search-results-heading">1 result for “scaffolding”</h2>', one)

    def test_all_words_must_occur_and_quotes_search_a_phrase(self):
        both = [title for _url, title in self.results("de", q="Anlaufstelle Leipzig")]
        self.assertEqual(both, ["Fachinformationszentrum Zuwanderung Leipzig"])
        phrase = [title for _url, title in self.results("de", q='"Zuwanderung Leipzig"')]
        self.assertEqual(phrase, ["Fachinformationszentrum Zuwanderung Leipzig"])
        self.assertEqual(self.results("de", q='"Leipzig Zuwanderung"'), [])


class FindsByDetails:
    """Words that are not in a page's own text but in what it links to or its details."""

    def titles(self, text):
        return sorted(title for _url, title in self.results("de", q=text))

    def test_an_event_is_found_by_its_venue_and_kind(self):
        self.assertIn("Beispiel: Regionalworkshop Schnittstellenmanagement Chemnitz",
                      self.titles("Tagungsraum"))
        self.assertEqual(self.titles("Netzwerktreffen"), ["Regionalnetzwerk Migration Leipzig"])

    def test_a_module_is_found_by_its_methods_and_prerequisites(self):
        self.assertEqual(self.titles("Rollenspiele"),
                         ["Interkulturelle Handlungs- und Kommunikationskompetenz"])
        self.assertEqual(self.titles("Unterrichtsmaterialien"),
                         ["Integriertes Fach- und Sprachlernen im Unterricht"])

    def test_a_job_fair_is_found_by_its_trades(self):
        self.assertEqual(self.titles("Zimmerer"), ["Beispiel: Jobmesse Handwerk und Bau Leipzig",
                                                   "Bewerbertag Bau 2016"])

    def test_a_centre_is_found_by_postcode_and_counselling_language(self):
        self.assertEqual(self.titles("01067"), ["Beratung Faire Integration Dresden",
                                                "Fachinformationszentrum Zuwanderung Dresden",
                                                "IBAS Dresden"])
        self.assertEqual(self.titles("Persisch"), ["Beratung Faire Integration Chemnitz",
                                                   "Beratung Faire Integration Dresden",
                                                   "Beratung Faire Integration Leipzig"])


class TypeFilter:
    def test_each_type_shows_only_its_pages(self):
        everything = self.results("de", q="Leipzig")
        centres = self.results("de", q="Leipzig", type="centres")
        events = self.results("de", q="Leipzig", type="events")
        pages = self.results("de", q="Leipzig", type="pages")
        self.assertTrue(centres and events and pages)
        self.assertTrue(all("/beratungsstellen/" in url for url, _title in centres))
        self.assertTrue(all("/veranstaltungen/" in url or "/jobmessen/" in url
                            for url, _title in events))
        self.assertFalse(any("/beratungsstellen/" in url or "/veranstaltungen/" in url
                             for url, _title in pages))
        self.assertEqual(len(everything), min(10, len(centres) + len(events) + len(pages)))
        trainings = self.results("de", q="Scaffolding", type="trainings")
        self.assertEqual(len(trainings), 1)
        self.assertEqual(self.results("de", q="Scaffolding", type="centres"), [])

    def test_the_chosen_type_is_checked_and_an_unknown_type_means_all(self):
        html = self.search("de", q="Leipzig", type="centres").content.decode()
        self.assertRegex(html, r'id="search-type-centres" value="centres" checked')
        self.assertEqual(self.results("de", q="Leipzig", type="bogus"),
                         self.results("de", q="Leipzig"))

    def test_the_filter_is_a_labelled_fieldset_of_radio_buttons(self):
        html = self.search("de").content.decode()
        self.assertIn('<fieldset class="kern-fieldset search-types">', html)
        self.assertIn('<legend class="kern-label">', html)
        for value in ("all", "pages", "events", "trainings", "centres"):
            self.assertIn(f'<label class="kern-label" for="search-type-{value}">', html)


class Pagination:
    @mock.patch("home.search.RESULTS_PER_PAGE", 2)
    def test_pages_keep_the_query_and_type_and_cover_every_result(self):
        first = self.search("de", q="Leipzig").content.decode()
        total = int(re.search(r'<h2 id="search-results-heading">(\d+) ', first).group(1))
        self.assertGreater(total, 4)
        self.assertIn('href="?q=Leipzig&amp;page=2" rel="next"', first)
        seen = []
        for number in range(1, (total + 1) // 2 + 1):
            seen += self.results("de", q="Leipzig", page=str(number))
        self.assertEqual(len(seen), total)
        self.assertEqual(len(set(seen)), total)
        filtered = self.search("de", q="Leipzig", type="centres").content.decode()
        self.assertIn('href="?q=Leipzig&amp;type=centres&amp;page=2"', filtered)

    @mock.patch("home.search.RESULTS_PER_PAGE", 2)
    def test_garbage_page_numbers_show_a_page(self):
        first = self.results("de", q="Leipzig")
        for number in ("abc", "", "0", "-1", "1.5", "9" * 5000, "%00", "1e3", "99999"):
            self.assertTrue(self.results("de", q="Leipzig", page=number), number)
        self.assertEqual(self.results("de", q="Leipzig", page="abc"), first)

    def test_the_query_count_does_not_grow_with_the_results(self):
        with CaptureQueriesContext(connection) as few:
            self.search("de", q="Anlaufstelle")
        with CaptureQueriesContext(connection) as many:
            self.search("de", q="Leipzig")
        # 3 results of one page type against 10 of up to 7 types: one query per page type
        # among the results (their specific fields), none per result.
        self.assertLessEqual(len(many), len(few) + 7)
        self.assertLess(len(many), 60)


class HostileInput:
    def test_no_input_breaks_the_search(self):
        for language in ("de", "ar"):
            for text in HOSTILE:
                for result_type in ("all", "pages", "centres"):
                    response = self.client.get(f"/{language}/search/",
                                               {"q": text, "type": result_type})
                    self.assertEqual(response.status_code, 200, repr(text[:40]))

    def test_operators_are_words_not_syntax(self):
        # "Leipzig -Dresden" finds what "Leipzig Dresden" finds: nothing is excluded.
        self.assertEqual(self.results("de", q="Leipzig -Dresden"),
                         self.results("de", q="Leipzig Dresden"))
        self.assertEqual(self.results("de", q="Leipzig*"), self.results("de", q="Leipzig"))
        self.assertEqual(self.results("de", q="(Leipzig)"), self.results("de", q="Leipzig"))
        self.assertEqual(self.results("de", q="title:Anlaufstelle"), [])

    def test_long_queries_are_cut_and_shown_escaped(self):
        html = self.search("de", q="<b>x</b>" + "y" * 5000).content.decode()
        self.assertNotIn("<b>x</b>", html)
        self.assertIn("&lt;b&gt;x&lt;/b&gt;", html)
        value = re.search(r'id="search-page-q" name="q" value="([^"]*)"', html).group(1)
        self.assertLessEqual(len(value.replace("&lt;", "<").replace("&gt;", ">")), 200)

    def test_queries_without_words_say_that_nothing_was_found(self):
        for text in ('"', "*", "😀", "-", "()"):
            html = self.search("en", q=text).content.decode()
            self.assertIn("Nothing was found", html, text)
            self.assertIn("0 results for", html)

    def test_control_characters_are_refused_with_a_message(self):
        response = self.client.get("/de/search/", {"q": "Leipzig\x00"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("unzulässige Zeichen", response.content.decode())

    def test_build_query_keeps_only_words(self):
        self.assertIsNone(build_query('"*" -- () :'))
        self.assertIsNotNone(build_query("مرحبا"))
        self.assertIsNotNone(build_query("Привет"))


class EmptyAndNoResults:
    def test_an_empty_query_explains_the_search(self):
        for params in ({}, {"q": ""}, {"q": "   "}):
            html = self.search("en", **params).content.decode()
            self.assertIn("What you can find here", html)
            self.assertNotIn("search-results-heading", html)

    def test_no_results_says_so(self):
        html = self.search("en", q="Quetzalcoatl").content.decode()
        self.assertIn("0 results for “Quetzalcoatl”", html)
        self.assertIn("Nothing was found", html)

    def test_the_search_page_is_not_indexed_by_search_engines(self):
        html = self.search("de", q="Leipzig").content.decode()
        self.assertIn('<meta name="robots" content="noindex, follow">', html)


class NeverShown:
    def test_a_published_page_is_found_at_once(self):
        self.german_page("Ein Quetzalcoatl-Bericht")
        self.assertEqual([title for _url, title in self.results("de", q="Quetzalcoatl")],
                         ["Ein Quetzalcoatl-Bericht"])

    def test_unpublished_private_and_restricted_pages_never_appear(self):
        visible = self.german_page("Quetzalcoatl öffentlich")
        draft = self.german_page("Quetzalcoatl Entwurf")
        draft.unpublish()
        private = self.german_page("Quetzalcoatl privat")
        PageViewRestriction.objects.create(page=private, restriction_type="password",
                                           password="geheim")  # noqa: S106
        child = StandardPage(title="Quetzalcoatl unter privat")
        private.add_child(instance=child)
        child.save_revision().publish()
        login_only = self.german_page("Quetzalcoatl nur angemeldet")
        PageViewRestriction.objects.create(page=login_only, restriction_type="login")
        titles = [title for _url, title in self.results("de", q="Quetzalcoatl")]
        self.assertEqual(titles, [visible.title])

    def test_a_draft_change_is_not_searchable_before_it_is_published(self):
        page = self.german_page("Quetzalcoatl Ursprung")
        page.title = "Xiuhcoatl Entwurfstitel"
        page.save_revision()  # not published
        self.assertEqual(self.results("de", q="Xiuhcoatl"), [])
        self.assertEqual(len(self.results("de", q="Quetzalcoatl")), 1)

    def test_results_are_in_the_visitors_language_only(self):
        german = {url for url, _title in self.results("de", q="Leipzig")}
        english = {url for url, _title in self.results("en", q="Leipzig")}
        self.assertTrue(german and english)
        self.assertTrue(all(url.startswith("/de/") for url in german))
        self.assertTrue(all(url.startswith("/en/") for url in english))

    def test_different_queries_are_never_answered_from_one_cached_page(self):
        first = self.search("de", q="Anlaufstelle")
        second = self.search("de", q="Scaffolding")
        self.assertNotEqual(RESULT_TITLE.findall(first.content.decode()),
                            RESULT_TITLE.findall(second.content.decode()))
        self.assertEqual(first["Cache-Control"], "no-cache")
        self.assertNotIn("X-Cache", second)
        self.german_page("Quetzalcoatl neu")
        self.assertEqual(len(self.results("de", q="Quetzalcoatl")), 1)


class HeaderForm:
    def test_every_page_type_has_the_search_form_in_its_header(self):
        seen = set()
        for page in Page.objects.live().public().filter(depth__gt=1).specific():
            kind = (type(page).__name__, page.locale.language_code)
            if kind in seen:
                continue
            seen.add(kind)
            language = page.locale.language_code
            response = self.client.get(page.get_url(), follow=True)
            self.assertEqual(response.status_code, 200, page.url)
            header = response.content.decode().split("</header>")[0]
            self.assertRegex(header, rf'<form class="site-search" role="search" method="get" '
                                     rf'action="/{language}/search/" aria-label="[^"]+">', kind)
            self.assertIn('<label class="visually-hidden" for="site-search-q">', header)
        self.assertGreaterEqual(len(seen), 20)
        for path in ("/ar/", "/de/search/?q=Leipzig", "/de/gibt-es-nicht/"):
            html = self.client.get(path).content.decode()
            self.assertIn('class="site-search" role="search"', html, path)

    def test_the_header_form_searches_in_the_pages_language(self):
        html = self.client.get("/ar/").content.decode()
        self.assertIn('action="/ar/search/"', html)


class TestSiteSearch(Finds, FindsByDetails, TypeFilter, Pagination, HostileInput,
                     EmptyAndNoResults, NeverShown, HeaderForm, SearchTestCase):
    pass
