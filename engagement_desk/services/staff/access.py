"""Who is logged in and what their role lets them do.

The capabilities are derived from the one table matrix in ``models.staff``
that also generates the GRANTs on PostgreSQL: the window disables what the
server would refuse anyway, and says why.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Engine, Row, event, text
from sqlalchemy.engine import ExceptionContext

from engagement_desk.db import Database
from engagement_desk.failures import note_login_role
from engagement_desk.models.staff import (
    ALL_TABLES,
    CERTIFICATE_TABLES,
    EVENT_TABLES,
    PEOPLE_TABLES,
    STAFF_TABLE,
    VERSION_TABLE,
    StaffRole,
    group_name,
    may,
)
from engagement_desk.models.vocabulary import german
from engagement_desk.services.audit import os_user

log = logging.getLogger(__name__)

__all__ = [
    "Capability",
    "SessionAccess",
    "StaffRole",
    "capabilities_of",
    "role_label",
    "session_access",
]


class Capability(enum.Enum):
    EDIT_PEOPLE = "edit_people"
    EDIT_RECORDS = "edit_records"
    EDIT_EVENTS = "edit_events"
    CERTIFICATES = "certificates"
    EDIT_HOURS = "edit_hours"
    READ_RIDES = "read_rides"
    EDIT_RIDES = "edit_rides"
    HEALTH_DATA = "health_data"
    PRIVACY = "privacy"
    IMPORT_EXPORT = "import_export"
    EDIT_SETTINGS = "edit_settings"
    ADMIN_STAFF = "admin_staff"


_ROW_WRITES = ("INSERT", "UPDATE", "DELETE")
_DATA_TABLES = tuple(t for t in ALL_TABLES if t not in (STAFF_TABLE, VERSION_TABLE))


def _needs(tables: Iterable[str], privileges: Iterable[str]) -> frozenset[tuple[str, str]]:
    return frozenset((table, privilege) for table in tables for privilege in privileges)


# What the server must allow for each capability (table, privilege).
_REQUIREMENTS: Mapping[Capability, frozenset[tuple[str, str]]] = MappingProxyType(
    {
        Capability.EDIT_PEOPLE: _needs(PEOPLE_TABLES, _ROW_WRITES),
        Capability.EDIT_RECORDS: _needs(("organization", "opportunity", "placement"), _ROW_WRITES),
        Capability.EDIT_EVENTS: _needs(EVENT_TABLES, _ROW_WRITES),
        Capability.CERTIFICATES: _needs(CERTIFICATE_TABLES, ("SELECT", "INSERT", "UPDATE")),
        Capability.EDIT_HOURS: _needs(("hours_entry",), ("SELECT", "INSERT", "UPDATE"))
        | _needs(("hours_correction",), ("INSERT",)),
        Capability.READ_RIDES: _needs(("ride", "ride_passenger", "standing_order"), ("SELECT",)),
        Capability.EDIT_RIDES: _needs(
            ("ride", "ride_passenger", "standing_order", "standing_order_pause"), _ROW_WRITES
        ),
        Capability.HEALTH_DATA: _needs(("mobility_needs",), ("SELECT", "INSERT", "UPDATE")),
        # Art. 15 reports and anonymising read and change everything about a person.
        Capability.PRIVACY: _needs(_DATA_TABLES, ("SELECT", "UPDATE", "DELETE")),
        Capability.IMPORT_EXPORT: _needs(_DATA_TABLES, ("SELECT", "INSERT")),
        Capability.EDIT_SETTINGS: _needs(("agency_settings", "signatory"), _ROW_WRITES),
    }
)
# Not a table privilege: EXECUTE on the staff functions, granted to Leitung only.
_STAFF_ADMINS = frozenset({StaffRole.LEITUNG})

_REFUSALS: Mapping[Capability, str] = MappingProxyType(
    {
        Capability.EDIT_PEOPLE: "keine Personen bearbeiten",
        Capability.EDIT_RECORDS: "keine Organisationen und Vermittlungen bearbeiten",
        Capability.EDIT_EVENTS: "keine Veranstaltungen bearbeiten",
        Capability.CERTIFICATES: "keine Nachweise ausstellen",
        Capability.EDIT_HOURS: "keine Stunden erfassen",
        Capability.READ_RIDES: "den Fahrdienst nicht einsehen",
        Capability.EDIT_RIDES: "keine Fahrten planen",
        Capability.HEALTH_DATA: "keinen Mobilitätsbedarf lesen",
        Capability.PRIVACY: (
            "keine Datenschutz-Auskünfte, Anonymisierungen oder Löschungen ausführen"
        ),
        Capability.IMPORT_EXPORT: "keine Daten importieren oder exportieren",
        Capability.EDIT_SETTINGS: "die Einstellungen nicht ändern",
        Capability.ADMIN_STAFF: "keine Mitarbeitenden verwalten",
    }
)


def capabilities_of(role: StaffRole | None) -> frozenset[Capability]:
    """Everything ``role`` may do; None (single-PC SQLite, the database owner) may do all."""
    if role is None:
        return frozenset(Capability)
    allowed = {
        capability
        for capability, needs in _REQUIREMENTS.items()
        if all(may(role, table, privilege) for table, privilege in needs)
    }
    if role in _STAFF_ADMINS:
        allowed.add(Capability.ADMIN_STAFF)
    return frozenset(allowed)


def role_label(role: StaffRole | None) -> str:
    """The role's German name; the owner shows as Leitung."""
    return german(role if role is not None else StaffRole.LEITUNG)


