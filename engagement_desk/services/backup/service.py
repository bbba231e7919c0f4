"""Making a verified backup, keeping the right ones, and restoring one."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine.url import URL

from engagement_desk import __version__, migrator
from engagement_desk.db import COPY_PAGES_PER_STEP, Access, Database, connect_sqlite, copy_sqlite
from engagement_desk.services.backup.catalog import (
    COUNTED_TABLES,
    BackupInfo,
    list_backups,
    manifest_path,
    write_manifest,
)
from engagement_desk.services.backup.location import backup_folder
from engagement_desk.services.backup.rotation import backups_to_keep
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.files import PRIVATE_FOLDER, replacing
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

_UNSAFE = re.compile(r"[^\w.-]+")
SQLITE_SUFFIX = ".sqlite3"
SNAPSHOT_SUFFIX = ".json.gz"
VERIFY_CACHE_KIB = 256 * 1024


class BackupError(ServiceError):
    """A backup could not be made or checked; the previous backups are untouched."""


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None
    upgraded_from: str | None


# -- SQLite: online copy and verification ------------------------------------------------


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    # READ adds ``immutable`` on a read-only medium, where SQLite cannot make its -shm file.
    connection = connect_sqlite(path.resolve(), Access.READ)
    try:
        yield connection
    finally:
        connection.close()


def _online_copy(source: Path, target: Path, progress: Progress) -> None:
    copy_sqlite(
        source,
        target,
        progress=lambda done, total: step(progress, done, total, "Sichere die Datenbank"),
    )


def _compact_search_index(path: Path) -> None:
    """Merge the copy's full-text index, freed pages overwritten: the live index keeps an
    anonymised person's old words in older segments until it is merged, and a backup
    must never hold them (services/privacy/anonymize.py)."""
    connection = sqlite3.connect(path)
    try:
        found = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index'"
        ).fetchone()
        if found:
            connection.execute("PRAGMA synchronous = OFF")  # synced with the file later
            connection.execute("PRAGMA secure_delete = ON")
            connection.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
            connection.commit()
    finally:
        connection.close()


def _known_revision(revision: str | None, path: Path) -> str:
    if revision is None:
        raise BackupError(f"„{path.name}“ ist keine Datenbank von Engagement Desk.")
    if not migrator.is_known_revision(revision):
        raise BackupError(
            f"„{path.name}“ stammt von einer neueren Version von Engagement Desk "
            f"(Schema {revision}) und kann mit diesem Programm nicht geöffnet werden."
        )
    return revision


def verify_sqlite(path: Path) -> tuple[str, dict[str, int]]:
    """Integrity check, schema revision and row counts of a backup file; BackupError if bad."""
    try:
        with _read_only(path) as connection:
            # integrity_check visits pages repeatedly: a large cache halves its time.
            connection.execute(f"PRAGMA cache_size = -{VERIFY_CACHE_KIB}")
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(f"„{path.name}“ ist beschädigt: {problems[0]}.")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = {
                name: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for name, table in COUNTED_TABLES.items()
            }
    except sqlite3.DatabaseError as error:
        raise BackupError(f"„{path.name}“ ist keine lesbare Datenbank ({error}).") from error
    return _known_revision(revision[0] if revision else None, path), counts


# -- PostgreSQL: compressed interchange snapshot -----------------------------------------


def _snapshot(db: Database, target: Path, progress: Progress) -> dict[str, int]:
    from engagement_desk.services.interchange import export_database

    summary = export_database(db, target, progress=progress)
    return {name: summary.counts.get(table, 0) for name, table in COUNTED_TABLES.items()}


def verify_snapshot(path: Path) -> tuple[str, dict[str, int]]:
    """Read the snapshot back: a gzip'd interchange document with the rows it announced."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            document = json.load(stream)
        revision = str(document["schema_revision"])
        tables = document["tables"]
        counts = {name: len(tables.get(table, [])) for name, table in COUNTED_TABLES.items()}
    except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"„{path.name}“ ist keine lesbare Sicherung ({error}).") from error
    return _known_revision(revision, path), counts


# -- making one --------------------------------------------------------------------------


STALE_AFTER = dt.timedelta(hours=1)


def source_name(url: URL) -> str:
    """What a backup is named after: the database file's stem, or PostgreSQL's database."""
    database = str(url.database or "")
    name = Path(database).stem if url.get_backend_name() == "sqlite" else database
    return _UNSAFE.sub("-", name).strip("-.") or "datenbank"


def _remove_stale_parts(folder: Path) -> None:
    """Half-written copies of a backup that was killed (kill -9, power cut) hold personal
    data; remove them once they are clearly not being written any more."""
    limit = (dt.datetime.now() - STALE_AFTER).timestamp()
    for part in folder.glob(".*_????-??-??_??????*.part*"):
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < limit:
                part.unlink()


