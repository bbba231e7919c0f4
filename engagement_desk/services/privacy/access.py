"""Right of access (DSGVO Art. 15) and data portability (Art. 20) for one person.

Which rows are "about the person" is read from the model, not listed by hand,
so a table added later is part of the answer without code here:

- every row of a table with a foreign key to ``person`` that points at them
  (their consents, hours, rides as driver, the centre they are contact for, …);
- below a row that is theirs alone (its key to ``person`` is NOT NULL, like a
  placement or a standing order), every row that is deleted with it
  (``ON DELETE CASCADE``, like placement steps or standing-order pauses),
  unless that row names a person itself (then its own key decides);
- the audit entries about any of these rows.

Rows they point to (the ride of a passenger, the event of a registration)
come along as context for reading, except rows that belong to someone else.
Values are kept as the database gives them; the JSON file writes them in the
interchange encoding, so a row reads the same as in a full export.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, and_, false, or_, select
from sqlalchemy.orm import Session

from engagement_desk import __version__
from engagement_desk.db import Database
from engagement_desk.models import metadata
from engagement_desk.services.audit import record_export
from engagement_desk.services.errors import NotFoundError, ServiceError
from engagement_desk.services.files import PRIVATE_FOLDER, write_file
from engagement_desk.services.interchange.catalog import is_health_data, primary_key
from engagement_desk.services.interchange.codec import codec_for
from engagement_desk.services.printing.layout import AgencyHeader, agency_header, file_part
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

PERSON = "person"
AUDIT = "audit_entry"
JSON_FORMAT = "engagement-desk-access-report"
JSON_VERSION = 1


@dataclass(frozen=True)
class TableData:
    """Rows of one table, values as the database gives them, in ``columns`` order."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    health_data: bool

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class AccessReport:
    """Everything stored about one person, read in one session."""

    person_id: int
    name: str
    address: tuple[str, ...]
    agency: AgencyHeader
    created_at: dt.datetime
    tables: tuple[TableData, ...]
    context: tuple[TableData, ...]

    def table(self, name: str) -> TableData | None:
        return next((t for t in self.tables if t.table == name), None)

    def context_table(self, name: str) -> TableData | None:
        return next((t for t in self.context if t.table == name), None)

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)


@dataclass(frozen=True)
class WrittenReport:
    pdf_path: Path
    json_path: Path
    rows: int


# --- which tables refer to a person, read from the model -------------------------


def _person_columns(table: Table) -> list[Column[Any]]:
    return [fk.parent for fk in table.foreign_keys if fk.column.table.name == PERSON]


@cache
def referring_tables() -> dict[str, tuple[str, ...]]:
    """Table → its columns that point at a person (every such table of the model)."""
    result = {}
    for table in metadata.sorted_tables:
        columns = _person_columns(table)
        if table.name != PERSON and columns:
            result[table.name] = tuple(sorted(c.name for c in columns))
    return result


def _owned(table: Table) -> bool:
    """A row of this table belongs to one person: it cannot exist without them."""
    return any(not column.nullable for column in _person_columns(table))


@cache
def dependent_tables() -> tuple[tuple[str, str, str], ...]:
    """(child, column, parent): rows deleted with a row that belongs to the person."""
    tables = {t.name: t for t in metadata.sorted_tables}
    owners = {name for name in referring_tables() if _owned(tables[name])}
    found: list[tuple[str, str, str]] = []
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            if table.name in referring_tables() or table.name == PERSON:
                continue
            for fk in table.foreign_keys:
                link = (table.name, fk.parent.name, fk.column.table.name)
                cascades = fk.column.table.name in owners and fk.ondelete == "CASCADE"
                if cascades and link not in found:
                    found.append(link)
                    owners.add(table.name)
                    changed = True
    return tuple(found)


def person_conditions(person_id: int) -> dict[str, ColumnElement[bool]]:
    """Table → the WHERE clause that selects the person's rows in it."""
    tables = {t.name: t for t in metadata.sorted_tables}
    person = tables[PERSON]
    conditions: dict[str, ColumnElement[bool]] = {PERSON: person.c.id == person_id}
    for name, columns in referring_tables().items():
        table = tables[name]
        conditions[name] = or_(*(table.c[c] == person_id for c in columns))
    for child, column, parent in dependent_tables():
        fk = next(fk for fk in tables[child].c[column].foreign_keys)
        inner = select(fk.column).where(conditions[parent])
        clause = tables[child].c[column].in_(inner)
        conditions[child] = or_(conditions[child], clause) if child in conditions else clause
    return conditions


def audit_condition(audit: Table, conditions: dict[str, ColumnElement[bool]]) -> Any:
    """Audit entries about any row ``conditions`` selects (by table name and id)."""
    tables = {t.name: t for t in metadata.sorted_tables}
    clauses = []
    for name, condition in conditions.items():
        key = primary_key(tables[name])
        if len(key) == 1 and key[0].type.python_type is int:
            ids = select(key[0]).where(condition)
            clauses.append(and_(audit.c.entity == name, audit.c.entity_id.in_(ids)))
    return or_(*clauses) if clauses else false()


