"""Staff logins: the office's register and what each role may do with each table.

``TABLE_PRIVILEGES`` is the one matrix of the roles: the GRANTs on PostgreSQL
(``engagement_desk.staff_grants``) are generated from it, and the window's
capability checks (``services.staff.access``) are derived from it, so what the
window offers and what the server allows cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from types import MappingProxyType

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from engagement_desk.models.base import Base, UTCDateTime, enum_type, text_column, utcnow
from engagement_desk.models.enums import StaffRole


class StaffMember(Base):
    """A staff member's login on the PostgreSQL server, as the office knows it.

    Written only by the staff functions on the server (SECURITY DEFINER); on the
    single-PC SQLite database the table exists but stays empty.
    """

    __tablename__ = "staff_member"
    # Logins belong to one server: the interchange format leaves the register out.
    __table_args__ = {"info": {"interchange": False}}

    id: Mapped[int] = mapped_column(primary_key=True, doc="Entry number.")
    login: Mapped[str] = mapped_column(
        String(63), nullable=False, unique=True, doc="PostgreSQL login name (lower case)."
    )
    full_name: Mapped[str] = text_column(200, "Name shown in the audit trail and the window.")
    role: Mapped[StaffRole] = mapped_column(
        enum_type(StaffRole, "staff_role"),
        nullable=False,
        doc="leitung, buero, fahrdienst or lesen.",
    )
    active: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=True, doc="False once the login is disabled."
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, doc="When the login was added (UTC)."
    )
    created_by: Mapped[str] = text_column(63, "Login that added it.")


READ = frozenset({"SELECT"})
WRITE = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})
APPEND = frozenset({"SELECT", "INSERT"})

PEOPLE_TABLES = (
    "person",
    "person_role",
    "person_tag",
    "consent",
    "consent_event",
    "availability",
    "absence",
)
HEALTH_TABLES = ("mobility_needs", "ride_passenger", "standing_order", "standing_order_pause")
"""Passengers' needs and what carries a copy of them: Leitung and Fahrdienst only."""
PLAIN_RIDE_TABLES = (
    "ride",
    "ride_service",
    "vehicle",
    "driver_profile",
    "driver_preference",
    "standby_driver",
)
"""Ride tables without health data: the office may read them."""
ORGANIZATION_TABLES = (
    "center",
    "organization",
    "organization_contact",
    "organization_center",
    "opportunity",
    "opportunity_skill",
    "placement",
    "placement_step",
)
EVENT_TABLES = ("event", "shift", "registration", "event_question")
CERTIFICATE_TABLES = ("certificate", "certificate_template")
LETTER_TEMPLATE_TABLE = "letter_template"
SAVED_FILTER_TABLE = "saved_filter"
"""The people list's saved filters: whoever keeps people may save one."""
SETTINGS_TABLES = ("agency_settings", "signatory")
HOURS_TABLE = "hours_entry"
HOURS_CORRECTION_TABLE = "hours_correction"
"""Why hours were corrected: written with the entry, by whoever may write hours."""
HOURS_TOTAL_TABLE = "hours_year_total"
"""Yearly sums of hours, written by triggers that run as whoever writes hours."""
HOURS_MONTH_TABLE = "hours_month_total"
"""Monthly sums of hours for the Auswertung, written by triggers like the yearly ones."""
AUDIT_TABLE = "audit_entry"
STAFF_TABLE = "staff_member"
SEARCH_TABLE = "search_document"
"""PostgreSQL's search index, written by triggers that run as whoever changes a record."""
VERSION_TABLE = "alembic_version"

ALL_TABLES = (
    *PEOPLE_TABLES,
    *HEALTH_TABLES,
    *PLAIN_RIDE_TABLES,
    *ORGANIZATION_TABLES,
    *EVENT_TABLES,
    *CERTIFICATE_TABLES,
    LETTER_TEMPLATE_TABLE,
    SAVED_FILTER_TABLE,
    *SETTINGS_TABLES,
    HOURS_TABLE,
    HOURS_CORRECTION_TABLE,
    HOURS_TOTAL_TABLE,
    HOURS_MONTH_TABLE,
    AUDIT_TABLE,
    STAFF_TABLE,
    SEARCH_TABLE,
    VERSION_TABLE,
)


