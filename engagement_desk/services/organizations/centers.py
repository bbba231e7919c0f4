"""Engagement-Zentren: create, update, archive, read and list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Center, Person
from engagement_desk.models.enums import AuditAction, RecordStatus
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.people.persons import PersonChoice, choice_of
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
    violates,
)
from engagement_desk.services.validation import Validator, clean

T = TypeVar("T")
WHAT = "Engagement-Zentrum"
LABELS = {
    "name": "Name",
    "theme": "Thema",
    "street": "Straße",
    "postal_code": "PLZ",
    "city": "Ort",
    "phone": "Telefon",
    "email": "E-Mail",
    "opening_hours": "Öffnungszeiten",
    "description": "Beschreibung",
    "contact_person_id": "Ansprechperson",
}


@dataclass(frozen=True)
class CenterInput:
    name: str
    theme: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    opening_hours: str = ""
    description: str = ""
    contact_person_id: int | None = None


@dataclass(frozen=True)
class CenterRecord(CenterInput):
    id: int = 0
    version: int = 0
    status: RecordStatus = RecordStatus.ACTIVE
    updated_at: dt.datetime | None = None


_FIELDS = tuple(f.name for f in fields(CenterInput))


def _normalized(data: CenterInput) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in _FIELDS:
        value = getattr(data, name)
        if isinstance(value, str):
            value = value.strip() if name in {"description", "opening_hours"} else clean(value)
        values[name] = value
    values["email"] = str(values["email"]).lower()
    return values


def _validate(session, values: dict[str, object], center_id: int | None) -> None:
    check = Validator()
    check.required("name", LABELS["name"], values["name"])
    for name, column in Center.__table__.c.items():
        limit = getattr(column.type, "length", None)
        if name in LABELS and limit and isinstance(values.get(name), str):
            check.max_length(name, LABELS[name], values[name], limit)  # type: ignore[arg-type]
    check.postal_code("postal_code", LABELS["postal_code"], str(values["postal_code"]))
    check.email("email", LABELS["email"], str(values["email"]))
    check.phone("phone", LABELS["phone"], str(values["phone"]))
    if values["name"] and not check.has_error("name"):
        clash = session.scalar(
            select(Center.id).where(
                func.lower(Center.name) == str(values["name"]).lower(),
                Center.id != (center_id or 0),
            )
        )
        if clash is not None:
            check.error("name", LABELS["name"], f"Ein Zentrum „{values['name']}“ gibt es schon.")
    contact = values["contact_person_id"]
    if contact is not None and session.get(Person, contact) is None:
        check.error(
            "contact_person_id", LABELS["contact_person_id"], f"Person Nr. {contact} gibt es nicht."
        )
    check.raise_if_any()


def _record(center: Center) -> CenterRecord:
    return CenterRecord(
        **{name: getattr(center, name) for name in _FIELDS},
        id=center.id,
        version=center.version,
        status=center.status,
        updated_at=center.updated_at,
    )


def _flush_unique_name(session: Session, name: str) -> None:
    """``_validate`` looks first; the unique key decides when two workstations save at once."""
    try:
        session.flush()
    except IntegrityError as error:
        if not violates(error, "uq_center_name", "center.name"):
            raise
        raise ValidationError(
            [FieldError("name", LABELS["name"], f"Ein Zentrum „{name}“ gibt es schon.")]
        ) from error


def create_center(db: Database, data: CenterInput) -> CenterRecord:
    values = _normalized(data)
    with db.session() as session:
        _validate(session, values, None)
        center = Center(**values)
        session.add(center)
        _flush_unique_name(session, str(values["name"]))
        audit.record(session, AuditAction.CREATE, "center", center.id)
        return _record(center)


def update_center(
    db: Database, center_id: int, data: CenterInput, *, expected_version: int
) -> CenterRecord:
    values = _normalized(data)
    with db.session() as session, conflicts_reported(WHAT, center_id):
        center = load_for_update(session, Center, center_id, expected_version, WHAT)
        _validate(session, values, center_id)
        changed = apply_changes(center, values)
        if changed:
            _flush_unique_name(session, str(values["name"]))
            audit.record(session, AuditAction.UPDATE, "center", center_id, changed)
        return _record(center)


def archive_center(db: Database, center_id: int, *, expected_version: int) -> CenterRecord:
    with db.session() as session, conflicts_reported(WHAT, center_id):
        center = load_for_update(session, Center, center_id, expected_version, WHAT)
        if center.status != RecordStatus.ARCHIVED:
            center.status = RecordStatus.ARCHIVED
            session.flush()
            audit.record(session, AuditAction.ARCHIVE, "center", center_id, ["status"])
        return _record(center)


def get_center(db: Database, center_id: int) -> CenterRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, Center, center_id, WHAT))


def list_centers(db: Database, *, include_archived: bool = False) -> list[CenterRecord]:
    with db.read_session() as session:
        return centers_in(session, include_archived=include_archived)


def centers_in(session: Session, *, include_archived: bool = False) -> list[CenterRecord]:
    statement = select(Center).order_by(Center.name_key)
    if not include_archived:
        statement = statement.where(Center.status == RecordStatus.ACTIVE)
    return [_record(c) for c in session.scalars(statement)]


def with_every_center(
    db: Database,
    model: type[Any],
    record_id: int | None,
    what: str,
    to_record: Callable[[Any], T],
) -> tuple[T | None, list[CenterRecord]]:
    """An editor's record (None: a new one) and every centre it may belong to, read together."""
    with db.read_session() as session:
        record = None
        if record_id is not None:
            record = to_record(get_or_raise(session, model, record_id, what))
        return record, centers_in(session, include_archived=True)


def get_center_with_contact(
    db: Database, center_id: int | None
) -> tuple[CenterRecord | None, PersonChoice | None]:
    """The centre editor's record and its contact person as the picker shows them."""
    if center_id is None:
        return None, None
    with db.read_session() as session:
        center = get_or_raise(session, Center, center_id, WHAT)
        contact = None
        if center.contact_person_id is not None:
            person = session.get(Person, center.contact_person_id)
            contact = choice_of(person) if person is not None else None
        return _record(center), contact