@dataclass(frozen=True)
class SessionAccess:
    login: str  # PostgreSQL login, or the OS user on SQLite
    display_name: str  # from staff_member, else the login
    role: StaffRole | None  # None: single-PC SQLite or the database owner: everything
    server: str  # "" on SQLite, else "host:port/database"

    @property
    def is_owner(self) -> bool:
        return self.role is None

    def allows(self, capability: Capability) -> bool:
        return capability in capabilities_of(self.role)

    def refusal(self, capability: Capability) -> str:
        """Why the window disables an action (German, for a tooltip); "" if allowed."""
        if self.allows(capability):
            return ""
        return f"Ihre Rolle „{role_label(self.role)}“ darf {_REFUSALS[capability]}."


def full_access() -> SessionAccess:
    """The single-PC SQLite user: no login, everything allowed."""
    user = os_user()
    return SessionAccess(login=user, display_name=user, role=None, server="")


# Strongest first: a login in two groups (not made by this program) counts as the stronger.
# "Owner" is whoever owns the tables (they migrated them) or a superuser: owning only the
# database gives no right on its tables, so such a login counts by its group like any other.
_ROLE_ORDER = (StaffRole.LEITUNG, StaffRole.BUERO, StaffRole.FAHRDIENST, StaffRole.LESEN)

_SESSION_QUERY = text(
    """
    SELECT session_user AS login,
           r.rolsuper
           OR COALESCE(pg_has_role(session_user, v.relowner, 'MEMBER'), false) AS owner,
           ARRAY(
               SELECT g.rolname::text FROM pg_roles g
               WHERE g.rolname = ANY(CAST(:groups AS text[]))
                 AND pg_has_role(session_user, g.oid, 'MEMBER')
           ) AS groups,
           has_table_privilege(to_regclass('public.staff_member'), 'SELECT')
           AS sees_register
    FROM pg_roles r
    LEFT JOIN pg_class v ON v.oid = to_regclass('public.alembic_version')
    WHERE r.rolname = session_user
    """
)


def server_label(db: Database) -> str:
    url = db.url
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _role_of(connection: Connection, database: str) -> tuple[Row[Any], StaffRole | None]:
    groups = {group_name(database, role): role for role in _ROLE_ORDER}
    row = connection.execute(_SESSION_QUERY, {"groups": list(groups)}).one()
    if row.owner:
        return row, None
    held = {groups[name] for name in row.groups}
    return row, next((r for r in _ROLE_ORDER if r in held), StaffRole.LESEN)


def session_access(db: Database) -> SessionAccess:
    """Who this connection is and which role it has (one short read)."""
    if db.is_sqlite:
        return full_access()
    with db.read_session() as session:
        row, role = _role_of(session.connection(), db.url.database or "")
        display_name = None
        if row.sees_register:
            display_name = session.execute(
                text("SELECT full_name FROM staff_member WHERE login = session_user")
            ).scalar()
    note_login_role("" if role is None else role_label(role))
    return SessionAccess(
        login=row.login,
        display_name=display_name or row.login,
        role=role,
        server=server_label(db),
    )


@event.listens_for(Engine, "handle_error")
def _name_the_refused_role(context: ExceptionContext) -> None:
    """A statement the server refused (42501) learns the login's role, for its message
    (``failures``): asked on a connection of its own, as the failed one is aborted."""
    if getattr(context.original_exception, "sqlstate", None) != "42501":
        return
    engine = context.engine
    if engine is None or engine.dialect.name != "postgresql":
        return
    try:
        with engine.connect() as connection:
            _row, role = _role_of(connection, engine.url.database or "")
            connection.rollback()
    except Exception:  # the message does without the role
        log.debug("Role of the refused login not found", exc_info=True)
        return
    label = "" if role is None else role_label(role)
    for error in (context.sqlalchemy_exception, context.original_exception):
        if error is not None:
            error.login_role = label  # type: ignore[union-attr]
