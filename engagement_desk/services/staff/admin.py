"""Staff logins on the PostgreSQL server: add, list, change role, disable.

Every change goes through the SECURITY DEFINER functions of migration 0006
(``staff_grants``): the server itself checks that the caller is Leitung (or
the owner), so a Büro login is refused here just as in its own SQL client.
Passwords are turned into a SCRAM verifier on this computer (libpq's
``PQencryptPasswordConn``) before they are sent: the clear text never reaches
the server's statement log, and the program keeps it nowhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from engagement_desk.db import Database
from engagement_desk.models.enums import StaffRole
from engagement_desk.models.sort_keys import german_sort_key
from engagement_desk.models.staff import StaffMember
from engagement_desk.models.vocabulary import german, german_names
from engagement_desk.services.errors import FieldError, NotFoundError, ServiceError, ValidationError
from engagement_desk.staff_grants import LOGIN_PATTERN, MIN_PASSWORD_LENGTH

ONLY_ON_SERVER = (
    "Mitarbeitende und Anmeldungen gibt es nur mit einer PostgreSQL-Datenbank; "
    "die Einzelplatz-Datenbank braucht keine Anmeldung."
)
LOGIN_RULE = (
    "3 bis 63 Zeichen: Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich, "
    "am Anfang ein Buchstabe."
)
RESERVED_PREFIXES = ("pg_",)

FIELD_LABELS = {
    "login": "Anmeldename",
    "full_name": "Name",
    "role": "Rolle",
    "password": "Passwort",
}


class StaffOnlyOnServerError(ServiceError):
    """Staff administration on the single-PC SQLite database."""

    def __init__(self) -> None:
        super().__init__(ONLY_ON_SERVER)


@dataclass(frozen=True)
class StaffRecord:
    login: str
    full_name: str
    role: StaffRole
    active: bool
    created_at: dt.datetime
    created_by: str

    @property
    def role_label(self) -> str:
        return german(self.role)


def _require_server(db: Database) -> None:
    if db.is_sqlite:
        raise StaffOnlyOnServerError()


def _field_error(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, FIELD_LABELS[field], message)])


def parse_role(value: str | StaffRole) -> StaffRole:
    """A role from its value or German name, any case: "buero", "Büro", "BÜRO"."""
    if isinstance(value, StaffRole):
        return value
    wanted = value.strip().casefold()
    for role, label in german_names(StaffRole).items():
        if wanted in (role.value, label.casefold()):
            return role
    names = ", ".join(german_names(StaffRole).values())
    raise _field_error("role", f"Unbekannte Rolle „{value}“; möglich sind {names}.")


def check_login(login: str) -> str:
    """The login name as the server will know it, or a German ValidationError."""
    name = login.strip()
    if not name:
        raise _field_error("login", "Bitte einen Anmeldenamen angeben.")
    if not re.fullmatch(LOGIN_PATTERN, name) or name.startswith(RESERVED_PREFIXES):
        raise _field_error("login", f"Ungültiger Anmeldename „{name}“: {LOGIN_RULE}")
    return name


def check_password(password: str, login: str = "") -> None:
    if not password:
        raise _field_error("password", "Bitte ein Passwort angeben.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise _field_error(
            "password", f"Das Passwort ist zu kurz: mindestens {MIN_PASSWORD_LENGTH} Zeichen."
        )
    if login and login.casefold() in password.casefold():
        raise _field_error("password", "Das Passwort darf den Anmeldenamen nicht enthalten.")
    if len(set(password)) < 4:
        raise _field_error(
            "password", "Das Passwort ist zu einfach: zu wenige verschiedene Zeichen."
        )


def _record(member: StaffMember) -> StaffRecord:
    return StaffRecord(
        login=member.login,
        full_name=member.full_name,
        role=member.role,
        active=member.active,
        created_at=member.created_at,
        created_by=member.created_by,
    )


def list_staff(db: Database) -> tuple[StaffRecord, ...]:
    """Every registered login, active first, then by name.

    Active means what the server says: a login dropped or set to NOLOGIN there
    by hand (or a register restored onto another server) shows as disabled.
    """
    _require_server(db)
    with db.read_session() as session:
        members = session.scalars(select(StaffMember)).all()
        can_log_in = set(
            session.execute(
                text("SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname = ANY(:logins)"),
                {"logins": [m.login for m in members]},
            ).scalars()
        )
        records = [replace(_record(m), active=m.active and m.login in can_log_in) for m in members]
    return tuple(
        sorted(records, key=lambda r: (not r.active, german_sort_key(r.full_name), r.login))
    )


def display_names(db: Database) -> dict[str, str]:
    """Login → full name of everyone registered (empty on SQLite: no logins there)."""
    if db.is_sqlite:
        return {}
    with db.read_session() as session:
        rows = session.execute(select(StaffMember.login, StaffMember.full_name)).all()
    return {login: name or login for login, name in rows}


def get_staff(db: Database, login: str) -> StaffRecord:
    _require_server(db)
    with db.read_session() as session:
        member = session.scalars(
            select(StaffMember).where(StaffMember.login == login.strip())
        ).one_or_none()
        if member is None:
            raise NotFoundError(f"Die Anmeldung „{login.strip()}“ gibt es nicht.")
        return _record(member)


def _verifier(db: Database, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq."""
    with db.engine.connect() as connection:
        pgconn = connection.connection.driver_connection.pgconn
        verifier = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
        connection.rollback()
    return verifier.decode()


