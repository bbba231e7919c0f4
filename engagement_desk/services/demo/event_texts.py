"""German texts for events: topics, trainings, projects, questions, minutes."""

from __future__ import annotations

# (title, trainer, hours, centre key or None)
TRAININGS: tuple[tuple[str, str, float, str | None], ...] = (
    ("Vereinsrecht kompakt", "Rechtsanwältin Dr. Sabine Kremer", 2.5, None),
    ("Datenschutz (DSGVO) im Verein", "Datenschutzbeauftragter Thomas Berens", 2.5, None),
    (
        "Fördermittel erfolgreich beantragen",
        "Landesnetzwerk Bürgerschaftliches Engagement Rheinland-Pfalz",
        5.0,
        None,
    ),
    ("Kassenführung und Gemeinnützigkeit", "Steuerberaterin Andrea Lamberty", 3.0, None),
    ("Erste Hilfe am Kind", "DRK-Kreisverband Bitburg-Prüm", 6.0, "family"),
    ("Social Media für Vereine", "Medienpädagogin Julia Scholtes", 2.5, "youth"),
    ("Versicherungsschutz im Ehrenamt", "Unfallkasse Rheinland-Pfalz", 2.0, None),
    ("Konflikte im Vorstand lösen", "Mediator Markus Thelen", 5.0, None),
    (
        "Nachwuchs gewinnen – junge Menschen fürs Ehrenamt",
        "Landesjugendring Rheinland-Pfalz",
        2.5,
        "youth",
    ),
    (
        "Demenz verstehen – Begleitung im Alltag",
        "Alzheimer Gesellschaft Rheinland-Pfalz",
        3.0,
        "seniors",
    ),
    ("Sicher unterwegs im Fahrdienst", "Verkehrswacht Bitburg-Prüm", 2.5, "seniors"),
    ("Interkulturelle Kompetenz", "Integrationsbeauftragte Fatima Haddad", 2.5, "migration"),
)

# (title, centre key or None, description)
WORKSHOPS: tuple[tuple[str, str | None, str], ...] = (
    (
        "Ehrenamt digital",
        None,
        "Vereinsarbeit mit Messenger, Cloud und Online-Abstimmungen ausprobieren.",
    ),
    (
        "Nachwuchs für den Vorstand",
        None,
        "Wie Vereine Aufgaben teilen und neue Leute für Vorstandsämter gewinnen.",
    ),
    (
        "Ideen für den Stadtpark",
        "architecture",
        "Gemeinsam Pläne für einen Park für alle Generationen entwickeln.",
    ),
    (
        "Engagement im Alter",
        "seniors",
        "Was Menschen nach dem Berufsleben antreibt – und wie Vereine sie willkommen heißen.",
    ),
    (
        "Klimaschutz vor der Haustür",
        "environment",
        "Projekte für Repair-Café, Gemeinschaftsgarten und Bachpatenschaften planen.",
    ),
    (
        "Willkommenskultur im Verein",
        "migration",
        "Neu Zugezogene und Geflüchtete für Vereine gewinnen.",
    ),
)

# (topic, centre key or None)
DIALOGUE_TOPICS: tuple[tuple[str, str | None], ...] = (
    ("Wie wollen wir in Kyllheim älter werden?", "seniors"),
    ("Innenstadt beleben – Leerstand nutzen", "architecture"),
    ("Mobil ohne eigenes Auto", "seniors"),
    ("Klimaschutz vor Ort", "environment"),
    ("Was brauchen Jugendliche in Kyllheim?", "youth"),
    ("Vereine in Zeiten knapper Kassen", None),
)

QUESTIONS = (
    "Wann wird der Radweg nach Oberkyll endlich fertig?",
    "Kann der Bürgerbus auch samstags fahren?",
    "Warum gibt es in der Innenstadt so wenige Sitzbänke?",
    "Wie können Vereine die Räume im Bürgerhaus günstiger nutzen?",
    "Gibt es Pläne für einen Jugendtreff in den Dörfern?",
    "Was passiert mit dem leerstehenden Kaufhaus am Markt?",
    "Wie unterstützt die Stadt Vereine bei der Digitalisierung?",
    "Kann die Stadt mehr öffentliche Toiletten einrichten?",
    "Wie wird der Hochwasserschutz an der Kyll verbessert?",
    "Warum wurde die Buslinie nach Hellenbach gestrichen?",
    "Wer kümmert sich um die Pflege der Streuobstwiesen?",
    "Gibt es Zuschüsse für barrierefreie Umbauten im Vereinsheim?",
    "Wie kann ich mich als Seniorin ehrenamtlich einbringen?",
    "Wird die Ehrenamtskarte auch im Schwimmbad anerkannt?",
    "Wann kommt schnelles Internet nach Altscheid?",
    "Wie geht es mit dem Ärztehaus weiter?",
    "Kann der Wochenmarkt auch nachmittags stattfinden?",
    "Wie werden Jugendliche an Entscheidungen im Stadtrat beteiligt?",
)

VOLUNTEER_DAY_PROJECTS = (
    "Spielplatz streichen (Kita Regenbogen)",
    "Uferreinigung an der Kyll",
    "Bücherflohmarkt der Stadtbücherei",
    "Gartenaktion im Seniorenzentrum St. Elisabeth",
    "Insektenhotel bauen mit Kindern",
    "Wanderweg freischneiden (Eifelverein)",
    "Kaffeenachmittag im Seniorenzentrum",
    "Fahrradcheck im Repair-Café",
    "Bänke im Stadtpark streichen",
    "Müllsammelaktion im Stadtwald",
    "Zaun am Sportplatz erneuern",
    "Vorlesestunde in der Stadtbücherei",
    "Beete im Gemeinschaftsgarten anlegen",
    "Malaktion im Jugendzentrum",
    "Kleiderkammer sortieren",
)

WORKING_GROUP_TOPICS = (
    "Bericht der Freiwilligenagentur",
    "Planung der Vereinsmesse",
    "Planung des Freiwilligentags",
    "Ehrenamtsabend und Nominierungen",
    "Seniorenfahrdienst: Fahrerinnen und Fahrer gesucht",
    "Förderprogramm Engagierte Stadt",
    "Jugendbeteiligung",
    "Raumbedarf der Vereine",
    "Ehrenamtskarte: Stand der Anträge",
    "Öffentlichkeitsarbeit und Amtsblatt",
)

MINUTES = (
    "Der Bericht wurde zur Kenntnis genommen; Rückfragen wurden beantwortet.",
    "Eine kleine Arbeitsgruppe bereitet bis zur nächsten Sitzung einen Vorschlag vor.",
    "Einstimmig beschlossen.",
    "Die Freiwilligenagentur klärt die offenen Fragen mit der Verwaltung.",
    "Vertagt auf die nächste Sitzung.",
    "Die Vereine melden ihren Bedarf bis Monatsende an die Freiwilligenagentur.",
)

SPONSOR_NOTES = (
    "Spende: Sektempfang",
    "Spende: Urkundenrahmen",
    "Spende: Buffet",
    "Spende: Gutscheine für die Geehrten",
    "Spende: Musik",
)
