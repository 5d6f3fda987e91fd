"""Demo content from the seeds (action area 3): the programme „Interkulturelle Schulung der
Arbeitsmarktakteure“ with one module per topic, in de and en.

The seeds name the programme, its topics and audiences but no dates, rooms or trainers:
those are examples and marked as such („Beispiel“). Dates are computed from today but written
only when a page is created, so reruns change nothing. The participant places of each session
are created when a module is published (trainings.signals).
"""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page

from events.demo_images import page_image
from events.models import Audience, EventLanguage, Occurrence, Venue

from .models import Trainer, TrainingModulePage, TrainingProgrammePage

BERLIN = ZoneInfo("Europe/Berlin")
ACTION_AREA_SLUG = "interkulturelle-kompetenz"
ONLINE = "https://meet.example.org/iq-sachsen-beispiel"

FUNDING_NOTICE_EN = (
    "The funding programme “Integration durch Qualifizierung (IQ)” is funded by the German Federal "
    "Ministry of Labour and Social Affairs and the Federal Employment Agency.")
DURATIONS_EN = {"3 Stunden": "3 hours", "1 Tag (6 Stunden)": "1 day (6 hours)",
                "2 × 3 Stunden": "2 × 3 hours"}

MODULES = [
    {
        "slug": "wissensvermittlung-migration-arbeitsmarkt",
        "topic": "knowledge_transfer", "format": "information", "delivery_mode": "in_person",
        "duration": "3 Stunden", "max_group_size": 25, "city": "Leipzig",
        "audiences": ["employment_administration", "counselling_services",
                      "municipal_administration"],
        "sessions": [(1, 9, 12), (3, 9, 12)],
        "de": dict(
            title="Migration und Arbeitsmarkt: Grundlagenwissen",
            summary="Informationsveranstaltung zu Aufenthaltstiteln, Arbeitsmarktzugang und "
            "Anerkennung ausländischer Abschlüsse für Mitarbeitende der Arbeitsverwaltung, "
            "kommunaler Verwaltung und Beratungseinrichtungen. (Beispieltermine)",
            learning_goals="<ul><li>Aufenthaltsrechtliche Grundbegriffe einordnen</li>"
            "<li>Wege der Anerkennung kennen und Ratsuchende verweisen</li></ul>",
            contents="<p>Aufenthaltstitel und Arbeitserlaubnis, Anerkennungsgesetz, "
            "Zuständigkeiten in Sachsen.</p>",
            methods="<p>Input, Fallbeispiele, Fragerunde.</p>",
            prerequisites="Keine."),
        "en": dict(
            title="Migration and the labour market: the basics",
            slug="migration-labour-market-basics",
            summary="Information event on residence titles, access to the labour market and "
            "recognition of foreign qualifications for staff of the employment administration, "
            "municipalities and counselling services. (Example dates)",
            learning_goals="<ul><li>Understand the basic terms of residence law</li>"
            "<li>Know the routes to recognition and refer clients</li></ul>",
            contents="<p>Residence titles and work permits, the Recognition Act, "
            "responsibilities in Saxony.</p>",
            methods="<p>Input, case studies, questions.</p>",
            prerequisites="None."),
    },
    {
        "slug": "interkulturelle-handlungskompetenz",
        "topic": "intercultural_competence", "format": "practice", "delivery_mode": "in_person",
        "duration": "1 Tag (6 Stunden)", "max_group_size": 16, "city": "Dresden",
        "audiences": ["sme", "chambers_and_companies", "employment_administration"],
        "sessions": [(1, 9, 15), (2, 9, 15)],
        "de": dict(
            title="Interkulturelle Handlungs- und Kommunikationskompetenz",
            summary="Training für Mitarbeitende von Unternehmen, Kammern und Arbeitsverwaltung: "
            "kulturelle Prägungen erkennen, Missverständnisse klären, wertschätzend "
            "kommunizieren. (Beispieltermine)",
            learning_goals="<ul><li>Eigene Prägungen reflektieren</li>"
            "<li>Schwierige Gesprächssituationen sicher gestalten</li></ul>",
            contents="<p>Kulturbegriffe, Wahrnehmung, Kommunikationsstile, Konfliktklärung.</p>",
            methods="<p>Übungen, Rollenspiele, Fallarbeit aus dem Arbeitsalltag.</p>",
            prerequisites="Keine; Bereitschaft zur Selbstreflexion."),
        "en": dict(
            title="Intercultural competence in action and communication",
            slug="intercultural-competence-action-communication",
            summary="Practice training for staff of companies, chambers and the employment "
            "administration: recognise cultural imprints, clear up misunderstandings, "
            "communicate respectfully. (Example dates)",
            learning_goals="<ul><li>Reflect on one's own imprints</li>"
            "<li>Handle difficult conversations confidently</li></ul>",
            contents="<p>Concepts of culture, perception, communication styles, conflicts.</p>",
            methods="<p>Exercises, role play, cases from everyday work.</p>",
            prerequisites="None; willingness to reflect."),
    },
    {
        "slug": "sprachsensibel-beraten",
        "topic": "language_awareness", "format": "course", "delivery_mode": "online",
        "duration": "2 × 3 Stunden", "max_group_size": 12, "city": None,
        "audiences": ["counselling_services", "volunteers", "municipal_administration"],
        "sessions": [(1, 13, 16), (2, 13, 16)],
        "de": dict(
            title="Sprachsensibel beraten und informieren",
            summary="Online-Schulung zur Sprachsensibilisierung: verständlich sprechen und "
            "schreiben, einfache Sprache nutzen, Sprachmittlung einbinden. (Beispieltermine)",
            learning_goals="<ul><li>Texte und Gespräche verständlich gestalten</li></ul>",
            contents="<p>Einfache Sprache, Fachsprache erklären, mit Dolmetschenden arbeiten.</p>",
            methods="<p>Online: kurze Inputs, Übungen in Kleingruppen.</p>",
            prerequisites="Computer mit Kamera und Mikrofon."),
        "en": dict(
            title="Language-aware counselling and information",
            slug="language-aware-counselling",
            summary="Online training on language awareness: speak and write clearly, use "
            "plain language, work with interpreters. (Example dates)",
            learning_goals="<ul><li>Make texts and conversations easy to understand</li></ul>",
            contents="<p>Plain language, explaining jargon, working with interpreters.</p>",
            methods="<p>Online: short inputs, exercises in small groups.</p>",
            prerequisites="A computer with camera and microphone."),
    },
    {
        "slug": "integriertes-fach-und-sprachlernen",
        "topic": "integrated_learning", "format": "course", "delivery_mode": "hybrid",
        "duration": "1 Tag (6 Stunden)", "max_group_size": 18, "city": "Chemnitz",
        "audiences": ["teachers", "education_providers"],
        "sessions": [(2, 9, 15)],
        "de": dict(
            title="Integriertes Fach- und Sprachlernen im Unterricht",
            summary="Schulung für Fachlehrende und Bildungsdienstleister: Fachinhalte so "
            "vermitteln, dass Deutsch zugleich mitgelernt wird. (Beispieltermin)",
            learning_goals="<ul><li>Sprachliche Hürden im Fachunterricht erkennen</li>"
            "<li>Materialien sprachsensibel aufbereiten</li></ul>",
            contents="<p>Scaffolding, Fachwortschatz, Aufgabenformate.</p>",
            methods="<p>Input, Materialwerkstatt, kollegiale Beratung.</p>",
            prerequisites="Eigene Unterrichtsmaterialien mitbringen."),
        "en": dict(
            title="Integrated subject and language learning in class",
            slug="integrated-subject-language-learning",
            summary="Training course for subject teachers and education providers: teach "
            "subject content so that German is learned along the way. (Example date)",
            learning_goals="<ul><li>Recognise language barriers in subject teaching</li>"
            "<li>Prepare language-aware materials</li></ul>",
            contents="<p>Scaffolding, subject vocabulary, task formats.</p>",
            methods="<p>Input, materials workshop, peer counselling.</p>",
            prerequisites="Bring your own teaching materials."),
    },
]


