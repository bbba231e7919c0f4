"""Import: an interchange file into an empty database, all or nothing.

The file is streamed (``streaming``): each row is checked and decoded as it is
read and staged on disk (``staging``), so memory stays flat however large the
file. Everything checkable per row is checked before the database is touched;
references, which need every table, are checked as the staged rows go in. All
rows go in inside one transaction, which a refusal, a bad reference or a cancel
rolls back completely; ``ANALYZE`` runs before the commit, so the planner knows
the new tables at once. A file not in the exporter's shape is read whole, as
before, and its problems are worded the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, literal, select
from sqlalchemy.exc import DataError, IntegrityError

from engagement_desk.db import Database
from engagement_desk.services.defaults import clear_untouched_defaults
from engagement_desk.services.interchange.backend import require_current_schema, reset_sequences
from engagement_desk.services.interchange.catalog import tables_in_insert_order
from engagement_desk.services.interchange.checks import check_primary_keys, check_references
from engagement_desk.services.interchange.decoding import Rows, decode_tables
from engagement_desk.services.interchange.envelope import InterchangeError, check_envelope
from engagement_desk.services.interchange.reading import read_document
from engagement_desk.services.interchange.staging import Staging
from engagement_desk.services.interchange.streaming import NotStreamable, streamed
from engagement_desk.services.interchange.validation import REPORT_EVERY, validate_document
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

INSERT_BATCH = 1000


@dataclass(frozen=True)
class ImportSummary:
    """Rows inserted per table, every table named."""

    counts: dict[str, int]


def import_database(
    db: Database, path: str | os.PathLike[str], *, progress: Progress = NO_PROGRESS
) -> ImportSummary:
    """Load the file at ``path`` into ``db``, which must be empty and at the current schema.

    The default settings row and templates of a new database do not count: the
    file's rows replace them (a file without them leaves the database without;
    the getters cope, ``ensure_default_templates`` repairs)."""
    source = Path(path)
    try:
        return _import_streamed(db, source, progress)
    except NotStreamable:
        return _import_whole(db, source, progress)


def _import_streamed(db: Database, path: Path, progress: Progress) -> ImportSummary:
    streamed_file = streamed(path)
    with Staging() as staging:
        for count, (name, index, row) in enumerate(streamed_file.rows()):
            if count % REPORT_EVERY == 0:
                step(progress, streamed_file.position, streamed_file.size, f"Prüfe {name}")
            staging.take(name, index, row)
        staging.finish()
        frame = {**streamed_file.header, "tables": {name: [] for name in streamed_file.table_names}}
        try:
            validate_document(frame, NO_PROGRESS)  # the frame only: its tables are empty
        except InterchangeError as error:
            raise NotStreamable(str(error)) from error
        total = staging.total()
        with db.session() as session:
            connection = session.connection()
            require_current_schema(connection)
            clear_untouched_defaults(connection)
            _require_empty(connection)
            counts = _insert_staged(connection, staging, total, progress)
            reset_sequences(connection, tables_in_insert_order())
            analyze(connection)
    progress.report(total, total, "Import abgeschlossen")
    return ImportSummary(dict(sorted(counts.items())))


def _import_whole(db: Database, path: Path, progress: Progress) -> ImportSummary:
    document = check_envelope(read_document(path))
    validate_document(document, progress)
    tables = decode_tables(document)
    check_primary_keys(tables)
    check_references(tables)
    with db.session() as session:
        connection = session.connection()
        require_current_schema(connection)
        clear_untouched_defaults(connection)
        _require_empty(connection)
        counts = _insert_all(connection, tables, progress)
        reset_sequences(connection, tables_in_insert_order())
        analyze(connection)
    total = sum(counts.values())
    progress.report(total, total, "Import abgeschlossen")
    return ImportSummary(dict(sorted(counts.items())))


def analyze(connection: Connection) -> None:
    """Fresh planner statistics for the imported tables (SQLite and PostgreSQL)."""
    connection.exec_driver_sql("ANALYZE")


def _insert_staged(
    connection: Connection, staging: Staging, total: int, progress: Progress
) -> dict[str, int]:
    done = 0
    counts: dict[str, int] = {}
    for table in tables_in_insert_order():
        rows: Iterable[dict[str, Any]] = staging.rows(table)
        if _refers_to_itself(table):
            rows = _parents_first(table, list(rows))
        step(progress, done, total, f"Importiere {table.name}")
        count = 0
        for batch in _batches(rows):
            _insert(connection, table, batch)
            count += len(batch)
            done += len(batch)
            step(progress, done, total, f"Importiere {table.name}")
        counts[table.name] = count
    return counts


def _refers_to_itself(table: Table) -> bool:
    return any(c.referred_table is table for c in table.foreign_key_constraints)


def _insert(connection: Connection, table: Table, batch: Rows) -> None:
    try:
        connection.execute(insert(table), batch)
    except (IntegrityError, DataError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise InterchangeError(
            f"{table.name}: Die Datenbank lehnt einen Datensatz ab ({reason}); "
            "es wurde nichts importiert."
        ) from exc


def _require_empty(connection: Connection) -> None:
    for table in tables_in_insert_order():
        if connection.execute(select(literal(1)).select_from(table).limit(1)).first() is None:
            continue
        count = connection.execute(select(func.count()).select_from(table)).scalar_one()
        rows = "1 Datensatz" if count == 1 else f"{count} Datensätze"
        raise InterchangeError(
            f"Die Zieldatenbank ist nicht leer ({table.name}: {rows}); "
            "Import nur in eine leere Datenbank."
        )


def _insert_all(
    connection: Connection, tables: dict[Table, Rows], progress: Progress
) -> dict[str, int]:
    total = sum(len(rows) for rows in tables.values())
    done = 0
    counts: dict[str, int] = {}
    for table in tables_in_insert_order():
        rows = _parents_first(table, tables.get(table, []))
        step(progress, done, total, f"Importiere {table.name}")
        for batch in _batches(rows):
            _insert(connection, table, batch)
            done += len(batch)
            step(progress, done, total, f"Importiere {table.name}")
        counts[table.name] = len(rows)
    return counts


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[Rows]:
    """Consecutive rows with the same fields: one executemany needs one column list."""
    batch: Rows = []
    for row in rows:
        if batch and (len(batch) == INSERT_BATCH or row.keys() != batch[0].keys()):
            yield batch
            batch = []
        batch.append(row)
    if batch:
        yield batch


def _parents_first(table: Table, rows: Rows) -> Rows:
    """Rows reordered so that one referring to its own table (certificate.replaces_id)
    comes after the row it names; the database checks each reference on insert."""
    links = [
        (
            [column.key for column in constraint.columns],
            [element.column.key for element in constraint.elements],
        )
        for constraint in table.foreign_key_constraints
        if constraint.referred_table is table
    ]
    if not links:
        return rows
    placed: list[set[tuple[Any, ...]]] = [set() for _ in links]

    def ready(row: dict[str, Any]) -> bool:
        for (local, remote), done in zip(links, placed, strict=True):
            target = tuple(row.get(key) for key in local)
            own = tuple(row.get(key) for key in remote)
            if None not in target and target not in done and target != own:
                return False
        return True

    ordered: Rows = []
    waiting = rows
    while waiting:
        still_waiting: Rows = []
        for row in waiting:
            if not ready(row):
                still_waiting.append(row)
                continue
            ordered.append(row)
            for (_, remote), done in zip(links, placed, strict=True):
                done.add(tuple(row.get(key) for key in remote))
        if len(still_waiting) == len(waiting):
            # A cycle of references: insert as is and let the database refuse it.
            ordered.extend(waiting)
            break
        waiting = still_waiting
    return ordered