def _final_name(folder: Path, source: str, created_at: dt.datetime, suffix: str) -> Path:
    stem = f"{source}_{created_at:%Y-%m-%d_%H%M%S}"
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists() or manifest_path(candidate).exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def create_backup(
    db: Database,
    folder: Path | None = None,
    *,
    out: Path | None = None,
    rotate: bool = True,
    now: dt.datetime | None = None,
    progress: Progress = NO_PROGRESS,
) -> BackupInfo:
    """Copy the database, verify the copy, and only then give it its name.

    ``out`` names the file; otherwise it goes into ``folder`` (default: the data
    workstation's backup folder) and older backups there are rotated. The copy is
    owner-only; a failure leaves no file and the earlier backups as they were."""
    created_at = now or dt.datetime.now()
    suffix = SQLITE_SUFFIX if db.is_sqlite else SNAPSHOT_SUFFIX
    if out is not None:
        target = Path(out)
        folder = target.parent
    else:
        folder = Path(folder) if folder is not None else backup_folder()
        try:
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            _remove_stale_parts(folder)
        except OSError as error:
            raise BackupError(
                f"Der Sicherungsordner „{folder}“ ist nicht erreichbar ({error.strerror})."
            ) from error
        target = _final_name(folder, source_name(db.url), created_at, suffix)
    with replacing(target) as temporary:
        if db.is_sqlite:
            assert db.sqlite_path is not None
            _online_copy(db.sqlite_path, temporary, progress)
            _compact_search_index(temporary)
            revision, counts = verify_sqlite(temporary)
        else:
            snapshot_file = temporary.with_name(temporary.name + SNAPSHOT_SUFFIX)
            try:
                counts = _snapshot(db, snapshot_file, progress)
                os.replace(snapshot_file, temporary)
            finally:
                snapshot_file.unlink(missing_ok=True)
            revision, verified_counts = verify_snapshot(temporary)
            if verified_counts != counts:
                raise BackupError("Die Sicherung enthält nicht alle Zeilen; bitte wiederholen.")
    info = BackupInfo(
        path=target,
        created_at=created_at,
        source=source_name(db.url),
        kind="sqlite" if db.is_sqlite else "snapshot",
        revision=revision,
        program_version=__version__,
        size=target.stat().st_size,
        counts=counts,
    )
    write_manifest(info)
    if out is None and rotate:
        rotate_backups(folder, info.source)
    return info


def rotate_backups(folder: Path, source: str) -> list[Path]:
    """Delete the backups of ``source`` the rotation no longer keeps; returns what went."""
    backups = list_backups(folder, source)
    keep = backups_to_keep(backups, lambda info: info.created_at)
    deleted = []
    for info in backups:
        if info in keep:
            continue
        with contextlib.suppress(OSError):
            info.path.unlink()
            info.manifest_path.unlink(missing_ok=True)
            deleted.append(info.path)
    return deleted


# -- restoring ---------------------------------------------------------------------------


def inspect_backup(path: Path) -> BackupInfo:
    """A backup file checked as a restore would check it (with or without a manifest)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Die Sicherung „{path}“ gibt es nicht.")
    is_snapshot = path.name.endswith(SNAPSHOT_SUFFIX)
    revision, counts = verify_snapshot(path) if is_snapshot else verify_sqlite(path)
    return BackupInfo(
        path=path,
        created_at=dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0),
        source="",
        kind="snapshot" if is_snapshot else "sqlite",
        revision=revision,
        program_version="",
        size=path.stat().st_size,
        counts=counts,
    )


def _safety_copy(db: Database) -> Path:
    """The current file beside itself before a restore replaces it: a consistent copy, or,
    of a file too damaged for SQLite to read, its bytes as they are (for the support)."""
    assert db.sqlite_path is not None
    path = db.sqlite_path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-restore-{stamp}{path.suffix}")
    try:
        with replacing(target) as temporary:
            _online_copy(path, temporary, NO_PROGRESS)
    except sqlite3.DatabaseError:
        with replacing(target) as temporary:
            shutil.copyfile(path, temporary)
    return target


def restore_backup(
    db: Database, backup: Path, *, progress: Progress = NO_PROGRESS
) -> RestoreResult:
    """Replace the database's content with a verified backup.

    SQLite: the current file is first copied beside itself (``…before-restore-…``),
    then the backup is written into it with the backup API, so the file keeps its
    name, mode and place. PostgreSQL: the snapshot is loaded into an empty database.
    A backup from a newer program is refused; an older one is upgraded after."""
    info = inspect_backup(backup)
    safety: Path | None = None
    if db.is_sqlite:
        if info.kind != "sqlite":
            raise BackupError("Eine PostgreSQL-Sicherung wird mit 'data import' übernommen.")
        assert db.sqlite_path is not None
        safety = _safety_copy(db)
        db.dispose()
        with _read_only(info.path) as reader:
            writer = sqlite3.connect(db.sqlite_path, timeout=10)
            try:
                reader.backup(writer, pages=COPY_PAGES_PER_STEP)
            finally:
                writer.close()
        db.dispose()
    else:
        if info.kind != "snapshot":
            raise BackupError(
                "Eine SQLite-Sicherung wird in PostgreSQL mit 'data export' und "
                "'data import' übernommen."
            )
        _load_snapshot(db, info.path, progress)
    result = migrator.upgrade(db)
    upgraded_from = result.from_revision if result.action == "upgraded" else None
    return RestoreResult(info, safety, upgraded_from)


def _load_snapshot(db: Database, path: Path, progress: Progress) -> None:
    from engagement_desk.services.interchange import import_database

    migrator.upgrade(db)
    import_database(db, path, progress=progress)  # reads the gzip'd document as it is