def _read(session: Session, table: Table, condition: Any) -> TableData:
    statement = select(table).where(condition).order_by(*primary_key(table))
    rows = tuple(tuple(row) for row in session.execute(statement))
    return TableData(
        table.name,
        tuple(c.name for c in table.columns),
        rows,
        is_health_data(table) or any(is_health_data(table, c) for c in table.columns),
    )


def _context(
    session: Session, tables: dict[str, Table], conditions: dict[str, ColumnElement[bool]]
) -> list[TableData]:
    """Rows the person's rows point to, for reading; never a row that is someone else's."""
    wanted: dict[str, list[Any]] = {}
    for name, condition in conditions.items():
        for fk in tables[name].foreign_keys:
            parent = fk.column.table
            if parent.name in (PERSON, AUDIT) or parent.name == name or _owned(parent):
                continue
            ids = select(fk.parent).where(condition, fk.parent.is_not(None))
            wanted.setdefault(parent.name, []).append(fk.column.in_(ids))
    result = []
    for name in sorted(wanted):
        condition = or_(*wanted[name])
        if name in conditions:
            condition = and_(condition, ~conditions[name])
        data = _read(session, tables[name], condition)
        if data.rows:
            result.append(data)
    return result


# --- the report -------------------------------------------------------------------


def access_report(db: Database, person_id: int) -> AccessReport:
    """Every stored row about the person (and what it points to), from one read session."""
    tables = {t.name: t for t in metadata.sorted_tables}
    conditions = person_conditions(person_id)
    with db.read_session() as session:
        person = session.execute(select(tables[PERSON]).where(conditions[PERSON])).first()
        if person is None:
            raise NotFoundError(f"Die Person Nr. {person_id} gibt es nicht (mehr).")
        found = []
        for name in sorted(conditions, key=lambda n: (n != PERSON, n)):
            data = _read(session, tables[name], conditions[name])
            if data.rows or name == PERSON:
                found.append(data)
        audit = _read(session, tables[AUDIT], audit_condition(tables[AUDIT], conditions))
        if audit.rows:
            found.append(audit)
        context = _context(session, tables, conditions)
        header = agency_header(session)
    values = person._mapping
    name = " ".join(
        p for p in (values["title"], values["first_name"], values["last_name"]) if p
    ).strip()
    place = " ".join(p for p in (values["postal_code"], values["city"]) if p)
    address = tuple(p for p in (values["street"], place) if p)
    return AccessReport(
        person_id=person_id,
        name=name,
        address=address,
        agency=header,
        created_at=dt.datetime.now().replace(microsecond=0),
        tables=tuple(found),
        context=tuple(context),
    )


def report_json(report: AccessReport) -> dict[str, Any]:
    """The machine-readable answer (Art. 20): rows in the interchange encoding."""

    def encoded(data: TableData) -> list[dict[str, Any]]:
        table = metadata.tables[data.table]
        codecs = [codec_for(table.c[name]) for name in data.columns]
        return [
            {
                name: None if value is None else codec.encode(value)
                for name, codec, value in zip(data.columns, codecs, row, strict=True)
            }
            for row in data.rows
        ]

    return {
        "format": JSON_FORMAT,
        "format_version": JSON_VERSION,
        "program_version": __version__,
        "created_at": report.created_at.isoformat(),
        "person_id": report.person_id,
        "controller": {"name": report.agency.name, "address": report.agency.address},
        "health_data_tables": [t.table for t in report.tables if t.health_data],
        "data": {t.table: encoded(t) for t in report.tables},
        "context": {t.table: encoded(t) for t in report.context},
    }


def file_stem(report: AccessReport) -> str:
    return f"Auskunft-{report.person_id}-{file_part(report.name)}-{report.created_at:%Y-%m-%d}"


def write_access_report(
    db: Database, person_id: int, out_dir: str | Path, *, progress: Progress = NO_PROGRESS
) -> tuple[Path, Path]:
    """Write the letter (PDF) and the data (JSON) into ``out_dir``; audit the export."""
    written = write_report_files(db, person_id, out_dir, progress=progress)
    return written.pdf_path, written.json_path


def write_report_files(
    db: Database, person_id: int, out_dir: str | Path, *, progress: Progress = NO_PROGRESS
) -> WrittenReport:
    """As ``write_access_report``, also saying how many rows the answer holds."""
    from engagement_desk.services.privacy.access_letter import render_letter

    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise ServiceError(f"„{folder}“ ist eine Datei, kein Ordner.")
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    step(progress, 0, 3, "Daten werden gelesen …")
    report = access_report(db, person_id)
    stem = file_stem(report)
    step(progress, 1, 3, "Brief wird gesetzt …")
    pdf = render_letter(report)
    data = json.dumps(report_json(report), ensure_ascii=False, indent=2, sort_keys=True)
    step(progress, 2, 3, "Dateien werden geschrieben …")
    # A full disk or a read-only folder: the classifier says which, in German.
    pdf_path = write_file(folder / f"{stem}.pdf", pdf)
    json_path = write_file(folder / f"{stem}.json", data + "\n")
    record_export(db, PERSON, person_id, ["Auskunft Art. 15", "1 Person"])
    progress.report(3, 3, "Fertig.")
    return WrittenReport(pdf_path, json_path, report.row_count)
