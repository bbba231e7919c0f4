"""Opening a database the way the window and every command do.

``open_database(target, purpose)`` decides, for an SQLite file, how it may be
opened before anything touches it:

- a path without a database (no file, or an empty one) becomes a new database
  only for ``Purpose.CREATE`` (``db upgrade``, ``demo``, ``data import``, the
  window after asking); everything else is refused and nothing is created;
- ``PRAGMA quick_check`` runs on a read-only connection first (about half a
  second on a file with 100,000 people). A damaged file is opened for nothing
  but export (read-only, every write refused with the reason) and restore; the
  refusal names the latest verified backup;
- a database made by a newer program is refused by every purpose, whether or
  not it upgrades; ``db check`` reports it instead;
- a file, folder or medium that cannot be written is opened read-only (SQLite
  ``mode=ro``), so it can still be read and exported; writes are refused with
  one German sentence;
- ``Purpose.CHECK`` always opens read-only and changes nothing, not even the
  journal mode, and leaves no -wal/-shm behind.

PostgreSQL databases skip the file checks; the revision check applies.

An older schema (the first start after installing a newer version) is upgraded
by ``upgrade_schema``: an SQLite file first gets a verified backup in the backup
folder (beside the file if that folder cannot be reached); without one the
upgrade does not start. Commands upgrade as they open; the window opens without
upgrading (``open_unupgraded``) and then upgrades on its writer thread with a
progress dialog.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine.url import URL

from engagement_desk import migrator
from engagement_desk.db import (
    Access,
    Database,
    DatabaseDamagedError,
    DatabaseFileError,
    DatabaseMissingError,
    WritesRefusedError,
    connect_sqlite,
    is_writable,
    resolve_url,
    tidy_after_reading,
    wal_files,
)
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

if TYPE_CHECKING:
    from engagement_desk.services.backup import BackupInfo

log = logging.getLogger(__name__)

# SQLite primary result codes that mean "this file is not a sound database".
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class Purpose(enum.Enum):
    """What the caller is about to do with the database."""

    WORK = "work"  # read and write an existing database
    CREATE = "create"  # as WORK; where there is no database yet, make a new one
    EXPORT = "export"  # read everything out, even of a damaged file (then never written)
    RESTORE = "restore"  # its content is about to be replaced by a backup
    CHECK = "check"  # look only: read-only, nothing upgraded, nothing left behind


def open_database(
    target: str | os.PathLike[str] | URL | None,
    purpose: Purpose = Purpose.WORK,
    *,
    upgrade: bool = True,
    progress: Progress = NO_PROGRESS,
    on_upgrade: Callable[[SchemaUpgrade], object] | None = None,
    check: Callable[[Path], list[str]] | None = None,
) -> Database:
    """The database at ``target``, opened as ``purpose`` allows; upgraded if ``upgrade``
    (``progress`` hears the steps of an SQLite upgrade, ``on_upgrade`` what it did).
    ``check`` gives the file's quick-check problems (default: ``quick_check`` now); the
    window passes the answer of a check it started earlier, beside other work.

    Raises ``DatabaseMissingError``, ``DatabaseDamagedError``,
    ``migrator.DatabaseTooNewError`` or another ``DatabaseFileError``; all
    carry the German sentence ``failures.classify`` shows.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    if purpose is Purpose.CHECK or purpose is Purpose.RESTORE:
        upgrade = False
    if url.get_backend_name() != "sqlite":
        return _server_database(url, purpose, upgrade)
    path = Path(str(url.database))
    if not has_database(path):
        if purpose is not Purpose.CREATE:
            raise DatabaseMissingError(missing_message(path))
        return _prepared(Database(url, access=Access.CREATE), purpose, upgrade, progress)
    read_only = purpose is Purpose.CHECK or not is_writable(path)
    if purpose is not Purpose.CHECK and purpose is not Purpose.RESTORE:
        problems = (check or quick_check)(path)
        if problems:
            log.warning("Quick check of %s failed: %s", path, "; ".join(problems[:5]))
            message = damaged_message(path, url)
            if purpose is not Purpose.EXPORT:
                error = DatabaseDamagedError(message)
                latest = latest_backup(url)
                error.latest_backup = latest.path if latest is not None else None
                raise error
            db = Database(url, access=Access.READ)
            db.refuse_writes(WritesRefusedError(message, "damaged"))
            return db
    db = Database(url, access=Access.READ if read_only else Access.WRITE)
    return _prepared(db, purpose, upgrade, progress, on_upgrade)