# The feedback survey of the first module, with fixed ids: a second demo run changes nothing,
# and answers on the English page fill the same columns as on the German one.
DEMO_SURVEY_MODULE = "wissensvermittlung-migration-arbeitsmarkt"
DEMO_SURVEY = [
    ("3b9d2f64-8a1c-4e57-b0d3-6f2a9c1e7b01", "self_assessment",
     ("Ich kann die Schritte des Anerkennungsverfahrens erklären.",
      "I can explain the steps of the recognition procedure.")),
    ("c4e81a2d-5f3b-4c96-a7e0-1d8b3f5a9c02", "rating",
     ("Wie nützlich war die Veranstaltung für Ihre Arbeit?",
      "How useful was the event for your work?")),
    ("e7a35c19-2b6d-4f80-9e14-8c0d6a2f4b03", "single_choice",
     ("Welches Format wünschen Sie sich für eine Vertiefung?",
      "Which format would you like for a follow-up?"),
     [("1f6b8d3a-9c2e-4a57-b1d0-3e5f7a9c1b04", "Präsenz", "In person"),
      ("8d2f4b6a-0e1c-4d39-a5b7-9f1e3c5a7d05", "Online", "Online")]),
    ("5a0c7e3f-1d9b-4b62-8f4a-2e6c8a0d3f06", "long_text",
     ("Was sollten wir beibehalten oder ändern?", "What should we keep or change?")),
]


