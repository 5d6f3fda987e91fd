"""Demo content for job fairs: the Bewerbertag Bau of 5 April 2016 (from the seed report) and an
upcoming example fair with example employers, in de and en.

Runs after the events loader (vocabularies, organisations). Dates, inline rows and example
employers are written only when a page is created, so reruns change nothing. The seed gives no
times, rooms or street: those are marked as examples.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.utils import translation

from events.demo_images import page_image
from events.models import (
    Category,
    EventLanguage,
    Occurrence,
    Organisation,
    Registration,
    RegistrationOption,
    RegistrationState,
    Venue,
)

from .models import (
    DemoWorkshop,
    InfoDesk,
    InterpreterAvailability,
    JobFairIndexPage,
    JobFairPage,
    ProgrammeItem,
    Trade,
)

BERLIN = ZoneInfo("Europe/Berlin")
NAMESPACE = uuid.UUID("0b7c3e0a-5d1e-4f7e-8f57-1f2b2c6a9d40")

TRADES = [
    ("maurer", "Maurer/-in", "Maurer/-in", "Bricklayer"),
    ("fliesenleger", "Fliesen-, Platten- und Mosaikleger/-in", "Fliesenleger/-in", "Tiler"),
    ("parkettleger", "Parkettleger/-in", "Parkettleger/-in", "Parquet floor layer"),
    ("zimmerer", "Zimmerer/Zimmerin", "Zimmerer/Zimmerin", "Carpenter"),
    ("elektroniker", "Elektroniker/-in", "Elektroniker/-in", "Electronics technician"),
    ("anlagenmechaniker-shk", "Anlagenmechaniker/-in SHK", "Anlagenmechaniker/-in SHK",
     "Plumbing and heating installer"),
]

REPORT_DE = [
    "Der Bewerbertag für Bauberufe brachte am 5. April 2016 Zugewanderte und Handwerksbetriebe "
    "der Region Leipzig im Bildungs- und Technologiezentrum Borsdorf der Handwerkskammer zu "
    "Leipzig an einen Tisch. In gemeinsamer Zusammenarbeit von Jobcenter Leipzig, "
    "Arbeitsagentur Leipzig und HWK Leipzig organisiert, sollte die Veranstaltung mehr als eine "
    "Stellenbörse für die 80 Gäste und elf Arbeitgeber vor Ort werden.",
    "Vor den Gesprächen mit potentiellen Arbeitgebern schauten sich die interessierten Gäste "
    "unter anderem das Einsatzspektrum eines Maurers, Fliesen- und Parkettlegers oder auch des "
    "Zimmermanns nach deutschen Gesichtspunkten in den verschiedenen Lehrkabinetten an.",
]
QUOTE_1 = ("Wir wollen Appetit aufs Handwerk machen und Interesse wecken. Was kann ich, welche "
           "Qualifikationen habe ich, wo kann ich auch ungelernt arbeiten oder wie bekomme ich "
           "einen deutschen Facharbeiterabschluss waren Fragen, auf die wir gleich vor Ort "
           "eingegangen sind.")
REPORT_DE_2 = [
    "Auf dem Bau werden dringend Arbeitskräfte gesucht.",
    "Dr. Simon weiter: „Und auch die Unternehmen brauchen ein klares Bild über die "
    "Möglichkeiten, geflüchtete Menschen zu beschäftigen. Zu unserem gemeinsamen Bewerbertag "
    "haben wir Fragen zur Arbeitserlaubnis und den Aufenthaltstiteln, zu Lohnkostenzuschüssen "
    "und Qualifizierungen mit Hilfe von Arbeitsagentur, Jobcenter und Handwerkskammer "
    "besprochen.“",
    "Hinter dem Jobcenter und der Arbeitsagentur und im Vorfeld der ersten Bewerberbörse Bau "
    "liegen arbeitsreiche und intensive Monate. Etwa die Hälfte aller asylberechtigten "
    "Empfängerinnen und Empfänger von Arbeitslosengeld II in Sachsen werden in Leipzig betreut. "
    "Anspruch des Jobcenters und der Arbeitsagentur ist es, gegenüber Bewerbern, Arbeitgebern, "
    "Bildungsträgern, Vereinen und Verbänden als erster Dienstleister am Arbeitsmarkt immer "
    "aussage- und handlungsfähig zu sein.",
    "„Vom Ankommen in Deutschland bis zur Beschäftigung ist es ein langer Weg, den viele "
    "verschiedene Einrichtungen unterstützen. Wir haben uns im letzten Jahr mit allen "
    "Beteiligten noch besser vernetzt und ein gutes Miteinander in der Zusammenarbeit gefunden. "
    "Gemeinsam unterstützen wir bei der gesellschaftlichen Integration und auf dem Weg in Arbeit "
    "und Ausbildung“, blickt die Jobcenter-Chefin zurück.",
    "Regelmäßig stimmen sich Arbeitsagentur, Jobcenter und Stadt Leipzig auf der "
    "Leistungsebene ab. Fortlaufende Treffen der sächsischen Jobcenter und Arbeitsagenturen, "
    "organisiert durch das IQ Netzwerk Sachsen, verfolgen den städteübergreifenden Austausch.",
    "Mit dem Regionalnetzwerk Migration existiert eine Plattform, die den regelmäßigen Dialog "
    "zu aktuellen Themen garantiert und konkrete Absprachen zur weiteren praktischen "
    "Zusammenarbeit zum Ziel hat. Dem Regionalnetzwerk Migration gehören die Stadt Leipzig, das "
    "Sozialamt, die Ausländerbehörde, die Sächsische Bildungsagentur, die Agentur für Arbeit "
    "Leipzig, das Jobcenter Leipzig, das Bundesamt für Migration und Flüchtlinge, die "
    "Euroschulen und Migrationsfachdienste sowie das IQ Netzwerk mit der IBAS an.",
    "Im Jobcenter Leipzig selbst begleitet seit November vergangenen Jahres der Koordinator "
    "Migration den Prozess der interkulturellen Öffnung. Er arbeitet außerdem an der Konzeption "
    "arbeitsmarktpolitischer Instrumente und ist die Schnittstelle zwischen den "
    "Netzwerkpartnern und den fachlichen Ansprechpartnern in den Teams der "
    "Leistungsgewährung und Arbeitsvermittlung im Jobcenter Leipzig.",
]
QUOTE_2 = ("Durch zusätzliches Personal, Dolmetscherdienste, Englischkurse für meine "
           "Mitarbeiterinnen und Mitarbeiter, das Konzept für die Bewältigung hoher "
           "Kundenaufkommen oder auch die Einführung von MEIN ORDNER sehen wir uns für die "
           "Betreuung der geflüchteten Menschen gut aufgestellt. Wir müssen uns jetzt Schritt für "
           "Schritt die täglichen Routinen erarbeiten und im gegenseitigen Umgang sicherer werden.")
SIMON = "Dr. Simone Simon, Geschäftsführerin des Jobcenters Leipzig"

REPORT_EN = [
    "On 5 April 2016 the applicant day for construction trades brought immigrants and craft "
    "businesses of the Leipzig region together at the education and technology centre of the "
    "Leipzig Chamber of Crafts in Borsdorf. Organised jointly by Jobcenter Leipzig, the Leipzig "
    "employment agency and the chamber of crafts, it was meant to be more than a job exchange "
    "for the 80 guests and eleven employers.",
    "Before talking to potential employers, the guests saw in the training workshops what "
    "bricklayers, tilers, parquet floor layers and carpenters do in Germany. Questions on work "
    "permits and residence titles, wage subsidies and qualifications were answered on the spot "
    "by the employment agency, the job centre and the chamber of crafts.",
]


def _stream(*blocks):
    return [{"type": kind, "value": value,
             "id": str(uuid.uuid5(NAMESPACE, f"{index}:{kind}:{value!r}"))}
            for index, (kind, value) in enumerate(blocks)]


def _paragraphs(texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def t(hour, minute=0):
    return datetime.time(hour, minute)


def _trades(ctx):
    de, en = ctx.locale("de"), ctx.locale("en")
    trades = {}
    for slug, german, _short, english in TRADES:
        source = ctx.upsert(Trade, {"slug": slug, "locale": de}, name=german, german_name=german)
        translation = ctx.upsert(Trade, {"slug": slug, "locale": en}, name=english,
                                 german_name=german, translation_key=source.translation_key)
        trades[slug] = (source, translation)
    return trades


def _fair(ctx, index, slug, de, en, *, dates, trades, trade_slugs, languages, organisers,
          venue, workshops, desks, programme, programme_en, rooms_en, interpreters=()):
    exists = JobFairPage.objects.child_of(index["de"]).filter(slug=slug).exists()
    image_de, image_en = page_image(ctx, "jobfair")
    fields = dict(de, venue=venue[0], **image_de,
                  category=Category.objects.filter(slug="jobfair", locale=ctx.locale("de")).first())
    if not exists:
        fields["occurrences"] = [Occurrence(sort_order=i, **d) for i, d in enumerate(dates)]
        fields["demo_workshops"] = [
            DemoWorkshop(sort_order=i, trade=trades[s][0], room=room, start_time=a, end_time=b)
            for i, (s, room, a, b) in enumerate(workshops)]
        fields["info_desks"] = [InfoDesk(sort_order=i, topic=topic, organisation=org)
                                for i, (topic, org) in enumerate(desks)]
        fields["programme_items"] = [ProgrammeItem(sort_order=i, time=time, title=title)
                                     for i, (time, title) in enumerate(programme)]
        fields["interpreters"] = [
            InterpreterAvailability(sort_order=i, language=language, count=count,
                                    start_time=a, end_time=b)
            for i, (language, count, a, b) in enumerate(interpreters)]
    page = ctx.upsert_page(index["de"], JobFairPage, slug, **fields)
    if not exists:
        page.trades = [trades[s][0] for s in trade_slugs]
        page.languages = languages
        page.organisers = organisers
        page.save_revision().publish()
    en = dict(en)
    desks_en = en.pop("_desks", [])
    english = ctx.translate_page(page, "en", **dict(en, venue=venue[1], **image_en))
    if not exists:
        english.trades = [trades[s][1] for s in trade_slugs]
        rows = list(english.demo_workshops.all())
        for workshop in rows:
            workshop.trade = trades[workshop.trade.slug][1]
        english.demo_workshops = rows
        english.save_revision().publish()
    if _translate_rows(english, desks_en, programme_en, rooms_en):
        english.save_revision().publish()
    return page


def _translate_rows(english, desks_en, programme_en, rooms_en):
    """The English copy's rows in English: texts, and languages as English snippets (also on
    a rerun over an older demo). True when something changed."""
    changed = False

    def update(rows, attr, values):
        nonlocal changed
        for row, value in zip(rows, values, strict=False):
            if getattr(row, attr) != value:
                setattr(row, attr, value)
                changed = True
        return rows

    english.info_desks = update(list(english.info_desks.all()), "topic", [topic for topic, _org in desks_en])
    english.programme_items = update(list(english.programme_items.all()), "title", programme_en)
    english.demo_workshops = update(list(english.demo_workshops.all()), "room", rooms_en)
    interpreters = list(english.interpreters.select_related("language"))
    with translation.override("en"):
        english.interpreters = update(interpreters, "language",
                                      [row.language.localized for row in interpreters])
        languages = [language.localized for language in english.languages.all()]
    if {language.pk for language in languages} != {language.pk for language in english.languages.all()}:
        english.languages = languages
        changed = True
    return changed


def load(ctx, today=None):
    today = today or datetime.date.today()
    de, en = ctx.locale("de"), ctx.locale("en")
    trades = _trades(ctx)
    org = {name: ctx.upsert(Organisation, {"name": name, "locale": de})
           for name in ("Jobcenter Leipzig", "Agentur für Arbeit Leipzig",
                        "Handwerkskammer zu Leipzig")}
    borsdorf = dict(city="Borsdorf", district="Landkreis Leipzig",
                    public_transport="Beispiel: S-Bahn bis Borsdorf (Sachs).")
    name = "Bildungs- und Technologiezentrum Borsdorf der Handwerkskammer zu Leipzig"
    venue_de = ctx.upsert(Venue, {"name": name, "locale": de}, **borsdorf)
    venue_en = ctx.upsert(Venue, {"translation_key": venue_de.translation_key, "locale": en},
                          name=name, **dict(borsdorf, public_transport="Example: S-Bahn to Borsdorf (Sachs)."))
    languages = list(EventLanguage.objects.filter(locale=de, slug__in=["de", "ar", "en"]))

    index_de = ctx.upsert_page(
        ctx.home("de"), JobFairIndexPage, "jobmessen", title="Jobmessen", show_in_menus=True,
        intro="<p>Bewerbertage und Jobmessen: Zugewanderte treffen Betriebe, die Fachkräfte "
        "und Auszubildende suchen – mit Vorführwerkstätten, Beratung und Dolmetschenden.</p>")
    index_en = ctx.translate_page(
        index_de, "en", title="Job fairs", slug="job-fairs",
        intro="<p>Applicant days and job fairs: immigrants meet businesses looking for skilled "
        "workers and apprentices – with demo workshops, advice and interpreters.</p>")
    index = {"de": index_de, "en": index_en}
    desks = [("Arbeitserlaubnis und Aufenthaltstitel", org["Agentur für Arbeit Leipzig"]),
             ("Lohnkostenzuschüsse", org["Jobcenter Leipzig"]),
             ("Qualifizierung und Facharbeiterabschluss", org["Handwerkskammer zu Leipzig"])]
    desks_en = [("Work permit and residence title", None), ("Wage subsidies", None),
                ("Qualification and skilled-worker certificate", None)]

    day = datetime.date(2016, 4, 5)
    _fair(
        ctx, index, "bewerbertag-bau-2016",
        de=dict(title="Bewerbertag Bau 2016",
                summary="Am 5. April 2016 brachte der Bewerbertag für Bauberufe 80 Gäste und "
                "elf Arbeitgeber im Bildungs- und Technologiezentrum Borsdorf der "
                "Handwerkskammer zu Leipzig an einen Tisch.",
                body=_stream(("paragraph", _paragraphs(REPORT_DE)),
                             ("quote", {"text": QUOTE_1, "attribute_name": SIMON}),
                             ("paragraph", _paragraphs(REPORT_DE_2)),
                             ("quote", {"text": QUOTE_2, "attribute_name": SIMON})),
                jobseeker_capacity=80, employer_capacity=11, contact_name="Jobcenter Leipzig"),
        en=dict(title="Applicant day construction 2016", slug="applicant-day-construction-2016",
                summary="On 5 April 2016 the applicant day for construction trades brought 80 "
                "guests and eleven employers together at the Borsdorf centre of the Leipzig "
                "Chamber of Crafts.",
                body=_stream(("paragraph", _paragraphs(REPORT_EN))), _desks=desks_en),
        dates=[{"start": at(day, 9), "end": at(day, 14)}], trades=trades,
        trade_slugs=["maurer", "fliesenleger", "parkettleger", "zimmerer"],
        languages=languages, organisers=list(org.values()), venue=(venue_de, venue_en),
        workshops=[(s, f"Lehrkabinett {i + 1} (Beispiel)", t(9, 30), t(11, 30))
                   for i, s in enumerate(["maurer", "fliesenleger", "parkettleger", "zimmerer"])],
        desks=desks,
        programme=[(t(9), "Begrüßung"), (t(9, 30), "Rundgang durch die Lehrkabinette"),
                   (t(11, 30), "Gespräche mit Arbeitgebern"), (t(13, 30), "Abschluss")],
        programme_en=["Welcome", "Tour of the training workshops", "Talks with employers",
                      "Closing"],
        rooms_en=[f"Training workshop {i + 1} (example)" for i in range(4)],
    )

    # An upcoming example fair, about two months ahead on a Tuesday.
    start = today + datetime.timedelta(days=60)
    start += datetime.timedelta(days=(1 - start.weekday()) % 7)
    arabic = EventLanguage.objects.filter(locale=de, slug="ar").first()
    page = _fair(
        ctx, index, "beispiel-jobmesse-handwerk-leipzig",
        de=dict(title="Beispiel: Jobmesse Handwerk und Bau Leipzig",
                summary="Beispielveranstaltung: Betriebe aus Bau und Haustechnik suchen "
                "Fachkräfte und Auszubildende. Mit Vorführwerkstätten, Beratungstischen und "
                "geplanten Kurzgesprächen, Dolmetschende für Arabisch.",
                jobseeker_capacity=120, employer_capacity=15, contact_name="IQ Netzwerk Sachsen",
                contact_email="jobmesse@example.org",
                directions="<p>Beispiel: Straßenbahn bis Haltestelle Messe, Eingang Ost.</p>"),
        en=dict(title="Example: Job fair crafts and construction Leipzig",
                slug="example-job-fair-crafts-leipzig",
                summary="Example event: construction and building-services businesses look for "
                "skilled workers and apprentices. With demo workshops, advice desks and planned "
                "short interviews, Arabic interpreters.",
                directions="<p>Example: tram to Messe stop, east entrance.</p>",
                _desks=desks_en),
        dates=[{"start": at(start, 10), "end": at(start, 15)}], trades=trades,
        trade_slugs=["maurer", "zimmerer", "elektroniker", "anlagenmechaniker-shk"],
        languages=languages, organisers=list(org.values()), venue=(venue_de, venue_en),
        workshops=[("elektroniker", "Werkstatt 1 (Beispiel)", t(10), t(12)),
                   ("anlagenmechaniker-shk", "Werkstatt 2 (Beispiel)", t(10), t(12))],
        desks=desks,
        programme=[(t(10), "Begrüßung"), (t(10, 30), "Kurzgespräche nach Zeitplan"),
                   (t(13), "Offene Gespräche an den Tischen"), (t(15), "Ende")],
        programme_en=["Welcome", "Short interviews as scheduled", "Open talks at the tables", "End"],
        rooms_en=["Workshop 1 (example)", "Workshop 2 (example)"],
        interpreters=[(arabic, 2, t(10), t(13))] if arabic else [],
    )
    _example_employers(page)


EXAMPLE_EMPLOYERS = [
    ("Beispiel Bau GmbH", "bau@example.org", ["maurer", "zimmerer"], 4, 2),
    ("Beispiel Elektro KG", "elektro@example.org", ["elektroniker"], 2, 1),
    ("Beispiel Haustechnik e. K.", "haustechnik@example.org", ["anlagenmechaniker-shk"], 1, 2),
]
# Profile texts (German, English) and approved postings of the example employers: (trade slug,
# level, German level, months from the fair to the start, places, description). Marked as examples.
EXAMPLE_PROFILES = {
    "bau@example.org": (
        "Beispielbetrieb: Familienunternehmen im Hoch- und Holzbau mit 40 Beschäftigten im "
        "Leipziger Land.",
        "Example company: family business in building construction and timber construction "
        "with 40 employees near Leipzig.",
        [("maurer", "skilled", "A2", 1, 2, "Beispiel: Mauern, Putzen und Betonieren auf "
          "Baustellen in Leipzig und Umgebung. Tariflohn, Arbeitskleidung wird gestellt."),
         ("zimmerer", "apprenticeship", "B1", 5, 1, "Beispiel: Ausbildung zur Zimmerin oder "
          "zum Zimmerer ab August, mit Unterstützung beim Deutschlernen.")]),
    "elektro@example.org": (
        "Beispielbetrieb: Elektroinstallation in Wohn- und Gewerbebauten.",
        "",
        [("elektroniker", "helper", "A2", 1, 1, "Beispiel: Mithilfe bei Installationen auf "
          "der Baustelle, Einarbeitung durch erfahrene Kolleginnen und Kollegen.")]),
}


def _example_employers(page):
    """Approved example employers who agreed to be named (created once, marked as examples)."""
    for occurrence in page.occurrences.all():
        option = RegistrationOption.objects.filter(occurrence=occurrence, kind="employer").first()
        if option is None:
            continue
        for company, email, trade_slugs, positions, apprenticeships in EXAMPLE_EMPLOYERS:
            if Registration.objects.filter(occurrence=occurrence, email_normalised=email).exists():
                continue
            Registration.objects.create(
                option=option, occurrence=occurrence, state=RegistrationState.APPROVED,
                name="Beispiel-Ansprechperson", email=email, email_normalised=email,
                phone="0341 000000", data={
                    "company": company, "address": "Beispielstraße 1, 04109 Leipzig",
                    "trades": trade_slugs, "open_positions": positions,
                    "apprenticeships": apprenticeships, "interviews": 6, "languages": ["de"],
                    "needs": "", "public_listing": True, "example": True})
        _example_profiles(occurrence)


def _example_profiles(occurrence):
    """Profile texts and approved postings of the example employers (once per employer)."""
    from .models import EmployerProfile, JobPosting, PostingStatus
    from .postings import trade_for_slug

    start_day = occurrence.start.date()
    for email, (text_de, text_en, postings) in EXAMPLE_PROFILES.items():
        employer = Registration.objects.filter(occurrence=occurrence, email_normalised=email,
                                               option__kind="employer").first()
        if employer is None or EmployerProfile.objects.filter(employer=employer).exists():
            continue
        EmployerProfile.objects.create(employer=employer, description_de=text_de,
                                       description_en=text_en, website="https://example.org/")
        for slug, level, german, months, places, description in postings:
            trade = trade_for_slug(slug)
            if trade is None:
                continue
            start = (start_day.replace(day=1) + datetime.timedelta(days=31 * months)).replace(day=1)
            JobPosting.objects.create(employer=employer, trade=trade, level=level,
                                      german_level=german, start_date=start, places=places,
                                      description=description, status=PostingStatus.APPROVED)
