"""The site's own demo pages, from the seeds in shared/seeds (German, with English)."""

from wagtail.models import Site

from events.demo_images import page_image
from home.models import FooterSettings, HomePage, ProgrammePage, StandardPage

from .context import paragraphs, stream

HOME = {
    "de": {
        "title": "IQ Netzwerk Sachsen",
        "intro": "<p>Wir unterstützen Zugewanderte auf dem Weg in den sächsischen Arbeitsmarkt: "
        "mit Anerkennungs- und Qualifizierungsberatung, Qualifizierungen, interkulturellen "
        "Schulungen für Arbeitsmarktakteure und regionalen Fachkräftenetzwerken.</p>",
    },
    "en": {
        "title": "IQ Network Saxony",
        "intro": "<p>We support immigrants on their way into the Saxon labour market: with "
        "recognition and qualification counselling, qualification measures, intercultural "
        "training for labour-market actors and regional skilled-worker networks.</p>",
    },
}

AREAS = [
    {
        "slug": "anerkennungsberatung",
        "number": 1,
        "de": {
            "title": "Anerkennungs- und Qualifizierungsberatung",
            "summary": "Zentrales Aktionsfeld ist die IBAS – Informations- und Beratungsstelle "
            "Arbeitsmarkt Sachsen mit drei Beratungsorten. Dazu kommt die Beratung Faire "
            "Integration zu arbeits- und sozialrechtlichen Fragen.",
            "body": stream(
                ("heading", {"text": "IBAS – Informations- und Beratungsstelle Arbeitsmarkt Sachsen", "level": "h2"}),
                ("paragraph", paragraphs(
                    "Zentrales Aktionsfeld ist die IBAS – Informations- und Beratungsstelle "
                    "Arbeitsmarkt Sachsen mit drei verschiedenen Beratungsorten. IBAS berät zur "
                    "Anerkennung von ausländischen Qualifikationen und zur beruflichen Integration, "
                    "z.&nbsp;B. über Qualifizierung.",
                    "Ziele der Beratung sind sowohl die vollständige Anerkennung von ausländischen "
                    "Abschlüssen als auch bessere Chancen auf dem Arbeitsmarkt für den Einzelnen.")),
                ("heading", {"text": "Beratung Faire Integration", "level": "h2"}),
                ("paragraph", paragraphs(
                    "An drei Beratungsorten in Sachsen werden Geflüchtete sowie Migrantinnen und "
                    "Migranten, die nicht aus der EU kommen und die auf dem sächsischen Arbeitsmarkt "
                    "aktiv sind oder sein wollen, zu arbeits- und sozialrechtlichen Fragen in "
                    "verschiedenen Sprachen informiert und beraten. Auch Unternehmen können dieses "
                    "Angebot nutzen.")),
            ),
        },
        "en": {
            "title": "Recognition and qualification counselling",
            "summary": "The central field of action is IBAS – the information and counselling "
            "centre for the Saxon labour market with three counselling locations – together with "
            "the Fair Integration counselling on questions of labour and social law.",
            "body": stream(
                ("heading", {"text": "IBAS – Information and counselling centre for the Saxon labour market", "level": "h2"}),
                ("paragraph", paragraphs(
                    "The central field of action is IBAS, the information and counselling centre "
                    "for the Saxon labour market, with three different counselling locations. IBAS "
                    "advises on the recognition of foreign qualifications and on integration into "
                    "work, for example through further qualification.",
                    "The counselling aims both at the full recognition of foreign qualifications "
                    "and at better chances on the labour market for each individual.")),
                ("heading", {"text": "Fair Integration counselling", "level": "h2"}),
                ("paragraph", paragraphs(
                    "At three counselling locations in Saxony, refugees and migrants from outside "
                    "the EU who work or want to work on the Saxon labour market receive information "
                    "and advice on questions of labour and social law in several languages. "
                    "Companies can use this service too.")),
            ),
        },
    },
    {
        "slug": "qualifizierung",
        "number": 2,
        "de": {
            "title": "Qualifizierungsmaßnahmen im Kontext des Anerkennungsgesetzes",
            "summary": "Qualifizierungen, die direkt auf ein Anerkennungsverfahren aufbauen – "
            "für die vollständige Anerkennung ausländischer Abschlüsse und bessere Chancen auf "
            "dem Arbeitsmarkt.",
            "body": stream(
                ("paragraph", paragraphs(
                    "Die Qualifizierungsmaßnahmen zielen sowohl auf die vollständige Anerkennung von "
                    "ausländischen Abschlüssen als auch auf das Erreichen besserer Chancen für die "
                    "langfristige Integration in den Arbeitsmarkt für den Einzelnen ab.",
                    "Daher müssen sie direkt auf ein Anerkennungsverfahren aufbauen.")),
            ),
        },
        "en": {
            "title": "Qualification measures under the Recognition Act",
            "summary": "Qualifications that build directly on a recognition procedure – for the "
            "full recognition of foreign qualifications and better chances on the labour market.",
            "body": stream(
                ("paragraph", paragraphs(
                    "The qualification measures aim both at the full recognition of foreign "
                    "qualifications and at better chances for each individual's long-term "
                    "integration into the labour market.",
                    "They therefore have to build directly on a recognition procedure.")),
            ),
        },
    },
    {
        "slug": "interkulturelle-kompetenz",
        "number": 3,
        "de": {
            "title": "Interkulturelle Kompetenzentwicklung der zentralen Arbeitsmarktakteure",
            "summary": "Schulungen, Trainings und Informationsveranstaltungen für Mitarbeitende "
            "der Arbeitsverwaltung, von Unternehmen, Beratungseinrichtungen, Bildungsdienstleistern, "
            "Kammern, Kommunen und im Ehrenamt.",
            "body": stream(
                ("paragraph", paragraphs(
                    "In diesem Handlungsschwerpunkt steht die Unterstützung interkultureller "
                    "Öffnungsprozesse zur nachhaltigen Verbesserung der Arbeitsmarktintegration über "
                    "die Qualifizierung von Arbeitsmarktakteuren im Vordergrund.",
                    "Adressaten sind vor allem Mitarbeitende der Arbeitsverwaltung, von kleinen und "
                    "mittleren Unternehmen, aus kommunalen und weiteren Beratungseinrichtungen, von "
                    "Bildungsdienstleistern; Fachlehrende; Mitarbeitende von Kammern und "
                    "Unternehmen, der kommunalen Verwaltung und im Ehrenamt.")),
                ("heading", {"text": "Gesamtprogramm „Interkulturelle Schulung der Arbeitsmarktakteure“", "level": "h2"}),
                ("paragraph", paragraphs(
                    "Das Gesamtprogramm umfasst Schulungen, Trainings und Informationsveranstaltungen "
                    "zur Wissensvermittlung, zur interkulturellen Handlungs- und "
                    "Kommunikationskompetenz, der Sprachsensibilisierung sowie zum Integrierten "
                    "Fach- und Sprachlernen.")),
                ("heading", {"text": "Strukturelle Gremienarbeit „Kommunales Schnittstellenmanagement Leipzig“", "level": "h2"}),
                ("paragraph", paragraphs(
                    "In Leipzig wird auf die Schaffung von Vernetzung und Transparenz der Akteure "
                    "und deren Zusammenwirken in einem Regionalraum abgezielt; "
                    "Verantwortungskooperationen sollen aufgebaut werden.",
                    "Dazu erfolgt die Fortentwicklung des bisherigen Regionalworkshops zum neuen "
                    "„Koordinierungsgremium“, die Begleitung der Schaffung effektiver Strukturen und "
                    "die Unterstützung der inhaltlichen Auseinandersetzung der Akteure mit dem "
                    "Thema der arbeitsmarktlichen Integration und interkultureller Kompetenzen.")),
            ),
        },
        "en": {
            "title": "Intercultural competence of the key labour-market actors",
            "summary": "Training courses, practice trainings and information events for staff of "
            "the employment administration, companies, counselling services, education providers, "
            "chambers, municipalities and volunteers.",
            "body": stream(
                ("paragraph", paragraphs(
                    "This action area focuses on supporting intercultural opening processes that "
                    "lastingly improve labour-market integration by qualifying labour-market actors.",
                    "It addresses above all staff of the employment administration, of small and "
                    "medium-sized enterprises, of municipal and other counselling services and of "
                    "education providers; subject teachers; staff of chambers and companies, of "
                    "municipal administrations and volunteers.")),
                ("heading", {"text": "The programme “Intercultural training for labour-market actors”", "level": "h2"}),
                ("paragraph", paragraphs(
                    "The programme comprises training courses, practice trainings and information "
                    "events on knowledge transfer, intercultural competence in action and "
                    "communication, language awareness and integrated subject and language learning.")),
                ("heading", {"text": "Structural committee work “Municipal interface management Leipzig”", "level": "h2"}),
                ("paragraph", paragraphs(
                    "In Leipzig the aim is networking and transparency among the actors and their "
                    "cooperation within the region; shared responsibilities are to be built up.",
                    "To this end the former regional workshop is developed into the new "
                    "“coordination committee”, effective structures are accompanied and the actors "
                    "are supported in working on labour-market integration and intercultural "
                    "competence.")),
            ),
        },
    },
    {
        "slug": "fachkraeftenetzwerke",
        "number": 4,
        "de": {
            "title": "Regionale Fachkräftenetzwerke – Einwanderung",
            "summary": "Die Fachinformationszentren Zuwanderung in Leipzig, Dresden und Chemnitz "
            "sind zentrale Anlaufstellen; die Hotline Leitstelle Zuwanderung informiert alle "
            "anderen Regionen Sachsens.",
            "body": stream(
                ("paragraph", paragraphs(
                    "Die Fachinformationszentren Zuwanderung in Leipzig, Dresden und Chemnitz sind "
                    "zentrale Anlaufstellen für alle Zielgruppen im Bereich Zuwanderung in den "
                    "Arbeitsmarkt.",
                    "Über die Hotline Leitstelle Zuwanderung gibt es Erstinformationen auch für alle "
                    "sächsischen Regionen außerhalb der Ballungsräume Leipzig, Dresden und Chemnitz.")),
            ),
        },
        "en": {
            "title": "Regional skilled-worker networks – immigration",
            "summary": "The specialist information centres on immigration in Leipzig, Dresden and "
            "Chemnitz are central points of contact; the hotline Leitstelle Zuwanderung informs all "
            "other regions of Saxony.",
            "body": stream(
                ("paragraph", paragraphs(
                    "The specialist information centres on immigration in Leipzig, Dresden and "
                    "Chemnitz are the central points of contact for all target groups on "
                    "immigration into the labour market.",
                    "The hotline Leitstelle Zuwanderung gives first information to all Saxon regions "
                    "outside the conurbations of Leipzig, Dresden and Chemnitz.")),
            ),
        },
    },
]