def demo_survey(language):
    """The raw StreamField data of DEMO_SURVEY in "de" or "en"."""
    index = 0 if language == "de" else 1
    blocks = []
    for block_id, kind, labels, *rest in DEMO_SURVEY:
        if kind == "self_assessment":
            value = {"statement": labels[index], "help_text": "", "required": True}
        elif kind == "rating":
            value = {"label": labels[index], "help_text": "", "required": True}
        else:
            value = {"label": labels[index], "help_text": "", "field_type": kind,
                     "required": False,
                     "choices": [{"type": "item", "id": choice[0], "value": choice[1 + index]}
                                 for choice in (rest[0] if rest else [])]}
            kind = "question"
        blocks.append({"type": kind, "id": block_id, "value": value})
    return blocks


def _session_day(today, months_ahead, index):
    """A weekday in a coming month (Tuesday for the first module, Wednesday …)."""
    month_index = today.year * 12 + today.month - 1 + months_ahead
    first = datetime.date(month_index // 12, month_index % 12 + 1, 1)
    weekday = 1 + index % 3
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7)


def _at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BERLIN)


def _parent(ctx):
    """The action-area page 3 if the site has it (found by slug, no import of the site), else home."""
    page = Page.objects.filter(slug=ACTION_AREA_SLUG, locale=ctx.locale("de")).first()
    return page.specific if page else ctx.home("de")


def load(ctx, today=None):
    today = today or datetime.date.today()
    de, en = ctx.locale("de"), ctx.locale("en")
    photo_de, photo_en = page_image(ctx, "person")
    trainer_de = ctx.upsert(Trainer, {"name": "Beispiel-Trainerin Dr. Lena Vogt", "locale": de},
                            photo=photo_de["image"], photo_alt=photo_de["image_alt"],
                            bio="Beispielprofil: Trainerin für interkulturelle Kompetenz und "
                            "Sprachsensibilisierung im IQ Netzwerk Sachsen.")
    trainer_en = ctx.upsert(Trainer, {"translation_key": trainer_de.translation_key, "locale": en},
                            name="Example trainer Dr Lena Vogt",
                            photo=photo_en["image"], photo_alt=photo_en["image_alt"],
                            bio="Example profile: trainer for intercultural competence and "
                            "language awareness in the IQ Network Saxony.")
    programme = ctx.upsert_page(
        _parent(ctx), TrainingProgrammePage, "schulungen",
        title="Interkulturelle Schulung der Arbeitsmarktakteure", show_in_menus=True,
        intro="<p>Das Gesamtprogramm „Interkulturelle Schulung der Arbeitsmarktakteure“ umfasst "
        "Schulungen, Trainings und Informationsveranstaltungen zur Wissensvermittlung, zur "
        "interkulturellen Handlungs- und Kommunikationskompetenz, der Sprachsensibilisierung "
        "sowie zum Integrierten Fach- und Sprachlernen.</p><p>Adressaten sind vor allem "
        "Mitarbeitende der Arbeitsverwaltung, von kleinen und mittleren Unternehmen, aus "
        "kommunalen und weiteren Beratungseinrichtungen, von Bildungsdienstleistern; "
        "Fachlehrende; Mitarbeitende von Kammern und Unternehmen, der kommunalen Verwaltung "
        "und im Ehrenamt. Die Teilnahme ist dank öffentlicher Förderung kostenfrei.</p>",
        request_intro="Alle Module bieten wir auch als Inhouse-Schulung für Ihr Team an – bei "
        "Ihnen vor Ort oder online.",
    )
    programme_en = ctx.translate_page(
        programme, "en", title="Intercultural training of labour market actors",
        slug="trainings",
        intro="<p>The programme “Intercultural training of labour market actors” comprises "
        "training courses, practice trainings and information events on knowledge transfer, "
        "intercultural competence in action and communication, language awareness and "
        "integrated subject and language learning.</p><p>It is aimed at staff of the employment "
        "administration, small and medium-sized enterprises, municipal and other counselling "
        "services, education providers, subject teachers, chambers and companies, municipal "
        "administration and volunteers. Thanks to public funding, taking part is free.</p>",
        request_intro="We also run every module as an in-house training for your team – at "
        "your premises or online.",
        funding_notice=FUNDING_NOTICE_EN,
    )
    for index, spec in enumerate(MODULES):
        _module(ctx, index, spec, programme, programme_en, (trainer_de, trainer_en), today)


