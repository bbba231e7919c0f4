"""Which column of an office's list holds which field of a person.

Headers are compared after folding case, umlauts, spaces and punctuation, so
"E-Mail", "eMail " and "Email" are the same column, as are "Straße",
"Strasse" and "Str.".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.people.persons import LABELS

HOUSE_NUMBER = "house_number"
"""Not a field of its own: joined to the street."""

FIELD_LABELS: dict[str, str] = {
    **LABELS,
    HOUSE_NUMBER: "Hausnummer",
    "status": "Status",
    "roles": "Rollen",
    "interests": "Interessen",
    "skills": "Fähigkeiten",
    "languages": "Sprachen",
}
REQUIRED_FIELDS = ("last_name",)
MULTI_COLUMN_FIELDS = frozenset({"notes", "roles", "interests", "skills", "languages"})
"""Fields that several columns may feed: their values are joined."""

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "salutation": ("Anrede", "Salutation"),
    "title": ("Titel", "Akad. Titel", "Akademischer Titel", "Title"),
    "first_name": ("Vorname", "Vornamen", "Rufname", "First name", "Given name"),
    "last_name": ("Nachname", "Name", "Familienname", "Zuname", "Last name", "Surname"),
    "street": (
        "Straße",
        "Str.",
        "Straße und Hausnummer",
        "Straße Hausnummer",
        "Straße/Hausnummer",
        "Straße Nr.",
        "Straße und Nr.",
        "Anschrift",
        "Adresse",
        "Street",
    ),
    HOUSE_NUMBER: ("Hausnummer", "Hausnr.", "HNr.", "House number"),
    "postal_code": ("PLZ", "Postleitzahl", "ZIP", "Postcode", "Postal code"),
    "city": ("Ort", "Wohnort", "Stadt", "Gemeinde", "City", "Town"),
    "phone": (
        "Telefon",
        "Tel.",
        "Telefonnummer",
        "Tel.-Nr.",
        "Festnetz",
        "Telefon privat",
        "Tel. privat",
        "Phone",
    ),
    "mobile": (
        "Mobil",
        "Handy",
        "Mobiltelefon",
        "Mobilnummer",
        "Handynummer",
        "Mobilfunk",
        "Telefon mobil",
        "Mobile",
    ),
    "email": ("E-Mail", "Mail", "E-Mail-Adresse", "Mailadresse", "Email address"),
    "birth_date": (
        "Geburtsdatum",
        "geb.",
        "Geb.-Datum",
        "Geburtstag",
        "geboren",
        "geboren am",
        "geb. am",
        "Date of birth",
        "Birth date",
    ),
    "notes": (
        "Notizen",
        "Notiz",
        "Bemerkung",
        "Bemerkungen",
        "Anmerkung",
        "Anmerkungen",
        "Kommentar",
        "Hinweise",
        "Notes",
    ),
    "engaged_since": ("Engagiert seit", "Ehrenamtlich seit", "Aktiv seit"),
    "status": ("Status",),
    "roles": ("Rollen", "Rolle", "Roles"),
    "interests": ("Interessen", "Interesse", "Interessengebiete", "Interests"),
    "skills": ("Fähigkeiten", "Kenntnisse", "Kompetenzen", "Skills"),
    "languages": ("Sprachen", "Sprache", "Sprachkenntnisse", "Languages"),
}

ROLE_LABELS = german_names(Role)
_ROLE_SYNONYMS: dict[Role, tuple[str, ...]] = {
    Role.VOLUNTEER: (
        "Ehrenamtliche",
        "Ehrenamtlicher",
        "Ehrenamt",
        "Freiwillige",
        "Freiwilliger",
        "Freiwillige/r",
    ),
    Role.PASSENGER: ("Fahrgäste", "Passagier", "Passagierin"),
    Role.DRIVER: ("Fahrer", "Fahrerin", "Fahrer/-in"),
    Role.CLUB_CONTACT: (
        "Ansprechpartner",
        "Ansprechpartnerin",
        "Kontaktperson",
        "Vereinskontakt",
    ),
    Role.SPONSOR: ("Sponsor", "Sponsorin", "Förderer", "Förderin", "Förderer/in", "Spender"),
    Role.STAFF: ("Mitarbeiter", "Mitarbeiterin", "Hauptamt", "Hauptamtliche/r"),
}
STATUS_LABELS = german_names(PersonStatus)

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_DROPPED_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """The comparison key of a header or a word: "Straße " → "strasse", "E-Mail" → "email"."""
    return _NOT_ALPHANUMERIC.sub("", text.casefold().translate(_UMLAUTS))


def _keys(words: Iterable[str]) -> set[str]:
    """Both spellings people use without umlauts: "Faehigkeiten" and "Fahigkeiten"."""
    keys = set()
    for word in words:
        keys.add(fold(word))
        keys.add(_NOT_ALPHANUMERIC.sub("", word.casefold().translate(_DROPPED_UMLAUTS)))
    return keys


def _index(names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    return {key: name for name, words in names.items() for key in _keys(words)}


_FIELD_BY_KEY = _index(
    {field: (*words, field, FIELD_LABELS[field]) for field, words in _SYNONYMS.items()}
)
_ROLE_BY_KEY = _index(
    {role: (*words, role.value, ROLE_LABELS[role]) for role, words in _ROLE_SYNONYMS.items()}
)
_STATUS_BY_KEY = _index(
    {
        PersonStatus.ACTIVE: ("aktiv", "active"),
        PersonStatus.INACTIVE: ("inaktiv", "nicht aktiv", "ruhend", "inactive"),
        PersonStatus.ARCHIVED: ("archiviert", "archived"),
    }
)


def recognise_header(header: str) -> str | None:
    """The field a column title names, or None."""
    return _FIELD_BY_KEY.get(fold(header)) if header.strip() else None


def recognise_role(word: str) -> Role | None:
    return _ROLE_BY_KEY.get(fold(word))  # type: ignore[return-value]


def recognise_status(word: str) -> PersonStatus | None:
    return _STATUS_BY_KEY.get(fold(word))  # type: ignore[return-value]


def suggest_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Header → field for every column; None for columns not recognised or already taken.

    A field is given to its first column only, except fields several columns may
    feed (notes, roles and the word lists).
    """
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:
        field = recognise_header(header)
        if field in taken and field not in MULTI_COLUMN_FIELDS:
            field = None
        if field is not None:
            taken.add(field)
        mapping[header] = field
    return mapping