# The applicant day is the job fairs plugin's page (jobmessen/bewerbertag-bau-2016/); earlier
# demos also had it as a report here, a second page with the same story: removed on load.
RETIRED = [("fachkraeftenetzwerke", StandardPage, "bewerbertag-bau-2016")]

REPORTS = [
    {
        "area": "interkulturelle-kompetenz",
        "slug": "regionalworkshop-meissen",
        "de": {
            "title": "Regionalworkshop im Landkreis Meißen: der „Integrationswegweiser“",
            "summary": "Im Landkreis Meißen erarbeiten Agentur für Arbeit, Jobcenter und Ämter "
            "der Landkreisverwaltung ein Schnittstellenpapier zu Zuständigkeiten und "
            "Ansprechpartnern bei der Integration Zugewanderter in den Arbeitsmarkt.",
            "body": stream(
                ("quote", {"text": "… so langsam stellt sich der Erfolg und auch die Freude über "
                           "das „Papier“ ein …",
                           "attribute_name": "Frau Kretzschmar, Ausländeramt des Landratsamtes Meißen"}),
                ("paragraph", paragraphs(
                    "Das IQ Netzwerk Sachsen unterstützt im Landkreis mit dem „Workshop "
                    "Integrationswegweiser“ die Erarbeitung des Schnittstellenpapiers zu "
                    "Partnerverantwortung, Zuständigkeiten und konkreten Ansprechpartnern der "
                    "Institutionen bei der Integration Zugewanderter in den Arbeitsmarkt. Vertreten "
                    "sind die zuständigen Mitarbeitenden der Agentur für Arbeit und der am "
                    "Integrationsprozess beteiligten Ämter der Landkreisverwaltung, dazu das "
                    "Jobcenter, denn der Landkreis Meißen ist eine der fünf sächsischen "
                    "Optionskommunen.",
                    "Die Ziele: 1. Der Mensch im Mittelpunkt – Teilhabe, Lebensperspektive und "
                    "Integration sichern. 2. Schnittstellen zu den Gemeinden und den "
                    "Sozialraumbezug darstellen. 3. Übersicht und Transparenz über alle Angebote für "
                    "Geflüchtete im Landkreis herstellen. 4. Einbeziehung ämterübergreifender "
                    "Gremien und weiterer Beteiligter ermöglichen.",
                    "Weitere Informationen beim Teilprojekt „Interkulturelle Öffnung über "
                    "Fachaustausch“, Anja Stephan, stephan@prozesskette-sachsen.de.")),
            ),
        },
        "en": {
            "title": "Regional workshop in the district of Meißen: the “integration guide”",
            "summary": "In the district of Meißen the employment agency, the Jobcenter and the "
            "district's offices draw up an interface paper on responsibilities and contact persons "
            "for the labour-market integration of immigrants.",
            "body": stream(
                ("quote", {"text": "… slowly the success, and the joy about the “paper”, are "
                           "showing …",
                           "attribute_name": "Ms Kretzschmar, foreigners' office of the Meißen district"}),
                ("paragraph", paragraphs(
                    "With the “integration guide workshop” the IQ Network Saxony supports the district "
                    "in drawing up an interface paper on partners' responsibilities and the contact "
                    "persons of each institution. The employment agency, the district offices "
                    "involved and the Jobcenter take part – Meißen is one of Saxony's five "
                    "municipalities that run their Jobcenter themselves.",
                    "The goals: 1. People at the centre – securing participation, prospects and "
                    "integration. 2. Showing the interfaces to the municipalities and the local "
                    "community. 3. An overview of all services for refugees in the district. "
                    "4. Involving cross-office committees and further partners.",
                    "More information from the sub-project “Intercultural opening through expert "
                    "exchange”, Anja Stephan, stephan@prozesskette-sachsen.de.")),
            ),
        },
    },
]

