"""Bring a database to the schema this program knows, safely.

On open: read the Alembic revision; refuse a database made by a newer program;
create and stamp a new one; back up an older one and upgrade it. On SQLite,
foreign keys are switched off around the upgrade (outside any transaction)
so that batch migrations, which drop and recreate tables, can never cascade
deletes; the upgrade commits only if ``PRAGMA foreign_key_check`` is empty.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from engagement_desk import staff_grants
from engagement_desk.db import Database, copy_sqlite
from engagement_desk.migrations import change_notifications

DEFAULT_SCRIPT_LOCATION = "engagement_desk:migrations"
ALEMBIC_TABLE = "alembic_version"
STAFF_TABLE = "staff_member"


class MigrationError(RuntimeError):
    """The database cannot be brought to this program's schema."""


class DatabaseTooNewError(MigrationError):
    """The database was made by a newer program; it is left untouched."""

    def __init__(self, revision: str):
        super().__init__(
            f"Die Datenbank hat die Schema-Version {revision}, die dieses Programm nicht kennt: "
            "sie wurde von einer neueren Version von Engagement Desk angelegt. "
            "Bitte das Programm aktualisieren; die Datenbank bleibt unverändert."
        )
        self.revision = revision


class UpgradeNeedsOwnerError(MigrationError):
    """A staff login that does not own the tables opened a database with an older schema."""

    def __init__(self, revision: str, head: str):
        super().__init__(
            "Die Datenbank muss zuerst mit einer Leitungs-Anmeldung aktualisiert werden: mit "
            f"der Anmeldung, der ihre Tabellen gehören (Schema-Version {revision}, dieses "
            f"Programm braucht {head}), z. B. „engagement-desk --db … db upgrade“. "
            "Bis dahin kann diese Anmeldung nicht damit arbeiten."
        )


class UpgradeBackupError(MigrationError):
    """The copy made before an upgrade failed; the upgrade did not start."""


@dataclass(frozen=True)
class MigrationResult:
    action: str  # "created", "upgraded" or "current"
    from_revision: str | None
    to_revision: str
    backup_path: Path | None = None


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    revision: str | None
    head_revision: str
    problems: tuple[str, ...]
    damaged: bool = False  # the integrity check found the file itself damaged


def alembic_config(script_location: str = DEFAULT_SCRIPT_LOCATION) -> Config:
    config = Config()
    config.set_main_option("script_location", script_location)
    return config


def head_revision(script_location: str = DEFAULT_SCRIPT_LOCATION) -> str:
    script = ScriptDirectory.from_config(alembic_config(script_location))
    heads = script.get_heads()
    if len(heads) != 1:
        raise MigrationError(f"Migrationen haben {len(heads)} Enden statt einem.")
    return heads[0]


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _is_known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def is_known_revision(revision: str, script_location: str = DEFAULT_SCRIPT_LOCATION) -> bool:
    """Whether this program has the migration ``revision`` (False: a newer program made it)."""
    return _is_known(ScriptDirectory.from_config(alembic_config(script_location)), revision)


def stored_revision(db: Database) -> str | None:
    """The schema revision written in the database (None: not set up yet); reads only."""
    with db.engine.connect() as connection:
        try:
            return current_revision(connection)
        finally:
            connection.rollback()


def refuse_if_too_new(revision: str | None, script_location: str = DEFAULT_SCRIPT_LOCATION) -> None:
    """``DatabaseTooNewError`` if a newer program wrote ``revision``."""
    if revision is not None and not is_known_revision(revision, script_location):
        raise DatabaseTooNewError(revision)


def upgrade(
    db: Database, *, script_location: str = DEFAULT_SCRIPT_LOCATION, target: str = "head"
) -> MigrationResult:
    config = alembic_config(script_location)
    script = ScriptDirectory.from_config(config)
    head = head_revision(script_location) if target == "head" else target

    with db.engine.connect() as connection:
        revision = current_revision(connection)
        tables = set(inspect(connection).get_table_names()) - {ALEMBIC_TABLE}
        connection.rollback()

    if revision is None and tables:
        raise MigrationError(
            "Die Datenbank enthält Tabellen, aber keine Schema-Version; "
            "sie stammt nicht von Engagement Desk und wird nicht verändert."
        )
    if revision is not None and not _is_known(script, revision):
        raise DatabaseTooNewError(revision)
    if revision == head:
        return MigrationResult("current", revision, head)
    if revision is not None and not db.is_sqlite and not owns_schema(db):
        raise UpgradeNeedsOwnerError(revision, head)

    backup_path = backup_before_upgrade(db, revision) if revision is not None else None
    _run_upgrade(db, config, target)
    return MigrationResult(
        "created" if revision is None else "upgraded", revision, head, backup_path
    )


