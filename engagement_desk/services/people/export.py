"""Exporting the people list, as filtered and sorted on screen, to Excel or CSV.

Rows are read from the database in batches and written as they come, so a
list of 100,000 people never sits in memory as ORM objects.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Person, PersonRole, PersonTag
from engagement_desk.models.enums import AuditAction, Role, TagKind
from engagement_desk.services import audit
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.files import replacing
from engagement_desk.services.listing import ListQuery, sort_order
from engagement_desk.services.people.importing.columns import ROLE_LABELS, STATUS_LABELS

# The export must select and order exactly like the list on screen.
from engagement_desk.services.people.persons import PEOPLE_SORT as LIST_ORDER
from engagement_desk.services.people.persons import count_people
from engagement_desk.services.people.persons import filter_people as filtered_like_list
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

log = logging.getLogger(__name__)

BATCH = 1000
DATE_FORMAT = "DD.MM.YYYY"
SHEET_TITLE = "Personen"
MIN_WIDTH, MAX_WIDTH = 6, 40
# A value starting like this is a formula to Excel; CSV readers get it with
# an apostrophe in front, which Excel shows as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportRow:
    id: int
    salutation: str
    title: str
    first_name: str
    last_name: str
    street: str
    postal_code: str
    city: str
    phone: str
    mobile: str
    email: str
    birth_date: dt.date | None
    roles: str
    interests: str
    skills: str
    languages: str
    status: str
    engaged_since: dt.date | None


COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Nr."),
    ("salutation", "Anrede"),
    ("title", "Titel"),
    ("first_name", "Vorname"),
    ("last_name", "Nachname"),
    ("street", "Straße"),
    ("postal_code", "PLZ"),
    ("city", "Ort"),
    ("phone", "Telefon"),
    ("mobile", "Mobil"),
    ("email", "E-Mail"),
    ("birth_date", "Geburtsdatum"),
    ("roles", "Rollen"),
    ("interests", "Interessen"),
    ("skills", "Fähigkeiten"),
    ("languages", "Sprachen"),
    ("status", "Status"),
    ("engaged_since", "Engagiert seit"),
)
HEADERS = tuple(title for _, title in COLUMNS)
_SELECTED = (
    Person.id,
    Person.salutation,
    Person.title,
    Person.first_name,
    Person.last_name,
    Person.street,
    Person.postal_code,
    Person.city,
    Person.phone,
    Person.mobile,
    Person.email,
    Person.birth_date,
    Person.status,
    Person.engaged_since,
)


def export_people(
    db: Database, query: ListQuery, path: str | Path, *, progress: Progress = NO_PROGRESS
) -> int:
    """Write every person ``list_people(query)`` would list (all pages) to ``.xlsx`` or ``.csv``.

    Returns how many people were written. The file appears only when complete;
    on an error or a cancel an older file of that name stays as it was.
    """
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ServiceError(
            f"Unbekanntes Dateiformat „{path.suffix or path.name}“; "
            "bitte .xlsx (Excel) oder .csv wählen."
        )
    total = count_people(db, query)
    with _replaced_when_done(path) as temporary, db.read_session() as session:
        count = writer(_rows(session, query, progress, total), temporary)
    if db.read_only:
        # A damaged or read-only database cannot take the audit entry: the log keeps it.
        log.warning("Export of %d people not in the audit log: database is read-only", count)
        return count
    with db.session() as session:
        audit.record(session, AuditAction.EXPORT, "person", None, [f"{count} Personen"])
    return count


def _rows(
    session: Session, query: ListQuery, progress: Progress, total: int
) -> Iterator[ExportRow]:
    ordering = sort_order(query, LIST_ORDER, "last_name", Person.id)
    statement = filtered_like_list(select(*_SELECTED), session, query).order_by(*ordering)
    result = session.execute(statement.execution_options(yield_per=BATCH))
    done = 0
    for batch in result.partitions():
        step(progress, done, total, "Personen werden exportiert …")
        done += len(batch)
        ids = [row.id for row in batch]
        roles, tags = _roles(session, ids), _tags(session, ids)
        for row in batch:
            words = tags[row.id]
            yield ExportRow(
                id=row.id,
                salutation=row.salutation,
                title=row.title,
                first_name=row.first_name,
                last_name=row.last_name,
                street=row.street,
                postal_code=row.postal_code,
                city=row.city,
                phone=row.phone,
                mobile=row.mobile,
                email=row.email,
                birth_date=row.birth_date,
                roles=", ".join(
                    label for role, label in ROLE_LABELS.items() if role in roles[row.id]
                ),
                interests=", ".join(words[TagKind.INTEREST]),
                skills=", ".join(words[TagKind.SKILL]),
                languages=", ".join(words[TagKind.LANGUAGE]),
                status=STATUS_LABELS[row.status],
                engaged_since=row.engaged_since,
            )


def _roles(session: Session, ids: Sequence[int]) -> dict[int, set[Role]]:
    roles: dict[int, set[Role]] = defaultdict(set)
    statement = select(PersonRole.person_id, PersonRole.role).where(PersonRole.person_id.in_(ids))
    for person_id, role in session.execute(statement):
        roles[person_id].add(role)
    return roles


def _tags(session: Session, ids: Sequence[int]) -> dict[int, dict[TagKind, list[str]]]:
    tags: dict[int, dict[TagKind, list[str]]] = defaultdict(lambda: defaultdict(list))
    statement = (
        select(PersonTag.person_id, PersonTag.kind, PersonTag.value)
        .where(PersonTag.person_id.in_(ids))
        .order_by(PersonTag.person_id, PersonTag.kind, PersonTag.value)
    )
    for person_id, kind, value in session.execute(statement):
        tags[person_id][kind].append(value)
    return tags


def _values(row: ExportRow) -> list[Any]:
    return [getattr(row, name) for name, _ in COLUMNS]


def _write_csv(rows: Iterator[ExportRow], path: Path) -> int:
    count = 0
    # utf-8-sig: the BOM is how Excel recognises UTF-8 and shows umlauts.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([_csv_text(value) for value in _values(row)])
            count += 1
    return count


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _write_xlsx(rows: Iterator[ExportRow], path: Path) -> int:
    # openpyxl (and numpy under it) loads when a workbook is written, not with the list.
    from engagement_desk.services.people.export_xlsx import write_xlsx

    return write_xlsx(rows, path)


@contextmanager
def _replaced_when_done(path: Path) -> Iterator[Path]:
    """A private temporary file next to ``path`` that replaces it only if writing succeeds."""
    if path.is_dir():
        raise ServiceError(f"„{path}“ ist ein Ordner, keine Datei.")
    if not path.parent.is_dir():
        raise ServiceError(f"Den Ordner „{path.parent}“ gibt es nicht.")
    try:
        with replacing(path) as temporary:
            yield temporary
    except PermissionError:
        if not os.access(path.parent, os.W_OK):
            raise ServiceError(f"Keine Berechtigung, in „{path.parent}“ zu schreiben.") from None
        raise ServiceError(
            f"„{path.name}“ kann nicht überschrieben werden; ist die Datei noch in Excel geöffnet?"
        ) from None


_WRITERS: dict[str, Callable[[Iterator[ExportRow], Path], int]] = {
    ".xlsx": _write_xlsx,
    ".csv": _write_csv,
}