EXAMPLE = "Beispielinhalt: bitte vor dem Livegang durch die echten Angaben ersetzen."
EXAMPLE_EN = "Example content: replace with the real details before going live."

LEGAL = [
    ("impressum", "imprint_page",
     {"title": "Impressum", "summary": EXAMPLE,
      "body": stream(("paragraph", paragraphs(
          "IQ Netzwerk Sachsen – Koordination (Beispieladresse), Musterstraße 1, 04109 Leipzig.",
          "Das Förderprogramm „Integration durch Qualifizierung (IQ)“ wird durch das "
          "Bundesministerium für Arbeit und Soziales und den Europäischen Sozialfonds gefördert.")))},
     {"title": "Imprint", "summary": EXAMPLE_EN,
      "body": stream(("paragraph", paragraphs(
          "IQ Network Saxony – coordination (example address), Musterstraße 1, 04109 Leipzig.",
          "The funding programme “Integration durch Qualifizierung (IQ)” is funded by the German "
          "Federal Ministry of Labour and Social Affairs and the European Social Fund.")))}),
    ("datenschutz", "privacy_page",
     {"title": "Datenschutzerklärung", "summary": EXAMPLE,
      "body": stream(("paragraph", paragraphs(
          "Wenn Sie sich zu einer Veranstaltung anmelden, speichern wir Ihre Angaben nur für deren "
          "Durchführung. Nach Ablauf der Aufbewahrungsfrist werden personenbezogene Daten gelöscht.",
          "Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten.")))},
     {"title": "Privacy policy", "summary": EXAMPLE_EN,
      "body": stream(("paragraph", paragraphs(
          "When you register for an event we keep your details only to run it. Personal data is "
          "erased after the retention period.",
          "You have the right to access, correct and erase your data.")))}),
    ("barrierefreiheit", "accessibility_page",
     {"title": "Erklärung zur Barrierefreiheit", "summary": EXAMPLE,
      "body": stream(("paragraph", paragraphs(
          "Diese Website soll den Anforderungen der BITV 2.0 und der WCAG 2.1 (Stufe AA) "
          "entsprechen. Barrieren melden Sie bitte an die im Impressum genannte Adresse.")))},
     {"title": "Accessibility statement", "summary": EXAMPLE_EN,
      "body": stream(("paragraph", paragraphs(
          "This website aims to meet BITV 2.0 and WCAG 2.1 level AA. Please report barriers to the "
          "address given in the imprint.")))}),
]


