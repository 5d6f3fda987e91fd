"""Demo content for the directory from the seeds: centres, vocabularies and two filled matrices.

Where the seeds name a centre but give no address or phone, the location carries clearly
marked example data ("Beispieldaten"). Runs idempotently through the site's DemoContext.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from .models import (
    CentreContact,
    CentreHoursException,
    CentreOpeningHours,
    CentrePage,
    CounsellingLanguage,
    DirectoryIndexPage,
    District,
    Institution,
    ResponsibilityEntry,
    Service,
    TargetGroup,
)

SERVICES = [
    ("anerkennungsberatung", "Anerkennungsberatung", "Recognition counselling"),
    ("qualifizierungsberatung", "Qualifizierungsberatung", "Qualification counselling"),
    ("arbeitsrecht", "Arbeits- und sozialrechtliche Beratung", "Labour and social law counselling"),
    ("erstinformation", "Erstinformation zur Zuwanderung", "First information on immigration"),
    ("unternehmensberatung", "Beratung für Unternehmen", "Advice for employers"),
]
TARGET_GROUPS = [
    ("zugewanderte", "Zugewanderte", "Immigrants"),
    ("gefluechtete", "Geflüchtete", "Refugees"),
    ("unternehmen", "Unternehmen", "Employers"),
    ("arbeitsmarktakteure", "Arbeitsmarktakteure", "Labour-market actors"),
]
LANGUAGES = [
    ("de", "Deutsch", "German"), ("en", "Englisch", "English"), ("ar", "Arabisch", "Arabic"),
    ("fa", "Persisch (Farsi)", "Persian (Farsi)"), ("ru", "Russisch", "Russian"),
    ("uk", "Ukrainisch", "Ukrainian"), ("fr", "Französisch", "French"), ("es", "Spanisch", "Spanish"),
]
INSTITUTIONS = [
    # name, public authority
    ("IQ Netzwerk Sachsen", False),
    ("Stadt Leipzig – Sozialamt", True),
    ("Stadt Leipzig – Ausländerbehörde", True),
    ("Sächsische Bildungsagentur", True),
    ("Agentur für Arbeit Leipzig", True),
    ("Jobcenter Leipzig", True),
    ("Bundesamt für Migration und Flüchtlinge", True),
    ("Euroschulen Leipzig", False),
    ("Migrationsfachdienste Leipzig", False),
    ("Landratsamt Meißen", True),
    ("Agentur für Arbeit (zuständig für den Landkreis Meißen)", True),
]

WEEKDAY_HOURS = [(day, datetime.time(9), datetime.time(16)) for day in (0, 1, 3)] + [
    (1, datetime.time(16, 30), datetime.time(18)), (2, datetime.time(9), datetime.time(13)),
    (4, datetime.time(9), datetime.time(12))]
HOTLINE_HOURS = [(day, datetime.time(8), datetime.time(18)) for day in range(5)]
# Saxon public holidays in the demo's horizon; Christmas Eve has short hours.
HOLIDAYS = [
    (datetime.date(2026, 12, 24), datetime.time(9), datetime.time(12), "Heiligabend", "Christmas Eve"),
    (datetime.date(2026, 12, 25), None, None, "1. Weihnachtstag", "Christmas Day"),
    (datetime.date(2026, 12, 26), None, None, "2. Weihnachtstag", "Boxing Day"),
    (datetime.date(2027, 1, 1), None, None, "Neujahr", "New Year's Day"),
    (datetime.date(2027, 3, 26), None, None, "Karfreitag", "Good Friday"),
    (datetime.date(2027, 3, 29), None, None, "Ostermontag", "Easter Monday"),
    (datetime.date(2027, 5, 1), None, None, "Tag der Arbeit", "Labour Day"),
]
CITIES = {
    # city: (district slug, postcode, lat, lon, phone area code)
    "Leipzig": ("leipzig", "04109", 51.3397, 12.3731, "0341"),
    "Dresden": ("dresden", "01067", 51.0504, 13.7373, "0351"),
    "Chemnitz": ("chemnitz", "09111", 50.8278, 12.9214, "0371"),
}
OFFSET = {"IBAS": (0.004, -0.006), "BFI": (-0.005, 0.007), "FIZ": (0.006, 0.009)}

IBAS_OFFER_DE = ("<p>IBAS berät zur Anerkennung von ausländischen Qualifikationen und zur beruflichen "
                 "Integration, z.&nbsp;B. über Qualifizierung. Ziele sind die vollständige Anerkennung "
                 "ausländischer Abschlüsse und bessere Chancen auf dem Arbeitsmarkt.</p>")
IBAS_OFFER_EN = ("<p>IBAS advises on the recognition of foreign qualifications and on integration into "
                 "work, for example through further qualification. The aim is full recognition and better "
                 "chances on the labour market.</p>")
BFI_OFFER_DE = ("<p>Geflüchtete sowie Migrantinnen und Migranten, die nicht aus der EU kommen und auf dem "
                "sächsischen Arbeitsmarkt aktiv sind oder sein wollen, werden zu arbeits- und "
                "sozialrechtlichen Fragen in verschiedenen Sprachen informiert und beraten. Auch "
                "Unternehmen können dieses Angebot nutzen.</p>")
BFI_OFFER_EN = ("<p>Refugees and migrants from outside the EU who work or want to work in Saxony get "
                "information and advice on labour and social law in several languages. Companies can "
                "use this service too.</p>")
FIZ_OFFER_DE = ("<p>Zentrale Anlaufstelle für alle Zielgruppen im Bereich Zuwanderung in den "
                "Arbeitsmarkt.</p>")
FIZ_OFFER_EN = "<p>Central point of contact for everyone concerned with immigration into the labour market.</p>"

CENTRES = [
    # key, slug, de title, en title, institution, city, services, languages, targets, offer de/en
    ("IBAS", "ibas-{c}", "IBAS {city}", "IBAS {city}", "IQ Netzwerk Sachsen",
     ["anerkennungsberatung", "qualifizierungsberatung"], ["de", "en", "ar", "ru"],
     ["zugewanderte", "gefluechtete"], IBAS_OFFER_DE, IBAS_OFFER_EN),
    ("BFI", "faire-integration-{c}", "Beratung Faire Integration {city}", "Fair Integration counselling {city}",
     "IQ Netzwerk Sachsen", ["arbeitsrecht", "unternehmensberatung"], ["de", "en", "ar", "fa", "uk"],
     ["gefluechtete", "zugewanderte", "unternehmen"], BFI_OFFER_DE, BFI_OFFER_EN),
    ("FIZ", "fiz-{c}", "Fachinformationszentrum Zuwanderung {city}", "Immigration information centre {city}",
     "IQ Netzwerk Sachsen", ["erstinformation", "unternehmensberatung"], ["de", "en", "fr", "es"],
     ["zugewanderte", "unternehmen", "arbeitsmarktakteure"], FIZ_OFFER_DE, FIZ_OFFER_EN),
]


def _terms(ctx, model, rows):
    de, en = ctx.locale("de"), ctx.locale("en")
    terms = {}
    for position, (slug, name_de, name_en) in enumerate(rows):
        source = ctx.upsert(model, {"slug": slug, "locale": de}, name=name_de, sort_order=position * 10)
        translation = ctx.upsert(model, {"slug": slug, "locale": en}, name=name_en,
                                 sort_order=position * 10, translation_key=source.translation_key)
        terms[slug] = {"de": source, "en": translation}
    return terms


@transaction.atomic
def _sync_relations(ctx, page, *, m2m=None, children=None):
    """Set many-to-many values and inline rows; publish a revision only if something differs."""
    changed = False
    for name, objects in (m2m or {}).items():
        if {o.pk for o in getattr(page, name).all()} != {o.pk for o in objects}:
            getattr(page, name).set(objects)
            changed = True
    for name, (fields, rows) in (children or {}).items():
        # Rows carry their position: with equal (empty) sort orders the database may return
        # them in any order, and a rerun would see a change where there is none.
        current = [(row.sort_order, *(getattr(row, f) for f in fields)) for row in getattr(page, name).all()]
        wanted = [(position, *(row[f] for f in fields)) for position, row in enumerate(rows)]
        if current != wanted:
            model = getattr(page, name).model
            setattr(page, name, [model(sort_order=position, **row) for position, row in enumerate(rows)])
            changed = True
    if changed:
        page.save_revision().publish()
        ctx.updated += 1
    return page


HOUR_FIELDS = ("day", "opening_time", "closing_time")
EXCEPTION_FIELDS = ("date", "closed", "opening_time", "closing_time", "reason")
CONTACT_FIELDS = ("name", "role", "phone", "email", "consented")


def _hours(rows):
    return HOUR_FIELDS, [dict(zip(HOUR_FIELDS, row, strict=True)) for row in rows]


def _exceptions(language):
    rows = []
    for date, opens, closes, reason_de, reason_en in HOLIDAYS:
        rows.append({"date": date, "closed": opens is None, "opening_time": opens, "closing_time": closes,
                     "reason": reason_de if language == "de" else reason_en})
    return EXCEPTION_FIELDS, rows


def _contacts(rows):
    return CONTACT_FIELDS, [dict(zip(CONTACT_FIELDS, row, strict=True)) for row in rows]


def load(ctx):
    districts = {d.slug: d for d in District.objects.all()}
    services = _terms(ctx, Service, SERVICES)
    groups = _terms(ctx, TargetGroup, TARGET_GROUPS)
    languages = _terms(ctx, CounsellingLanguage, LANGUAGES)
    institutions = {name: ctx.upsert(Institution, {"name": name}, is_public_authority=authority)
                    for name, authority in INSTITUTIONS}

    home_de = ctx.home("de")
    index_de = ctx.upsert_page(
        home_de, DirectoryIndexPage, "beratungsstellen",
        title="Beratungsstellen in Sachsen", show_in_menus=True,
        intro="<p>Alle Beratungsorte des IQ Netzwerks Sachsen und seiner Partner: nach Ort, Angebot, "
              "Sprache und Zielgruppe filtern – oder den eigenen Landkreis wählen und sehen, wer "
              "zuständig ist.</p>",
        matrix_intro="<p>Der Integrationswegweiser zeigt je Landkreis und kreisfreier Stadt, welche "
                     "Institution für welches Thema zuständig ist. Er ersetzt das bisherige "
                     "Schnittstellenpapier. Weitere Informationen: Teilprojekt „Interkulturelle Öffnung "
                     "über Fachaustausch“, Anja Stephan, stephan@prozesskette-sachsen.de.</p>",
    )
    index_en = ctx.translate_page(
        index_de, "en", title="Counselling centres in Saxony", show_in_menus=True,
        intro="<p>All counselling locations of the IQ Network Saxony and its partners: filter by place, "
              "service, language and target group – or choose your district and see who is "
              "responsible.</p>",
        matrix_intro="<p>The integration guide shows, for each district and district-free city, which "
                     "institution is responsible for which topic. It replaces the former interface paper. "
                     "More information: sub-project “Intercultural opening through professional exchange”, "
                     "Anja Stephan, stephan@prozesskette-sachsen.de.</p>",
    )

    for key, slug, title_de, title_en, institution, svc, langs, targets, offer_de, offer_en in CENTRES:
        for number, (city, (district_slug, postcode, lat, lon, area)) in enumerate(CITIES.items(), start=1):
            d_lat, d_lon = OFFSET[key]
            serves = [districts[district_slug]]
            if district_slug == "dresden":
                serves += [districts["meissen"], districts["saechsische-schweiz-osterzgebirge"]]
            fields = {
                "title": title_de.format(city=city),
                "institution": institutions[institution],
                "service_offer": offer_de,
                "is_example_data": True,
                "street": f"Beispielstraße {number} (Beispieladresse)",
                "postal_code": postcode,
                "city": city,
                "district": districts[district_slug],
                "latitude": Decimal(f"{lat + d_lat:.6f}"),
                "longitude": Decimal(f"{lon + d_lon:.6f}"),
                "phone": f"{area} 000000-{number}{len(key)}",
                "email": f"{key.lower()}-{city.lower()}@example.org",
                "appointment_info": "Termine nach telefonischer Vereinbarung oder per E-Mail; "
                                    "offene Sprechstunde dienstags 16:30–18:00 Uhr.",
                "hours_note": "Beratung nach Vereinbarung, auch telefonisch oder per Video.",
                "step_free": key != "BFI",
            }
            page = ctx.upsert_page(index_de, CentrePage, slug.format(c=city.lower()), **fields)
            _sync_relations(ctx, page, m2m={
                "services": [services[s]["de"] for s in svc],
                "languages": [languages[s]["de"] for s in langs],
                "target_groups": [groups[s]["de"] for s in targets],
                "regions": serves,
            }, children={
                "hours_of_operation": _hours(WEEKDAY_HOURS),
                "hours_exceptions": _exceptions("de"),
                "contacts": _contacts([("Beispielname Beraterin", "Beratung (Beispieldaten)",
                                        fields["phone"], fields["email"], True)]),
            })
            page_en = ctx.translate_page(
                page, "en", title=title_en.format(city=city), service_offer=offer_en,
                appointment_info="Appointments by phone or e-mail; open consultation on Tuesdays "
                                 "4:30–6 pm.",
                hours_note="Counselling by appointment, also by phone or video.",
                street=f"Beispielstraße {number} (example address)")
            _sync_relations(ctx, page_en, m2m={
                "services": [services[s]["en"] for s in svc],
                "languages": [languages[s]["en"] for s in langs],
                "target_groups": [groups[s]["en"] for s in targets],
            }, children={
                "hours_exceptions": _exceptions("en"),
                "contacts": _contacts([("Example name, counsellor", "Counselling (example data)",
                                        fields["phone"], fields["email"], True)]),
            })

    # The hotline: no address, serves every region outside the three cities.
    rural = [d for slug, d in districts.items() if slug not in ("leipzig", "dresden", "chemnitz")]
    hotline = ctx.upsert_page(
        index_de, CentrePage, "hotline-leitstelle-zuwanderung",
        title="Hotline Leitstelle Zuwanderung",
        institution=institutions["IQ Netzwerk Sachsen"],
        service_offer="<p>Erstinformationen zur Zuwanderung in den Arbeitsmarkt für alle sächsischen "
                      "Regionen außerhalb der Ballungsräume Leipzig, Dresden und Chemnitz.</p>",
        is_example_data=True, phone="0800 0000000 (Beispielnummer)",
        email="leitstelle-zuwanderung@example.org",
        appointment_info="Einfach anrufen – keine Terminvereinbarung nötig.",
    )
    _sync_relations(ctx, hotline, m2m={
        "services": [services["erstinformation"]["de"]],
        "languages": [languages[s]["de"] for s in ("de", "en", "ar", "ru")],
        "target_groups": [groups[s]["de"] for s in ("zugewanderte", "unternehmen")],
        "regions": rural,
    }, children={"hours_of_operation": _hours(HOTLINE_HOURS), "hours_exceptions": _exceptions("de")})
    hotline_en = ctx.translate_page(
        hotline, "en", title="Immigration hotline (Leitstelle Zuwanderung)",
        service_offer="<p>First information on immigration into the labour market for all Saxon regions "
                      "outside the Leipzig, Dresden and Chemnitz conurbations.</p>",
        phone="0800 0000000 (example number)", appointment_info="Just call – no appointment needed.")
    _sync_relations(ctx, hotline_en, m2m={
        "services": [services["erstinformation"]["en"]],
        "languages": [languages[s]["en"] for s in ("de", "en", "ar", "ru")],
        "target_groups": [groups[s]["en"] for s in ("zugewanderte", "unternehmen")],
    }, children={"hours_exceptions": _exceptions("en")})

    _matrix(ctx, districts, institutions)
    return index_de, index_en


# The matrix ("Integrationswegweiser") for Leipzig and Landkreis Meißen ----------------------------
EX = "Beispieldaten"
MATRIX = {
    "leipzig": [
        ("recognition", "IQ Netzwerk Sachsen", "IBAS Leipzig", "Beispielname", "Anerkennungsberatung",
         "0341 000000-14", "ibas-leipzig@example.org",
         "Beratung zur Anerkennung ausländischer Abschlüsse und zu Anpassungsqualifizierungen.",
         "Advice on recognition of foreign qualifications and on bridging qualifications.", True),
        ("work_permit", "Stadt Leipzig – Ausländerbehörde", "Ausländerbehörde", "Beispielname",
         "Sachbearbeitung Beschäftigung", "0341 000000-20", "auslaenderbehoerde@example.org",
         "Aufenthaltstitel und Erlaubnis zur Beschäftigung.", "Residence titles and permission to work.", True),
        ("language_courses", "Bundesamt für Migration und Flüchtlinge", "Regionalkoordination Integrationskurse",
         "Beispielname", "Regionalkoordination", "0341 000000-30", "bamf-leipzig@example.org",
         "Integrations- und Berufssprachkurse; Kursträger u. a. Euroschulen Leipzig.",
         "Integration and job-related language courses; providers include Euroschulen Leipzig.", True),
        ("job_placement", "Agentur für Arbeit Leipzig", "Arbeitsvermittlung", "Beispielname",
         "Vermittlung Zugewanderte", "0341 000000-40", "arbeitsagentur-leipzig@example.org",
         "Für Menschen ohne Leistungsbezug nach SGB II.", "For people not receiving SGB II benefits.", True),
        ("job_placement", "Jobcenter Leipzig", "Koordinator Migration", "Beispielname", "Koordinator Migration",
         "0341 000000-50", "jobcenter-leipzig@example.org",
         "Schnittstelle zwischen Netzwerkpartnern und den Teams der Arbeitsvermittlung.",
         "Link between network partners and the job-placement teams.", True),
        ("benefits", "Jobcenter Leipzig", "Leistungsgewährung", "Beispielname", "Leistungsgewährung",
         "0341 000000-51", "jobcenter-leipzig@example.org",
         "Arbeitslosengeld II für anerkannte Geflüchtete; Leistungen nach AsylbLG beim Sozialamt.",
         "Unemployment benefit II for recognised refugees; asylum-seeker benefits from the social welfare office.", True),
        ("labour_law", "IQ Netzwerk Sachsen", "Beratung Faire Integration Leipzig", "Beispielname",
         "Arbeits- und Sozialrechtsberatung", "0341 000000-23", "bfi-leipzig@example.org",
         "Mehrsprachige Beratung, auch für Unternehmen.", "Counselling in several languages, also for companies.", True),
        ("qualification_funding", "Agentur für Arbeit Leipzig", "Förderung beruflicher Weiterbildung",
         "Beispielname", "Weiterbildungsberatung", "0341 000000-41", "arbeitsagentur-leipzig@example.org",
         "Bildungsgutschein; Qualifizierungen im Kontext des Anerkennungsgesetzes über das IQ Netzwerk.",
         "Training vouchers; qualifications linked to the Recognition Act through the IQ Network.", True),
    ],
    "meissen": [
        ("recognition", "IQ Netzwerk Sachsen", "IBAS Dresden (zuständig für den Landkreis Meißen)",
         "Beispielname", "Anerkennungsberatung", "0351 000000-14", "ibas-dresden@example.org",
         "", "", True),
        ("work_permit", "Landratsamt Meißen", "Ausländeramt", "Frau Kretzschmar", "Ausländeramt",
         "03521 000000-1", "", "Ansprechpartnerin für den Workshop Integrationswegweiser.",
         "Contact for the integration guide workshop.", True),
        ("language_courses", "Bundesamt für Migration und Flüchtlinge", "Regionalkoordination Integrationskurse",
         "Beispielname", "Regionalkoordination", "0351 000000-30", "bamf-dresden@example.org", "", "", True),
        ("job_placement", "Agentur für Arbeit (zuständig für den Landkreis Meißen)", "Arbeitsvermittlung",
         "Beispielname", "Vermittlung Zugewanderte", "03521 000000-40", "arbeitsagentur-meissen@example.org",
         "", "", True),
        ("benefits", "Landratsamt Meißen", "Jobcenter (Optionskommune)", "Beispielname", "Leistungsgewährung",
         "03521 000000-50", "jobcenter-meissen@example.org",
         "Der Landkreis Meißen ist eine der fünf sächsischen Optionskommunen: Das Jobcenter gehört zur "
         "Landkreisverwaltung.",
         "Meißen is one of Saxony's five opting municipalities: the job centre is part of the district "
         "administration.", True),
        ("labour_law", "IQ Netzwerk Sachsen", "Beratung Faire Integration Dresden", "Beispielname",
         "Arbeits- und Sozialrechtsberatung", "0351 000000-23", "bfi-dresden@example.org", "", "", True),
        ("qualification_funding", "IQ Netzwerk Sachsen",
         "Teilprojekt „Interkulturelle Öffnung über Fachaustausch“", "Anja Stephan", "Teilprojektleitung",
         "", "stephan@prozesskette-sachsen.de",
         "Begleitet die Erarbeitung des Schnittstellenpapiers im Landkreis.",
         "Supports the drafting of the interface paper in the district.", False),
    ],
}
ROLE_EN = {"Anerkennungsberatung": "Recognition counselling", "Ausländeramt": "Foreigners' office",
           "Sachbearbeitung Beschäftigung": "Employment casework", "Regionalkoordination": "Regional coordination",
           "Vermittlung Zugewanderte": "Placement of immigrants", "Koordinator Migration": "Migration coordinator",
           "Leistungsgewährung": "Benefits", "Arbeits- und Sozialrechtsberatung": "Labour and social law counselling",
           "Weiterbildungsberatung": "Further-training advice", "Teilprojektleitung": "Sub-project lead"}


def _matrix(ctx, districts, institutions):
    de, en = ctx.locale("de"), ctx.locale("en")
    for district_slug, rows in MATRIX.items():
        district = districts[district_slug]
        for position, (topic, institution, department, name, role, phone, email, note_de, note_en,
                       example) in enumerate(rows):
            common = {"district": district, "topic": topic, "institution": institutions[institution],
                      "department": department, "phone": phone, "email": email,
                      "is_example_data": example, "sort_order": position}
            contact = f"{name} ({EX})" if name == "Beispielname" else name
            source = ctx.upsert(ResponsibilityEntry,
                                {"district": district, "topic": topic, "sort_order": position, "locale": de},
                                **{k: v for k, v in common.items() if k not in ("district", "topic", "sort_order")},
                                contact_name=contact, contact_role=role, note=note_de)
            ctx.upsert(ResponsibilityEntry,
                       {"district": district, "topic": topic, "sort_order": position, "locale": en},
                       **{k: v for k, v in common.items() if k not in ("district", "topic", "sort_order", "department")},
                       contact_name=contact.replace(EX, "example data").replace("Beispielname", "Example name"), contact_role=ROLE_EN.get(role, role),
                       department=ROLE_EN.get(department, department),
                       note=note_en or note_de, translation_key=source.translation_key)


# Keep CentreContact etc. importable for tests that build their own rows.
__all__ = ["load", "CentreContact", "CentreHoursException", "CentreOpeningHours"]