def _grants(*parts: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for part in parts:
        for table, privileges in part.items():
            merged[table] = merged.get(table, frozenset()) | privileges
    return MappingProxyType(merged)


def _each(tables: tuple[str, ...], privileges: frozenset[str]) -> dict[str, frozenset[str]]:
    return {table: privileges for table in tables}


_EVERYONE_READS = {STAFF_TABLE: READ, VERSION_TABLE: READ}

# The staff register is written only through the SECURITY DEFINER functions,
# so even Leitung holds no direct write on it; the audit trail is append-only.
TABLE_PRIVILEGES: Mapping[StaffRole, Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        StaffRole.LEITUNG: _grants(
            _each(PEOPLE_TABLES, WRITE),
            _each(HEALTH_TABLES, WRITE),
            _each(PLAIN_RIDE_TABLES, WRITE),
            _each(ORGANIZATION_TABLES, WRITE),
            _each(EVENT_TABLES, WRITE),
            _each(CERTIFICATE_TABLES, WRITE),
            {LETTER_TEMPLATE_TABLE: WRITE, SAVED_FILTER_TABLE: WRITE},
            _each(SETTINGS_TABLES, WRITE),
            {
                HOURS_TABLE: WRITE,
                HOURS_CORRECTION_TABLE: WRITE,
                HOURS_TOTAL_TABLE: WRITE,
                HOURS_MONTH_TABLE: WRITE,
                AUDIT_TABLE: WRITE,
                SEARCH_TABLE: WRITE,
            },
            _EVERYONE_READS,
        ),
        StaffRole.BUERO: _grants(
            _each(PEOPLE_TABLES, WRITE),
            _each(PLAIN_RIDE_TABLES, READ),
            _each(ORGANIZATION_TABLES, WRITE),
            _each(EVENT_TABLES, WRITE),
            _each(CERTIFICATE_TABLES, WRITE),
            {LETTER_TEMPLATE_TABLE: WRITE, SAVED_FILTER_TABLE: WRITE},
            _each(SETTINGS_TABLES, READ),
            {HOURS_TABLE: WRITE, AUDIT_TABLE: APPEND, SEARCH_TABLE: WRITE},
            {HOURS_CORRECTION_TABLE: APPEND, HOURS_TOTAL_TABLE: WRITE, HOURS_MONTH_TABLE: WRITE},
            _EVERYONE_READS,
        ),
        StaffRole.FAHRDIENST: _grants(
            # Passengers (taken on the phone) and drivers (availability, absences).
            _each(PEOPLE_TABLES, WRITE),
            _each(HEALTH_TABLES, WRITE),
            _each(PLAIN_RIDE_TABLES, WRITE),
            _each(ORGANIZATION_TABLES, READ),
            _each(EVENT_TABLES, READ),
            _each(CERTIFICATE_TABLES, READ),
            {LETTER_TEMPLATE_TABLE: READ, SAVED_FILTER_TABLE: WRITE},
            _each(SETTINGS_TABLES, READ),
            # A ride reopened or given another driver takes its derived hours away.
            {HOURS_TABLE: WRITE, AUDIT_TABLE: APPEND, SEARCH_TABLE: WRITE},
            {HOURS_CORRECTION_TABLE: APPEND, HOURS_TOTAL_TABLE: WRITE, HOURS_MONTH_TABLE: WRITE},
            _EVERYONE_READS,
        ),
        StaffRole.LESEN: _grants(
            _each(PEOPLE_TABLES, READ),
            _each(PLAIN_RIDE_TABLES, READ),
            _each(ORGANIZATION_TABLES, READ),
            _each(EVENT_TABLES, READ),
            _each(CERTIFICATE_TABLES, READ),
            {LETTER_TEMPLATE_TABLE: READ, SAVED_FILTER_TABLE: READ},
            _each(SETTINGS_TABLES, READ),
            # The window records what it shows (AuditAction.READ): a reader appends.
            {HOURS_TABLE: READ, HOURS_CORRECTION_TABLE: READ, HOURS_TOTAL_TABLE: READ},
            {HOURS_MONTH_TABLE: READ},
            {AUDIT_TABLE: APPEND, SEARCH_TABLE: READ},
            _EVERYONE_READS,
        ),
    }
)