def owns_schema(db: Database) -> bool:
    """Whether this PostgreSQL login may change the tables (superuser or their owner)."""
    with db.engine.connect() as connection:
        owner = connection.exec_driver_sql(
            "SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'MEMBER') "
            "FROM pg_roles r JOIN pg_class c ON c.oid = to_regclass('public.alembic_version') "
            "WHERE r.rolname = current_user"
        ).scalar()
        connection.rollback()
    return bool(owner)


def _run_upgrade(db: Database, config: Config, target: str) -> None:
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        if db.is_sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                if not db.is_sqlite and inspect(connection).has_table(STAFF_TABLE):
                    # Tables a later migration added get their grants; idempotent.
                    staff_grants.apply(connection)
                # Tables made after migration 0007 notify changes too.
                change_notifications.cover_new_tables(connection)
                if db.is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        table, rowid, parent, _ = broken[0]
                        raise MigrationError(
                            f"Die Migration hätte {len(broken)} Verweise zerstört "
                            f"(zuerst {table} Zeile {rowid} → {parent}); nichts wurde geändert."
                        )
        finally:
            config.attributes.pop("connection", None)
            if db.is_sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def backup_before_upgrade(db: Database, revision: str) -> Path | None:
    """Copy an SQLite file beside itself, timestamped; PostgreSQL is backed up by its admin.

    The copy is made with SQLite's online backup API into a temporary file that
    gets its name only when complete (``services.files.replacing``): a full disk
    or a read-only folder leaves no half "backup" behind, and raises
    ``UpgradeBackupError`` so the upgrade does not start.
    """
    if db.sqlite_path is None:
        return None
    from engagement_desk.services.files import replacing

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = db.sqlite_path
    backup = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    try:
        with replacing(backup) as temporary:
            copy_sqlite(path, temporary)
    except (OSError, sqlite3.Error) as error:
        raise UpgradeBackupError(_backup_failed_message(error, backup)) from error
    return backup


def _backup_failed_message(error: BaseException, backup: Path) -> str:
    from engagement_desk.failures import classify

    failure = classify(error)
    why = "" if failure.is_bug else f" {failure.message}"
    return (
        f"Die Sicherungskopie vor dem Aktualisieren des Schemas ({backup.name}) konnte nicht "
        f"geschrieben werden.{why} Das Schema wurde nicht aktualisiert, die Datenbank ist "
        "unverändert."
    )


def check(db: Database, *, script_location: str = DEFAULT_SCRIPT_LOCATION) -> IntegrityReport:
    """Integrity and foreign-key check plus the schema revision.

    A file too damaged for the check to finish is reported like one the check
    finds damaged (``damaged``), not raised.
    """
    problems: list[str] = []
    damaged = False
    head = head_revision(script_location)
    revision: str | None = None
    with db.engine.connect() as connection:
        try:
            if db.is_sqlite:
                problems += _integrity_problems(connection)
                damaged = bool(problems)
            revision = current_revision(connection)
            if db.is_sqlite:
                for table, rowid, parent, _ in connection.exec_driver_sql(
                    "PRAGMA foreign_key_check"
                ).fetchall():
                    problems.append(f"Verweis ins Leere: {table} Zeile {rowid} → {parent}")
            else:
                connection.exec_driver_sql("SELECT 1")
        except DBAPIError as error:
            if not _is_sqlite_damage(error):
                raise
            damaged = True
            problems.append(f"Die Datei ist beschädigt ({error.orig}).")
        connection.rollback()
    if not damaged:  # the revision of a damaged file says nothing
        problems += _revision_problems(revision, head, script_location)
    return IntegrityReport(not problems, revision, head, tuple(problems), damaged)


def _revision_problems(revision: str | None, head: str, script_location: str) -> list[str]:
    if revision is None:
        return ["Keine Schema-Version: Datenbank ist nicht eingerichtet."]
    if not _is_known(ScriptDirectory.from_config(alembic_config(script_location)), revision):
        # no advice to upgrade: this program cannot
        return [str(DatabaseTooNewError(revision))]
    if revision != head:
        return [f"Schema-Version {revision} statt {head}: 'db upgrade' ausführen."]
    return []


def _integrity_problems(connection: Connection) -> list[str]:
    rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return [
        line
        for row in rows
        for line in str(row[0]).splitlines()
        if line != "ok" and not line.startswith("*** in database")
    ]


def _is_sqlite_damage(error: DBAPIError) -> bool:
    code = getattr(error.orig, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
