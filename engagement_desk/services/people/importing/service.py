"""Importing a list of people: check every row first, then write all of them or none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from engagement_desk.db import Database
from engagement_desk.models import Person, PersonRole, PersonTag
from engagement_desk.models.enums import AuditAction, Role
from engagement_desk.services import audit
from engagement_desk.services.people.importing import duplicates
from engagement_desk.services.people.importing.columns import (
    FIELD_LABELS,
    HOUSE_NUMBER,
    REQUIRED_FIELDS,
    merge_mapping,
)
from engagement_desk.services.people.importing.duplicates import Candidate, RowDuplicate
from engagement_desk.services.people.importing.reader import RawTable, read_table
from engagement_desk.services.people.importing.rows import Layout, convert_row
from engagement_desk.services.people.persons import PersonInput

# The import must store exactly what create_person stores, but for the whole
# file in one transaction.
from engagement_desk.services.people.persons import normalized_person_values as normalized_values
from engagement_desk.services.people.persons import person_tag_rows as tag_rows
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

WRITE_BATCH = 500
PROGRESS_EVERY = 100


@dataclass(frozen=True)
class RowError:
    """What is wrong where: the row as the spreadsheet numbers it, the column's header."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Zeile {self.line}" + (f", Spalte „{self.column}“" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class PreviewRow:
    line: int
    person: PersonInput
    errors: tuple[RowError, ...] = ()
    duplicate: RowDuplicate | None = None


@dataclass(frozen=True)
class ImportPreview:
    """Everything an import would do, found without writing."""

    file: str
    source: str
    headers: tuple[str, ...]
    mapping: Mapping[str, str | None]
    unknown_columns: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    rows_read: int
    file_errors: tuple[RowError, ...] = ()

    @property
    def missing_columns(self) -> tuple[str, ...]:
        return tuple(error.column for error in self.file_errors)

    @property
    def errors(self) -> tuple[RowError, ...]:
        return self.file_errors + tuple(e for row in self.rows for e in row.errors)

    @property
    def duplicates(self) -> tuple[RowDuplicate, ...]:
        return tuple(row.duplicate for row in self.rows if row.duplicate is not None)

    def importable(self, accept_duplicates: Collection[int] = ()) -> tuple[PreviewRow, ...]:
        """Rows that would be written: no errors, and not a likely duplicate unless accepted."""
        if self.file_errors:
            return ()
        return tuple(
            row
            for row in self.rows
            if not row.errors and (row.duplicate is None or row.line in accept_duplicates)
        )


@dataclass(frozen=True)
class ImportReport:
    """What an import did. With any error nothing was written and ``imported`` is empty.

    Likely duplicates are never written (unless their line was accepted); the
    other rows are.
    """

    file: str
    source: str
    rows_read: int
    imported: tuple[int, ...]
    would_import: int
    errors: tuple[RowError, ...]
    duplicates: tuple[RowDuplicate, ...]
    unknown_columns: tuple[str, ...]
    missing_columns: tuple[str, ...] = ()
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_lines(self) -> tuple[int, ...]:
        return tuple(sorted({e.line for e in self.errors}))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        return data


def preview_import(
    db: Database,
    path: str | Path,
    mapping: Mapping[str, str | None] | None = None,
    *,
    progress: Progress = NO_PROGRESS,
) -> ImportPreview:
    """Read and check the whole file as an import would; writes nothing.

    ``mapping`` (header → field code name, or None to skip a column) overrides
    the recognised columns.
    """
    table = read_table(path)
    effective = merge_mapping(table.headers, mapping)
    layout = Layout.build(table.headers, effective)
    missing = [f for f in REQUIRED_FIELDS if f not in layout.columns]
    file_errors = tuple(
        RowError(
            table.header_line,
            FIELD_LABELS[f],
            f"Die Spalte „{FIELD_LABELS[f]}“ fehlt; ohne sie kann nichts importiert werden.",
        )
        for f in missing
    )
    rows = [] if file_errors else _checked_rows(db, table, layout, progress)
    return ImportPreview(
        file=str(path),
        source=table.description,
        headers=table.headers,
        mapping=effective,
        unknown_columns=_unused_columns(table, effective),
        rows=tuple(rows),
        rows_read=len(table.rows),
        file_errors=file_errors,
    )