def _server_database(url: URL, purpose: Purpose, upgrade: bool) -> Database:
    """A PostgreSQL database; a refused login is told apart (wrong password, no database)."""
    from engagement_desk.services.connection.diagnosis import diagnosed

    try:
        db = _prepared(Database(url), purpose, upgrade)
    except Exception as error:
        cause = diagnosed(error, url)
        if cause is error:
            raise
        raise cause from error
    if purpose is not Purpose.CHECK:
        _note_role(db)
    return db


def _note_role(db: Database) -> None:
    """Tell the classifier the login's role, for the sentence of a refused action."""
    from engagement_desk.services.staff.access import session_access

    try:
        session_access(db)  # notes the role as it reads it
    except Exception:
        log.warning("Could not read the login's role", exc_info=True)


def _prepared(
    db: Database,
    purpose: Purpose,
    upgrade: bool,
    progress: Progress = NO_PROGRESS,
    on_upgrade: Callable[[SchemaUpgrade], object] | None = None,
) -> Database:
    """Refuse a newer schema; upgrade an older one, or refuse it when it cannot be written."""
    try:
        if purpose is Purpose.CHECK:
            return db
        try:
            revision = migrator.stored_revision(db)
        except sqlite3.DatabaseError:
            if purpose is Purpose.RESTORE:  # unreadable is what the restore is for
                return db
            raise
        migrator.refuse_if_too_new(revision)
        if upgrade:
            done = upgrade_schema(db, progress=progress)
            if on_upgrade is not None and done.migration.action == "upgraded":
                on_upgrade(done)
        return db
    except BaseException:
        db.dispose()
        raise


@dataclass(frozen=True)
class UnupgradedDatabase:
    """An opened database and whether ``upgrade_schema`` still has work to do."""

    db: Database
    revision: str | None
    upgrade_due: bool


def open_unupgraded(
    target: str | os.PathLike[str] | URL | None,
    purpose: Purpose = Purpose.WORK,
    *,
    check: Callable[[Path], list[str]] | None = None,
) -> UnupgradedDatabase:
    """As ``open_database`` without the upgrade, which the caller runs with progress."""
    db = open_database(target, purpose, upgrade=False, check=check)
    try:
        revision = migrator.stored_revision(db)
    except BaseException:
        db.dispose()
        raise
    return UnupgradedDatabase(db, revision, revision != migrator.head_revision())


@dataclass(frozen=True)
class SchemaUpgrade:
    """What ``upgrade_schema`` did, and the verified backup it made first (SQLite)."""

    migration: migrator.MigrationResult
    verified_backup: Path | None = None


def upgrade_schema(db: Database, *, progress: Progress = NO_PROGRESS) -> SchemaUpgrade:
    """Bring ``db`` to this program's schema; an older SQLite file gets a verified backup first.

    Cancelling is possible until the backup is made; the database is then unchanged.
    """
    revision = migrator.stored_revision(db)
    head = migrator.head_revision()
    if revision == head:
        return SchemaUpgrade(migrator.MigrationResult("current", revision, head))
    migrator.refuse_if_too_new(revision)
    if db.read_only:
        raise DatabaseFileError(
            f"Die Datenbank {db.display_name} ist schreibgeschützt und hat eine ältere "
            f"Schema-Version ({revision or 'keine'}); so kann sie nicht aktualisiert "
            "werden. Bitte Schreibrechte geben oder eine beschreibbare Kopie öffnen.",
            "read_only",
        )
    backup = None
    if revision is not None and db.is_sqlite:
        backup = verified_backup_before_upgrade(db, revision, progress)
        log.info("Verified backup before upgrading from %s: %s", revision, backup)
    doing = f"Aktualisiere das Schema von {revision}" if revision else "Lege das Schema"
    step(progress, 0, 0, f"{doing} auf {head}" if revision else f"{doing} an ({head})")
    return SchemaUpgrade(migrator.upgrade(db), backup)