# The demo picture (events/demo_images.py) of each topic.
TOPIC_IMAGES = {"knowledge_transfer": "training", "intercultural_competence": "intercultural",
                "language_awareness": "information", "integrated_learning": "qualification"}


def _module(ctx, index, spec, programme, programme_en, trainers, today):
    de, en = ctx.locale("de"), ctx.locale("en")
    exists = TrainingModulePage.objects.child_of(programme).filter(slug=spec["slug"]).exists()
    venue_de = Venue.objects.filter(city=spec["city"], locale=de).first() if spec["city"] else None
    venue_en = Venue.objects.filter(city=spec["city"], locale=en).first() if spec["city"] else None
    fields = dict(spec["de"], topic=spec["topic"], format=spec["format"],
                  delivery_mode=spec["delivery_mode"], duration=spec["duration"],
                  max_group_size=spec["max_group_size"], venue=venue_de,
                  contact_name="IQ Netzwerk Sachsen (Beispiel)")
    image_de, image_en = page_image(ctx, TOPIC_IMAGES.get(spec["topic"], "training"))
    fields.update(image_de)
    survey = spec["slug"] == DEMO_SURVEY_MODULE
    if survey:
        fields["feedback_questions"] = demo_survey("de")
    if not exists:
        fields["occurrences"] = [
            Occurrence(sort_order=i, start=_at(day, start), end=_at(day, end),
                       online_url=ONLINE if spec["delivery_mode"] != "in_person" else "",
                       mode={"online": "online", "hybrid": "hybrid"}.get(spec["delivery_mode"],
                                                                        "onsite"))
            for i, (months, start, end) in enumerate(spec["sessions"])
            for day in [_session_day(today, months, index)]
        ]
    page = ctx.upsert_page(programme, TrainingModulePage, spec["slug"], **fields)
    if not exists:
        page.audiences = list(Audience.objects.filter(slug__in=spec["audiences"], locale=de))
        page.languages = list(EventLanguage.objects.filter(slug="de", locale=de))
        page.trainers = [trainers[0]]
        page.save_revision().publish()
    english = ctx.translate_page(page, "en", venue=venue_en, duration=DURATIONS_EN[spec["duration"]],
                                 contact_name="IQ Network Saxony (example)", **spec["en"],
                                 **image_en,
                                 **({"feedback_questions": demo_survey("en")} if survey else {}))
    if not exists:
        english.audiences = list(Audience.objects.filter(slug__in=spec["audiences"], locale=en))
        english.languages = list(EventLanguage.objects.filter(slug="de", locale=en))
        english.trainers = [trainers[1]]
        english.save_revision().publish()
    return page