# SQLSTATEs the staff functions raise on purpose, with their German message.
_FUNCTION_ERRORS = {
    "22023": "login",  # invalid_parameter_value
    "42710": "login",  # duplicate_object
}


def _call(db: Database, statement: str, params: dict[str, object]) -> object:
    try:
        with db.session() as session:
            return session.execute(text(statement), params).scalar()
    except DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        message = getattr(getattr(error.orig, "diag", None), "message_primary", None) or ""
        if state == "42704":  # undefined_object: no such login in the register
            raise NotFoundError(message) from error
        if state in _FUNCTION_ERRORS:
            field = "role" if "Rolle" in message else _FUNCTION_ERRORS[state]
            field = "password" if "Passwort" in message else field
            raise _field_error(field, message) from error
        raise


def add_staff(
    db: Database, login: str, full_name: str, role: StaffRole | str, password: str
) -> StaffRecord:
    """Create the login on the server, in ``role``'s group, and register it."""
    _require_server(db)
    name = check_login(login)
    chosen = parse_role(role)
    check_password(password, name)
    _call(
        db,
        "SELECT staff_add(:login, :full_name, :role, :verifier)",
        {
            "login": name,
            "full_name": " ".join(full_name.split())[:200],
            "role": chosen.value,
            "verifier": _verifier(db, name, password),
        },
    )
    return get_staff(db, name)


def change_role(db: Database, login: str, role: StaffRole | str) -> StaffRecord:
    _require_server(db)
    chosen = parse_role(role)
    params = {"login": login.strip(), "role": chosen.value}
    _call(db, "SELECT staff_set_role(:login, :role)", params)
    return get_staff(db, login)


def disable_staff(db: Database, login: str, *, end_sessions: bool = True) -> int:
    """Take the login's right to log in; its open sessions end too. Returns how many ended."""
    _require_server(db)
    ended = _call(
        db, "SELECT staff_disable(:login, :end)", {"login": login.strip(), "end": end_sessions}
    )
    return int(ended or 0)


def set_password(db: Database, login: str, password: str) -> None:
    _require_server(db)
    name = login.strip()
    check_password(password, name)
    _call(
        db,
        "SELECT staff_set_password(:login, :verifier)",
        {"login": name, "verifier": _verifier(db, name, password)},
    )
