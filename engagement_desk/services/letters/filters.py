"""Saved filters of the people list: its search words and filters under a name.

The window saves what the list shows now and can choose it again; letters take their
recipients from one (``recipients.SavedFilterSource``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import SavedFilter
from engagement_desk.models.enums import AuditAction, PersonStatus, Role
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, NotFoundError, ValidationError
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import CONSENT_MISSING, CONSENT_WITHDRAWN
from engagement_desk.services.records import conflicts_reported, load_for_update, violates
from engagement_desk.services.validation import Validator, clean

WHAT = "Gespeicherter Filter"
TABLE = "saved_filter"
UNIQUE_NAME = "uq_saved_filter_name"
KNOWN_FILTERS = {
    "role": lambda value: Role(value).value,
    "status": lambda value: PersonStatus(value).value,
    "consent": lambda value: {CONSENT_MISSING: value, CONSENT_WITHDRAWN: value}[value],
    "center_id": int,
}


@dataclass(frozen=True)
class SavedFilterRecord:
    id: int
    name: str
    search_text: str
    filters: Mapping[str, Any] = field(default_factory=dict)
    version: int = 0

    def query(self) -> ListQuery:
        """The people list's query this filter stands for (all rows, no paging)."""
        return ListQuery(text=self.search_text, filters=dict(self.filters))


def _filters_of(text: str) -> dict[str, Any]:
    try:
        stored = json.loads(text or "{}")
    except ValueError:
        return {}
    return clean_filters(stored if isinstance(stored, dict) else {})


def clean_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Only the filters the people list knows, with values it accepts."""
    kept: dict[str, Any] = {}
    for key, convert in KNOWN_FILTERS.items():
        value = filters.get(key)
        if value in (None, ""):
            continue
        try:
            kept[key] = convert(value)
        except (KeyError, ValueError, TypeError):
            continue
    return kept


def _record(row: SavedFilter) -> SavedFilterRecord:
    return SavedFilterRecord(
        id=row.id,
        name=row.name,
        search_text=row.search_text,
        filters=_filters_of(row.filters),
        version=row.version,
    )


def list_saved_filters(db: Database) -> tuple[SavedFilterRecord, ...]:
    with db.read_session() as session:
        rows = session.scalars(select(SavedFilter).order_by(SavedFilter.name))
        return tuple(_record(row) for row in rows)


def filter_named(session: Session, name: str) -> SavedFilterRecord:
    row = session.scalar(select(SavedFilter).where(SavedFilter.name == clean(name)))
    if row is None:
        known = ", ".join(f"„{n}“" for n in session.scalars(select(SavedFilter.name)))
        raise NotFoundError(
            f"Einen gespeicherten Filter „{clean(name)}“ gibt es nicht"
            + (f" (vorhanden: {known})." if known else ".")
        )
    return _record(row)


def save_filter(
    db: Database, name: str, search_text: str, filters: Mapping[str, Any]
) -> SavedFilterRecord:
    """Save the list's search and filters under ``name``; the same name is replaced."""
    name, search_text = clean(name), clean(search_text)
    check = Validator()
    check.required("name", "Name", name)
    check.max_length("name", "Name", name, 120)
    check.max_length("search_text", "Suche", search_text, 200)
    check.raise_if_any()
    stored = json.dumps(clean_filters(filters), sort_keys=True)
    with db.session() as session:
        row = session.scalar(select(SavedFilter).where(SavedFilter.name == name))
        action = AuditAction.UPDATE
        if row is None:
            row = SavedFilter(name=name, search_text=search_text, filters=stored)
            session.add(row)
            action = AuditAction.CREATE
        else:
            row.search_text, row.filters = search_text, stored
        try:
            session.flush()
        except IntegrityError as exc:
            if violates(exc, UNIQUE_NAME, "saved_filter.name"):
                raise ValidationError(
                    [FieldError("name", "Name", f"„{name}“ wurde gerade anderswo gespeichert.")]
                ) from exc
            raise
        audit.record(session, action, TABLE, row.id, ["filters"])
        return _record(row)


def delete_filter(db: Database, filter_id: int, *, expected_version: int) -> None:
    with db.session() as session, conflicts_reported(WHAT, filter_id):
        row = load_for_update(session, SavedFilter, filter_id, expected_version, WHAT)
        session.delete(row)
        session.flush()
        audit.record(session, AuditAction.DELETE, TABLE, filter_id)