def verified_backup_before_upgrade(db: Database, revision: str, progress: Progress) -> Path:
    """A backup made and checked like every other (``services.backup``), kept in the backup
    folder; if that folder cannot be reached, beside the database file. Neither works:
    ``UpgradeBackupError`` and the upgrade does not start."""
    from engagement_desk.services.backup import BackupError, create_backup

    try:
        return create_backup(db, progress=progress).path
    except BackupError as unreachable:
        log.warning("Backup folder failed before the upgrade: %s", unreachable)
    assert db.sqlite_path is not None
    path = db.sqlite_path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    beside = path.with_name(f"{path.stem}.verified-before-upgrade-{revision}-{stamp}{path.suffix}")
    try:
        return create_backup(db, out=beside, progress=progress).path
    except (BackupError, OSError, sqlite3.Error) as error:
        raise migrator.UpgradeBackupError(
            "Vor dem Aktualisieren des Schemas konnte keine geprüfte Datensicherung gemacht "
            f"werden ({error}). Das Schema wurde nicht aktualisiert, die Datenbank ist "
            "unverändert."
        ) from error


def has_database(path: Path) -> bool:
    """False for a path where a new database would be made: no file, or an empty one."""
    try:
        if not path.exists():
            return False
        return not path.is_file() or path.stat().st_size > 0
    except OSError:
        return True  # let SQLite say what is wrong with it


def quick_check(path: Path) -> list[str]:
    """Problems ``PRAGMA quick_check`` finds (empty: sound), on a read-only connection.

    A file that is no database at all, or too damaged to be read, is one problem.
    """
    existed = tuple(p.exists() for p in wal_files(path))
    try:
        connection = connect_sqlite(path, Access.READ)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF not in _DAMAGE_CODES:
            raise
        return [str(error)]
    finally:
        tidy_after_reading(path, existed)  # type: ignore[arg-type]
    return [row[0] for row in rows if row[0] != "ok"]


def missing_message(path: Path) -> str:
    return (
        f"Unter {path} gibt es keine Datenbank (die Datei fehlt oder ist leer); es wurde "
        "nichts angelegt. Eine neue Datenbank legt „engagement-desk --db PFAD db upgrade“ an."
    )


def latest_backup(url: URL) -> BackupInfo | None:
    """The newest verified backup of the database at ``url`` in this workstation's folder."""
    from engagement_desk.services.backup import backup_folder, latest_verified, source_name

    try:
        return latest_verified(backup_folder(), source_name(url))
    except OSError:
        return None


def damaged_message(path: Path, url: URL) -> str:
    """Why the file is refused, what still works, and the latest verified backup."""
    from engagement_desk.services.backup import backup_folder

    text = (
        f"Die Datenbankdatei {path} ist beschädigt. Sie wird nur noch zum Exportieren "
        "(„data export“, „people export“) und Wiederherstellen („db restore“) geöffnet und "
        "nicht mehr verändert; bitte die Datei für den Support aufheben."
    )
    folder = backup_folder()
    latest = latest_backup(url)
    if latest is None:
        return f"{text} Im Sicherungsordner {folder} gibt es keine geprüfte Datensicherung."
    return (
        f"{text} Letzte geprüfte Datensicherung: {latest.created_at:%d.%m.%Y %H:%M} Uhr, "
        f'{latest.path} – zurückspielen mit: engagement-desk --db "{path}" db restore '
        f'"{latest.path}"'
    )


def restore_damaged(
    target: str | os.PathLike[str] | URL | None, backup: Path, *, progress: Progress = NO_PROGRESS
) -> None:
    """Put ``backup`` in place of the damaged database at ``target`` (kept beside it first)."""
    from engagement_desk.services.backup import restore_backup

    db = open_database(target, Purpose.RESTORE)
    try:
        restore_backup(db, backup, progress=progress)
    finally:
        db.dispose()


def schema_revision(db: Database) -> str | None:
    """The schema revision stored in the open database (Hilfe ▸ Über)."""
    return migrator.stored_revision(db)