# The demo picture (events/demo_images.py) at the top of each action area's body.
AREA_IMAGES = {1: "recognition", 2: "qualification", 3: "intercultural", 4: "network"}


def with_image(ctx, key, body=()):
    """`body` (StreamField data) after an image block with picture `key`: (de, en)."""
    fields_de, fields_en = page_image(ctx, key)
    return tuple(
        stream(("image", {"image": {"image": fields["image"].pk, "alt_text": fields["image_alt"],
                                    "decorative": False},
                          "caption": "", "attribution": ""}))
        + list(body)
        for fields in (fields_de, fields_en)
    )


def load(ctx):
    home = ctx.home("de")
    body_de, body_en = with_image(ctx, "welcome")
    if ctx._apply(home, dict(HOME["de"], body=body_de)) or home.has_unpublished_changes:
        home.save_revision().publish()
        ctx._report(home, "updated")
    home_en = ctx.translate_page(home, "en", **HOME["en"], body=body_en)
    assert isinstance(home_en, HomePage)

    areas = {}
    for area in AREAS:
        key = AREA_IMAGES.get(area["number"], "network")
        body_de = with_image(ctx, key, area["de"].get("body", []))[0]
        body_en = with_image(ctx, key, area["en"].get("body", []))[1]
        page = ctx.upsert_page(home, ProgrammePage, area["slug"], number=area["number"],
                               show_in_menus=True, **dict(area["de"], body=body_de))
        ctx.translate_page(page, "en", number=area["number"], **dict(area["en"], body=body_en))
        areas[area["slug"]] = page

    for report in REPORTS:
        page = ctx.upsert_page(areas[report["area"]], StandardPage, report["slug"], **report["de"])
        ctx.translate_page(page, "en", **report["en"])
    for area, model, slug in RETIRED:
        ctx.remove_page(areas[area], model, slug)

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    links = {}
    for slug, setting, de, en in LEGAL:
        page = ctx.upsert_page(home, StandardPage, slug, show_in_menus=False, **de)
        ctx.translate_page(page, "en", **en)
        links[setting] = page
    if any(getattr(footer, f"{name}_id") != page.pk for name, page in links.items()):
        for name, page in links.items():
            setattr(footer, name, page)
        footer.save()
