"""The fictional town: Kyllheim in the Eifel (Rheinland-Pfalz), its villages and places."""

from __future__ import annotations

from dataclasses import dataclass

TOWN = "Kyllheim"
TOWN_ADJECTIVE = "Kyllheimer"
TOWN_POSTAL_CODE = "54650"
TOWN_AREA_CODE = "06568"
TOWN_DOMAIN = "kyllheim.de"
PLATE_PREFIX = "BIT"
TOWN_HALL_STREET = "Rathausplatz 1"
COUNTY_TOWN = "Bitburg"
COUNTY_POSTAL_CODE = "54634"


@dataclass(frozen=True)
class Place:
    name: str
    postal_code: str
    area_code: str
    weight: int  # relative number of inhabitants


# The town itself and the villages of its Verbandsgemeinde.
PLACES: tuple[Place, ...] = (
    Place(TOWN, TOWN_POSTAL_CODE, TOWN_AREA_CODE, 520),
    Place("Oberkyll", "54651", "06568", 40),
    Place("Niederkyll", "54651", "06568", 35),
    Place("Hellenbach", "54652", "06569", 30),
    Place("Wiesenhausen", "54652", "06569", 25),
    Place("Erlenhof", "54653", "06569", 15),
    Place("Mühlenborn", "54653", "06563", 22),
    Place("Altscheid", "54654", "06563", 28),
    Place("Kapellenberg", "54654", "06563", 18),
    Place("Burgweiler", "54655", "06562", 26),
    Place("Heiderath", "54655", "06562", 14),
    Place("Steinbach an der Kyll", "54656", "06562", 24),
    Place("Lindenscheid", "54656", "06564", 16),
    Place("Rodershof", "54657", "06564", 12),
    Place("Eichelbach", "54657", "06564", 20),
    Place("Sankt Wendelin", "54658", "06565", 17),
    Place("Weidenbach", "54658", "06565", 21),
    Place("Hohenkyll", "54658", "06565", 13),
    Place("Brunnenthal", "54659", "06566", 19),
    Place("Waldrach-Eifel", "54659", "06566", 11),
    Place("Rosenthal", "54659", "06566", 15),
    Place("Heckenhof", "54659", "06566", 9),
)
VILLAGES = PLACES[1:]

# Where passengers go; (name, street, postal code, town, typical km from the town centre).
DESTINATIONS: dict[str, tuple[str, str, str, str, float]] = {
    "market": ("Wochenmarkt", "Marktplatz", TOWN_POSTAL_CODE, TOWN, 2.0),
    "doctor_weires": ("Hausarztpraxis Dr. Weires", "Hauptstraße 31", TOWN_POSTAL_CODE, TOWN, 2.5),
    "doctor_thelen": (
        "Gemeinschaftspraxis Dr. Thelen & Kollegen",
        "Bahnhofstraße 8",
        TOWN_POSTAL_CODE,
        TOWN,
        2.2,
    ),
    "eye_doctor": ("Augenarztpraxis Dr. Pauly", "Trierer Straße 17", TOWN_POSTAL_CODE, TOWN, 2.8),
    "dialysis": (
        "Dialysezentrum am Kreiskrankenhaus",
        "Krankenhausstraße 4",
        COUNTY_POSTAL_CODE,
        COUNTY_TOWN,
        18.0,
    ),
    "cemetery": ("Friedhof Kyllheim", "Friedhofsweg 1", TOWN_POSTAL_CODE, TOWN, 1.8),
    "senior_club": (
        "Seniorentreff im Mehrgenerationenhaus",
        "Bahnhofstraße 14",
        TOWN_POSTAL_CODE,
        TOWN,
        1.5,
    ),
    "physio": ("Physiotherapie am Stadtpark", "Am Stadtpark 5", TOWN_POSTAL_CODE, TOWN, 2.0),
    "supermarket": ("Einkauf Supermarkt", "Gewerbegebiet Nord 3", TOWN_POSTAL_CODE, TOWN, 3.5),
    "day_care": ("Tagespflege Haus Kylltal", "Kylltalstraße 22", TOWN_POSTAL_CODE, TOWN, 2.4),
    "foot_care": ("Fußpflege Schmitz", "Kirchgasse 3", TOWN_POSTAL_CODE, TOWN, 1.9),
    "gymnastics": ("Seniorengymnastik im Pfarrheim", "Kirchplatz 2", TOWN_POSTAL_CODE, TOWN, 1.7),
    "vaccination": (
        "Impfstelle im Gesundheitsamt",
        "Trierer Straße 49",
        COUNTY_POSTAL_CODE,
        COUNTY_TOWN,
        17.0,
    ),
}

# Where events take place.
VENUES: dict[str, str] = {
    "hall": f"Stadthalle {TOWN}, Am Stadtpark 2, {TOWN_POSTAL_CODE} {TOWN}",
    "council": f"Ratssaal im Rathaus, {TOWN_HALL_STREET}, {TOWN_POSTAL_CODE} {TOWN}",
    "mgh": f"Mehrgenerationenhaus, Bahnhofstraße 14, {TOWN_POSTAL_CODE} {TOWN}",
    "vhs": f"Volkshochschule, Schulstraße 5, {TOWN_POSTAL_CODE} {TOWN}",
    "parish": f"Pfarrheim St. Peter, Kirchplatz 2, {TOWN_POSTAL_CODE} {TOWN}",
    "village_hall": "Bürgerhaus Oberkyll, Dorfstraße 12, 54651 Oberkyll",
}
