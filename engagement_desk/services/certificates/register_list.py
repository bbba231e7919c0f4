"""The certificate register as a list; issuing, verifying and printing are beside it."""

from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Certificate, Person
from engagement_desk.models.enums import CertificateKind, CertificateStatus
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    fetch_window,
    matches_words,
    sort_order,
)

CERTIFICATE_COLUMNS: tuple[Column, ...] = (
    Column("number", "Number"),
    Column("kind", "Kind"),
    Column("person", "Person"),
    Column("issued_on", "Issued"),
    Column("status", "Status"),
)
_SORT = {
    "number": (Certificate.number,),
    "kind": (Certificate.kind, Certificate.number),
    "person": (Person.last_name_key, Person.first_name_key, Certificate.number),
    "issued_on": (Certificate.issued_on, Certificate.number),
    "status": (Certificate.status, Certificate.number),
}


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if kind := filters.get("kind"):
        statement = statement.where(Certificate.kind == CertificateKind(kind))
    if status := filters.get("status"):
        statement = statement.where(Certificate.status == CertificateStatus(status))
    if (person_id := filters.get("person_id")) is not None:
        statement = statement.where(Certificate.person_id == person_id)
    return statement.where(
        *matches_words(
            session,
            query.text,
            (Certificate.number, Person.last_name, Person.first_name, Person.certificate_name),
        )
    )


def list_certificates(db: Database, query: ListQuery) -> Page:
    ordering = sort_order(query, _SORT, "number", Certificate.id)
    with db.read_session() as session:
        statement = select(
            Certificate.id,
            Certificate.number,
            Certificate.kind,
            Person.first_name,
            Person.last_name,
            Certificate.issued_on,
            Certificate.status,
        ).join(Person, Person.id == Certificate.person_id)
        statement = _filtered(statement, session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (
                row.number,
                row.kind.value,
                f"{row.first_name} {row.last_name}".strip(),
                row.issued_on,
                row.status.value,
            )
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_certificates(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = select(func.count(Certificate.id)).join(
            Person, Person.id == Certificate.person_id
        )
        return session.execute(_filtered(statement, session, query)).scalar_one()
