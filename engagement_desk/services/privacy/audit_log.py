"""The audit trail as a list for the data protection officer, and as a CSV file.

Filters (``ListQuery.filters``): ``person_id`` (entries about the person or any
row that is theirs, as the access report finds them), ``user``, ``action``
(an ``AuditAction`` value), ``date_from`` / ``date_to`` (local days, inclusive).
The free text matches the user, the table name and the summary.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction
from engagement_desk.models.vocabulary import german
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.files import write_file
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    fetch_window,
    matches_words,
    sort_order,
)
from engagement_desk.services.privacy.access import audit_condition, person_conditions
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

AUDIT_COLUMNS: tuple[Column, ...] = (
    Column("at", "When"),
    Column("user", "Staff member"),
    Column("action", "Action"),
    Column("entity", "Record"),
    Column("entity_id", "No."),
    Column("summary", "Fields"),
)
_SORT = {
    "at": (AuditEntry.at,),
    "user": (AuditEntry.user, AuditEntry.at),
    "action": (AuditEntry.action, AuditEntry.at),
    "entity": (AuditEntry.entity, AuditEntry.entity_id, AuditEntry.at),
    "entity_id": (AuditEntry.entity_id, AuditEntry.at),
    "summary": (AuditEntry.summary, AuditEntry.at),
}
CSV_HEADER = ("Zeitpunkt", "Bearbeiter/in", "Aktion", "Datensatz", "Nr.", "Felder / Umfang")
BATCH = 1000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    """The moment a local day starts, in UTC (``at`` is stored in UTC)."""
    return dt.datetime.combine(day, dt.time.min).astimezone().astimezone(dt.UTC)


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if (person_id := filters.get("person_id")) is not None:
        statement = statement.where(
            audit_condition(AuditEntry.__table__, person_conditions(int(person_id)))
        )
    if user := filters.get("user"):
        statement = statement.where(AuditEntry.user == user)
    if action := filters.get("action"):
        statement = statement.where(AuditEntry.action == AuditAction(action))
    if (start := filters.get("date_from")) is not None:
        statement = statement.where(AuditEntry.at >= _local_midnight_utc(_day(start)))
    if (end := filters.get("date_to")) is not None:
        next_day = _day(end) + dt.timedelta(days=1)
        statement = statement.where(AuditEntry.at < _local_midnight_utc(next_day))
    return statement.where(
        *matches_words(
            session, query.text, (AuditEntry.user, AuditEntry.entity, AuditEntry.summary)
        )
    )


def _selected() -> Select:
    return select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.user,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_id,
        AuditEntry.summary,
    )


def list_audit(db: Database, query: ListQuery) -> Page:
    """One window of audit entries, filtered and sorted in SQL (newest first by default)."""
    ordering = sort_order(query, _SORT, "at", AuditEntry.id)
    with db.read_session() as session:
        statement = _filtered(_selected(), session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (row.at, row.user, row.action.value, row.entity, row.entity_id, row.summary)
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_audit(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = select(func.count(AuditEntry.id))
        return session.execute(_filtered(statement, session, query)).scalar_one()


def audit_users(db: Database) -> list[str]:
    """Every staff member (operating-system user) the trail names, sorted."""
    with db.read_session() as session:
        users = session.scalars(
            select(AuditEntry.user).where(AuditEntry.user != "").distinct()
        ).all()
    return sorted(users, key=str.casefold)


def entity_label(entity: str) -> str:
    """What the CSV calls a record kind: the table name, '*' as the whole database."""
    return "gesamte Datenbank" if entity == "*" else entity


def _cell(value: str) -> str:
    """Text Excel would take for a formula gets an apostrophe (shown as plain text)."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def export_audit_csv(
    db: Database, query: ListQuery, path: str | Path, *, progress: Progress = NO_PROGRESS
) -> int:
    """Every entry the list shows (all pages, same order) as CSV for Excel; returns the count.

    Semicolons, UTF-8 with BOM, dates TT.MM.JJJJ HH:MM in local time. The file
    is written whole or not at all. Exporting the trail itself is not audited:
    it holds no personal data.
    """
    target = Path(path)
    total = count_audit(db, query)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    ordering = sort_order(query, _SORT, "at", AuditEntry.id)
    done = 0
    with db.read_session() as session:
        statement = _filtered(_selected(), session, query).order_by(*ordering)
        result = session.execute(statement.execution_options(yield_per=BATCH))
        for batch in result.partitions():
            step(progress, done, total, "Protokoll wird exportiert …")
            for row in batch:
                writer.writerow(
                    (
                        f"{row.at.astimezone():%d.%m.%Y %H:%M}",
                        _cell(row.user),
                        german(row.action),
                        _cell(entity_label(row.entity)),
                        "" if row.entity_id is None else row.entity_id,
                        _cell(row.summary),
                    )
                )
            done += len(batch)
    try:
        write_file(target, "\ufeff" + out.getvalue())
    except OSError as exc:
        raise ServiceError(
            f"Die Datei {target} kann nicht geschrieben werden: {exc.strerror or exc}."
        ) from exc
    progress.report(done, done, "Fertig.")
    return done