def import_people(
    db: Database,
    path: str | Path,
    *,
    mapping: Mapping[str, str | None] | None = None,
    dry_run: bool = False,
    accept_duplicates: Collection[int] = (),
    progress: Progress = NO_PROGRESS,
) -> ImportReport:
    """Import every good row of the file in one transaction, or nothing if any row is bad.

    ``accept_duplicates`` names lines the user confirmed are new people though
    they look like duplicates (a couple sharing one phone, say).
    """
    preview = preview_import(db, path, mapping, progress=progress)
    rows = preview.importable(accept_duplicates)
    errors = preview.errors
    imported: tuple[int, ...] = ()
    if not errors and not dry_run and rows:
        imported = _write(db, rows, preview.mapping, progress)
    accepted = set(accept_duplicates)
    return ImportReport(
        file=preview.file,
        source=preview.source,
        rows_read=preview.rows_read,
        imported=imported,
        would_import=0 if errors else len(rows),
        errors=errors,
        duplicates=tuple(d for d in preview.duplicates if d.line not in accepted),
        unknown_columns=preview.unknown_columns,
        missing_columns=preview.missing_columns,
        dry_run=dry_run,
    )


def _checked_rows(
    db: Database, table: RawTable, layout: Layout, progress: Progress
) -> list[PreviewRow]:
    total = len(table.rows)
    today = dt.date.today()
    converted = []
    for done, raw in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0:
            step(progress, done, total, "Zeilen werden geprüft …")
        converted.append(convert_row(raw, layout, today=today))
    good = [Candidate.of(row.line, row.person) for row in converted if not row.problems]
    step(progress, total, total, "Doppelte Personen werden gesucht …")
    found = duplicates.within_file(good)
    found.update(duplicates.in_database(db, [row for row in good if row.line not in found]))
    return [
        PreviewRow(
            row.line,
            row.person,
            tuple(RowError(row.line, p.column, p.message) for p in row.problems),
            found.get(row.line),
        )
        for row in converted
    ]


def _unused_columns(table: RawTable, mapping: Mapping[str, str | None]) -> tuple[str, ...]:
    """Columns that hold data but feed no field."""
    unused = []
    for index, header in enumerate(table.headers):
        if mapping.get(header) is None and any(
            index < len(row.cells) and str(row.cells[index] or "").strip() for row in table.rows
        ):
            unused.append(header)
    return tuple(unused)


def _write(
    db: Database,
    rows: tuple[PreviewRow, ...],
    mapping: Mapping[str, str | None],
    progress: Progress,
) -> tuple[int, ...]:
    """Bulk INSERTs: the ORM unit of work costs a millisecond per person and child row."""
    total = len(rows)
    ids: list[int] = []
    with db.session() as session:
        for start in range(0, total, WRITE_BATCH):
            step(progress, start, total, "Personen werden gespeichert …")
            people = [row.person for row in rows[start : start + WRITE_BATCH]]
            new_ids = session.scalars(
                insert(Person).returning(Person.id, sort_by_parameter_order=True),
                [normalized_values(person) for person in people],
            ).all()
            roles = [
                {"person_id": person_id, "role": Role(role)}
                for person_id, person in zip(new_ids, people, strict=True)
                for role in person.roles
            ]
            tags = [
                {"person_id": person_id, "kind": kind, "value": value}
                for person_id, person in zip(new_ids, people, strict=True)
                for kind, value in tag_rows(person)
            ]
            if roles:
                session.execute(insert(PersonRole), roles)
            if tags:
                session.execute(insert(PersonTag), tags)
            ids += new_ids
        fields = {"street" if f == HOUSE_NUMBER else f for f in mapping.values() if f}
        audit.record(session, AuditAction.IMPORT, "person", None, [f"{total} Personen", *fields])
        step(progress, total, total, "Personen werden gespeichert …")
    return tuple(ids)