def field_for(name: str) -> str:
    """A field named by its code name ("last_name") or any header word ("Nachname")."""
    if name in FIELD_LABELS:
        return name
    field = recognise_header(name)
    if field is None:
        known = ", ".join(f"{key} ({label})" for key, label in FIELD_LABELS.items())
        raise ServiceError(f"Unbekanntes Feld „{name}“. Möglich sind: {known}.")
    return field


def merge_mapping(
    headers: Sequence[str], explicit: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    """The automatic mapping with the user's choices laid over it.

    A field the user gives to a column is taken away from any column it was
    suggested for, so one choice is enough to move it.
    """
    mapping = suggest_mapping(headers)
    if not explicit:
        return mapping
    missing = [header for header in explicit if header not in mapping]
    if missing:
        names = ", ".join(f"„{header}“" for header in missing)
        raise ServiceError(f"Diese Spalten gibt es in der Datei nicht: {names}.")
    chosen = {header: field_for(field) if field else None for header, field in explicit.items()}
    for header, field in mapping.items():
        if header not in chosen and field in chosen.values() and field not in MULTI_COLUMN_FIELDS:
            mapping[header] = None
    mapping.update(chosen)
    _require_single_columns(mapping)
    return mapping


def _require_single_columns(mapping: Mapping[str, str | None]) -> None:
    columns: dict[str, list[str]] = {}
    for header, field in mapping.items():
        if field is not None and field not in MULTI_COLUMN_FIELDS:
            columns.setdefault(field, []).append(header)
    for field, headers in columns.items():
        if len(headers) > 1:
            names = " und ".join(f"„{header}“" for header in headers)
            raise ServiceError(
                f"Die Spalten {names} sind beide dem Feld „{FIELD_LABELS[field]}“ zugeordnet."
            )
