"""Demo content for events from the seeds: vocabularies, the listing, the Meißen workshop,
the Regionalnetzwerk Migration in Leipzig and a few upcoming example events (de and en).

Dates are computed from today (first weekdays of coming months) but written only when a
page is created, so reruns never move dates, bump SEQUENCE or change calendar UIDs.
The seeds do not give exact dates or rooms: those are marked as examples ("Beispiel").
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from .demo_images import page_image
from .models import (
    Audience,
    Category,
    EventIndexPage,
    EventLanguage,
    EventPage,
    Occurrence,
    Organisation,
    Venue,
)

BERLIN = ZoneInfo("Europe/Berlin")
# The demo picture (events/demo_images.py) of each kind of event.
CATEGORY_IMAGES = {"workshop": "workshop", "network_meeting": "network",
                   "information_day": "information", "training": "training", "jobfair": "jobfair"}

CATEGORIES = [
    ("workshop", "Regionalworkshop", "Regional workshop"),
    ("network_meeting", "Netzwerktreffen", "Network meeting"),
    ("information_day", "Informationstag", "Information day"),
    ("training", "Schulung", "Training"),
    ("jobfair", "Jobmesse", "Job fair"),
]
AUDIENCES = [
    ("employment_administration", "Mitarbeitende der Arbeitsverwaltung",
     "Employment administration staff"),
    ("sme", "Kleine und mittlere Unternehmen", "Small and medium-sized enterprises"),
    ("counselling_services", "Kommunale und weitere Beratungseinrichtungen",
     "Municipal and other counselling services"),
    ("education_providers", "Bildungsdienstleister", "Education providers"),
    ("teachers", "Fachlehrende", "Subject teachers"),
    ("chambers_and_companies", "Kammern und Unternehmen", "Chambers and companies"),
    ("municipal_administration", "Kommunale Verwaltung", "Municipal administration"),
    ("volunteers", "Ehrenamtliche", "Volunteers"),
    ("migrants", "Zugewanderte", "Immigrants"),
]
LANGUAGES = [("de", "Deutsch", "German"), ("en", "Englisch", "English"),
             ("ar", "Arabisch", "Arabic"), ("uk", "Ukrainisch", "Ukrainian")]
ORGANISATIONS = [
    ("IQ Netzwerk Sachsen", "https://www.netzwerk-iq-sachsen.de/"),
    ("Landratsamt Meißen", ""),
    ("Jobcenter Leipzig", ""),
    ("Agentur für Arbeit Leipzig", ""),
    ("Stadt Leipzig", ""),
]
VENUES = {
    "meissen": dict(name="Landratsamt Meißen", street="Brauhausstraße 21", postcode="01662",
                    city="Meißen", district="Landkreis Meißen", latitude=Decimal("51.163600"),
                    longitude=Decimal("13.473700"),
                    step_free_access="Beispiel: Eingang ebenerdig, Aufzug vorhanden.",
                    public_transport="Beispiel: Bus bis Haltestelle Meißen Busbahnhof."),
    "leipzig": dict(name="Neues Rathaus Leipzig", street="Martin-Luther-Ring 4-6",
                    postcode="04109", city="Leipzig", district="Stadt Leipzig",
                    latitude=Decimal("51.337600"), longitude=Decimal("12.372600"),
                    step_free_access="Beispiel: barrierefreier Zugang über den Seiteneingang.",
                    public_transport="Straßenbahn bis Neues Rathaus."),
    "dresden": dict(name="Beispiel-Tagungsraum Dresden", street="Beispielstraße 1",
                    postcode="01067", city="Dresden", district="Stadt Dresden",
                    latitude=Decimal("51.050400"), longitude=Decimal("13.737300")),
    "chemnitz": dict(name="Beispiel-Tagungsraum Chemnitz", street="Beispielstraße 2",
                     postcode="09111", city="Chemnitz", district="Stadt Chemnitz",
                     latitude=Decimal("50.832800"), longitude=Decimal("12.923700")),
}
# What the English venue says differently (names of real buildings stay German).
VENUES_EN = {
    "meissen": dict(step_free_access="Example: level entrance, lift available.",
                    public_transport="Example: bus to the stop Meißen Busbahnhof."),
    "leipzig": dict(step_free_access="Example: step-free access through the side entrance.",
                    public_transport="Tram to Neues Rathaus."),
    "dresden": dict(name="Example meeting room Dresden"),
    "chemnitz": dict(name="Example meeting room Chemnitz"),
}


def nth_weekday(year, month, weekday, n=1):
    """The n-th `weekday` (0 = Monday) of a month."""
    first = datetime.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + datetime.timedelta(days=offset + 7 * (n - 1))


def month_shift(today, months):
    index = today.year * 12 + today.month - 1 + months
    return index // 12, index % 12 + 1


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


# Registration questions of the Dresden information day, with fixed ids: a second demo run
# changes nothing, and the English page's answers fill the same columns as the German page's.
DEMO_QUESTIONS = [
    ("7d1c9a52-3f0e-4c47-9b1e-5a8f2e6d0c11", "single_choice", True,
     ("Wie haben Sie von der Veranstaltung erfahren?", "How did you hear about the event?"),
     [("0e5b7f0a-2c1d-4d9e-8a61-1f3b5c7d9e21", "Beratungsstelle", "Counselling service"),
      ("9a3e1c5d-7b2f-4e80-a6d4-2c8e0f1b3d32", "Internet", "Internet"),
      ("5c7e9a1b-3d5f-4a2c-8e0b-7d9f1a3c5e43", "Freunde oder Familie", "Friends or family")]),
    ("2f4a6c8e-0b1d-4e3f-9a5c-7e9b1d3f5a54", "yes_no", False,
     ("Benötigen Sie eine Sprachmittlung?", "Do you need an interpreter?"), []),
]


def demo_questions(language):
    """The raw StreamField data of DEMO_QUESTIONS in "de" or "en"."""
    index = 0 if language == "de" else 1
    return [{"type": "question", "id": question_id, "value": {
        "label": labels[index], "help_text": "", "field_type": field_type, "required": required,
        "choices": [{"type": "item", "id": choice[0], "value": choice[1 + index]}
                    for choice in choices],
        "kinds": [],
    }} for question_id, field_type, required, labels, choices in DEMO_QUESTIONS]


def _vocabularies(ctx, model, rows):
    de, en = ctx.locale("de"), ctx.locale("en")
    result = {}
    for slug, name_de, name_en in rows:
        source = ctx.upsert(model, {"slug": slug, "locale": de}, name=name_de)
        translation = ctx.upsert(model, {"slug": slug, "locale": en}, name=name_en,
                                 translation_key=source.translation_key)
        result[slug] = (source, translation)
    return result


def _event(ctx, index, slug, de, en, dates, vocab, category, audiences, languages, venue,
           organisers):
    """Create or update one event in de and en; dates and relations only on creation."""
    exists = EventPage.objects.child_of(index["de"]).filter(slug=slug).exists()
    image_de, image_en = page_image(ctx, CATEGORY_IMAGES[category])
    fields = dict(de, **image_de)
    fields["category"] = vocab["categories"][category][0]
    fields["venue"] = venue[0]
    if not exists:
        fields["occurrences"] = [Occurrence(sort_order=i, **data) for i, data in enumerate(dates)]
    page = ctx.upsert_page(index["de"], EventPage, slug, **fields)
    if not exists:
        page.audiences = [vocab["audiences"][a][0] for a in audiences]
        page.languages = [vocab["languages"][code][0] for code in languages]
        page.organisers = organisers
        page.save_revision().publish()
    translated = dict(en, category=vocab["categories"][category][1], venue=venue[1], **image_en)
    english = ctx.translate_page(page, "en", **translated)
    if not exists:
        english.audiences = [vocab["audiences"][a][1] for a in audiences]
        english.languages = [vocab["languages"][code][1] for code in languages]
        english.save_revision().publish()
    return page


def load(ctx, today=None):
    today = today or datetime.date.today()
    vocab = {
        "categories": _vocabularies(ctx, Category, CATEGORIES),
        "audiences": _vocabularies(ctx, Audience, AUDIENCES),
        "languages": _vocabularies(ctx, EventLanguage, LANGUAGES),
    }
    de, en = ctx.locale("de"), ctx.locale("en")
    organisations = {name: ctx.upsert(Organisation, {"name": name, "locale": de}, website=url)
                     for name, url in ORGANISATIONS}
    venues = {}
    for key, data in VENUES.items():
        source = ctx.upsert(Venue, {"name": data["name"], "locale": de},
                            **{k: v for k, v in data.items() if k != "name"})
        translation = ctx.upsert(Venue, {"translation_key": source.translation_key, "locale": en},
                                 **{**data, **VENUES_EN[key]})
        venues[key] = (source, translation)

    home = ctx.home("de")
    index_de = ctx.upsert_page(
        home, EventIndexPage, "veranstaltungen", title="Veranstaltungen", show_in_menus=True,
        intro="<p>Regionalworkshops, Netzwerktreffen, Informationstage, Schulungen und "
        "Jobmessen des IQ Netzwerks Sachsen. Alle Termine gibt es auch als Kalender-Abo.</p>",
    )
    index_en = ctx.translate_page(
        index_de, "en", title="Events", slug="events",
        intro="<p>Regional workshops, network meetings, information days, trainings and job "
        "fairs of the IQ Network Saxony. All dates are also available as a calendar "
        "subscription.</p>",
    )
    index = {"de": index_de, "en": index_en}

    # The Meißen workshop of the seed lies in the past; its exact date is not in the seed.
    y, m = month_shift(today, -3)
    meissen_day = nth_weekday(y, m, 1)  # a Tuesday
    _event(
        ctx, index, "workshop-integrationswegweiser-meissen",
        de=dict(title="Regionalworkshop „Integrationswegweiser“ im Landkreis Meißen",
                summary="Im Landkreis Meißen erarbeiten Agentur für Arbeit, Jobcenter und "
                "Ämter der Landkreisverwaltung mit dem IQ Netzwerk Sachsen ein "
                "Schnittstellenpapier: Zuständigkeiten, Partnerverantwortung und "
                "Ansprechpersonen bei der Integration Zugewanderter in den Arbeitsmarkt.",
                contact_name="IQ Netzwerk Sachsen"),
        en=dict(title="Regional workshop “Integration signpost” in the district of Meißen",
                slug="workshop-integration-signpost-meissen",
                summary="In the district of Meißen, the employment agency, the job centre and "
                "the district offices work with the IQ Network Saxony on an interface paper: "
                "responsibilities, partnerships and contact persons for integrating "
                "immigrants into the labour market."),
        dates=[{"start": at(meissen_day, 9), "end": at(meissen_day, 15)}],
        vocab=vocab, category="workshop",
        audiences=["employment_administration", "municipal_administration",
                   "counselling_services"],
        languages=["de"], venue=venues["meissen"],
        organisers=[organisations["IQ Netzwerk Sachsen"], organisations["Landratsamt Meißen"]],
    )

    # Regionalnetzwerk Migration: monthly, first Wednesday, 14:00 (example schedule).
    y, m = month_shift(today, 1)
    first = nth_weekday(y, m, 2)
    skip_y, skip_m = month_shift(today, 4)
    _event(
        ctx, index, "regionalnetzwerk-migration-leipzig",
        de=dict(title="Regionalnetzwerk Migration Leipzig",
                summary="Plattform für den regelmäßigen Dialog zu aktuellen Themen und für "
                "konkrete Absprachen zur praktischen Zusammenarbeit: Stadt Leipzig, "
                "Ausländerbehörde, Agentur für Arbeit, Jobcenter, BAMF, "
                "Migrationsfachdienste und das IQ Netzwerk mit der IBAS. "
                "(Beispieltermine: monatlich am ersten Mittwoch.)"),
        en=dict(title="Regional Migration Network Leipzig",
                slug="regional-migration-network-leipzig",
                summary="A platform for regular dialogue on current topics and concrete "
                "agreements on practical cooperation: City of Leipzig, immigration office, "
                "employment agency, job centre, BAMF, migration services and the IQ Network "
                "with IBAS. (Example dates: monthly on the first Wednesday.)"),
        dates=[{"start": at(first, 14), "end": at(first, 16), "repeat_frequency": "MONTHLY",
                "repeat_interval": 1, "repeat_by_weekday": True,
                "repeat_exceptions": nth_weekday(skip_y, skip_m, 2).isoformat()}],
        vocab=vocab, category="network_meeting",
        audiences=["employment_administration", "municipal_administration",
                   "counselling_services"],
        languages=["de"], venue=venues["leipzig"],
        organisers=[organisations["Stadt Leipzig"], organisations["Jobcenter Leipzig"],
                    organisations["IQ Netzwerk Sachsen"]],
    )

    examples = [
        ("beispiel-informationstag-anerkennung-dresden", "information_day", "dresden", 1, 3,
         dict(title="Beispiel: Informationstag Anerkennung ausländischer Abschlüsse",
              summary="Beispielveranstaltung: Wie läuft ein Anerkennungsverfahren ab? Die IBAS "
              "informiert Zugewanderte und Beratende.",
              registration_questions=demo_questions("de")),
         dict(title="Example: Information day on recognition of foreign qualifications",
              slug="example-information-day-recognition-dresden",
              summary="Example event: how does a recognition procedure work? IBAS informs "
              "immigrants and counsellors.",
              registration_questions=demo_questions("en")),
         ["migrants", "counselling_services"], ["de", "en", "ar"]),
        ("beispiel-workshop-chemnitz", "workshop", "chemnitz", 2, 1,
         dict(title="Beispiel: Regionalworkshop Schnittstellenmanagement Chemnitz",
              summary="Beispielveranstaltung: Akteure der Region klären Zuständigkeiten bei der "
              "Arbeitsmarktintegration."),
         dict(title="Example: Regional workshop on interface management in Chemnitz",
              slug="example-workshop-chemnitz",
              summary="Example event: regional actors clarify responsibilities for labour "
              "market integration."),
         ["employment_administration", "sme", "chambers_and_companies"], ["de"]),
        ("beispiel-ehrenamt-infotag-leipzig", "information_day", "leipzig", 2, 4,
         dict(title="Beispiel: Infotag für Ehrenamtliche",
              summary="Beispielveranstaltung: Wege in Arbeit für Geflüchtete – ein Überblick "
              "für Ehrenamtliche."),
         dict(title="Example: Information day for volunteers",
              slug="example-information-day-volunteers-leipzig",
              summary="Example event: routes into work for refugees – an overview for "
              "volunteers."),
         ["volunteers"], ["de", "uk"]),
    ]
    for slug, category, venue, months, weekday, de_fields, en_fields, audiences, langs in examples:
        y, m = month_shift(today, months)
        day = nth_weekday(y, m, weekday, 2)
        _event(ctx, index, slug, de=de_fields, en=en_fields,
               dates=[{"start": at(day, 10), "end": at(day, 14)}], vocab=vocab,
               category=category, audiences=audiences, languages=langs, venue=venues[venue],
               organisers=[organisations["IQ Netzwerk Sachsen"]])