PASSENGER_LINKS = ("ride_id", "person_id")
"""Who rides on which ride, without the needs: what the conflict check of an event
registration and a person's activity read."""

COLUMN_READS: Mapping[StaffRole, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        StaffRole.BUERO: {"ride_passenger": PASSENGER_LINKS},
        StaffRole.LESEN: {"ride_passenger": PASSENGER_LINKS},
    }
)
"""SELECT on some columns of a table the role may not read as a whole."""


def may(role: StaffRole | None, table: str, privilege: str) -> bool:
    """Whether ``role`` holds ``privilege`` on ``table``; None (owner, SQLite) holds all."""
    if role is None:
        return True
    return privilege in TABLE_PRIVILEGES[role].get(table, frozenset())


GROUP_NAME_LIMIT = 63  # PostgreSQL's NAMEDATALEN - 1


def group_name(database: str, role: StaffRole) -> str:
    """The cluster-wide group role of ``role`` for one database, e.g. ``agentur_buero``.

    Group roles are per cluster but grants per database, so the name carries the
    database's; a name that needs changing to be a plain identifier, or that is too
    long, gets a hash of the database's real name so that two databases never share one.
    """
    plain = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in database)
    plain = plain.lower()
    suffix = f"_{role.value}"
    if plain == database and len(plain) + len(suffix) <= GROUP_NAME_LIMIT:
        return plain + suffix
    digest = hashlib.sha1(database.encode()).hexdigest()[:8]
    room = GROUP_NAME_LIMIT - len(suffix) - len(digest) - 1
    return f"{plain[:room]}_{digest}{suffix}"


TABLE_NOUNS: Mapping[str, str] = MappingProxyType(
    {
        "person": "Personen",
        "person_role": "Rollen von Personen",
        "person_tag": "Interessen und Fähigkeiten",
        "consent": "Einwilligungen",
        "consent_event": "den Verlauf der Einwilligungen",
        "availability": "Verfügbarkeiten",
        "absence": "Abwesenheiten",
        "mobility_needs": "Mobilitätsbedarf",
        "ride_passenger": "Fahrgäste mit ihrem Bedarf",
        "standing_order": "Daueraufträge mit dem Bedarf der Fahrgäste",
        "standing_order_pause": "Pausen der Daueraufträge",
        "ride": "Fahrten",
        "ride_service": "Fahrdienste",
        "vehicle": "Fahrzeuge",
        "driver_profile": "Angaben zu Fahrer/innen",
        "driver_preference": "bevorzugte Fahrer/innen",
        "standby_driver": "Bereitschaftsdienste",
        "center": "Zentren",
        "organization": "Organisationen",
        "organization_contact": "Ansprechpartner/innen",
        "organization_center": "Zuordnungen zu Zentren",
        "opportunity": "Engagement-Angebote",
        "opportunity_skill": "Fähigkeiten der Angebote",
        "placement": "Vermittlungen",
        "placement_step": "Schritte der Vermittlungen",
        "event": "Veranstaltungen",
        "shift": "Schichten",
        "registration": "Anmeldungen zu Veranstaltungen",
        "event_question": "Fragen zu Veranstaltungen",
        "certificate": "Nachweise",
        "certificate_template": "Vorlagen für Nachweise",
        "agency_settings": "die Einstellungen der Agentur",
        "signatory": "Unterzeichnende",
        "hours_entry": "Stunden",
        "hours_correction": "Korrekturen von Stunden",
        "hours_year_total": "die Jahressummen der Stunden",
        "hours_month_total": "die Monatssummen der Stunden",
        "audit_entry": "das Protokoll",
        "staff_member": "Mitarbeitende",
        "search_document": "den Suchindex",
    }
)
"""Each table as the object of a German sentence ("darf das nicht: Mobilitätsbedarf lesen")."""
