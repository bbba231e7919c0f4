"""Loading entries as records and checking that referenced people and places exist."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.models import Center, HoursEntry, Organization, Person, organization_center
from engagement_desk.services.hours.records import HoursRecord


@dataclass(frozen=True)
class KnownIds:
    people: frozenset[int]
    organizations: frozenset[int]
    centers: frozenset[int]
    sole_center: dict[int, int]  # organization → its centre, when it belongs to exactly one


def known_ids(
    session: Session,
    people: Iterable[int | None],
    organizations: Iterable[int | None],
    centers: Iterable[int | None],
) -> KnownIds:
    wanted_people = {i for i in people if i is not None}
    wanted_orgs = {i for i in organizations if i is not None}
    wanted_centers = {i for i in centers if i is not None}
    found_people = _existing(session, Person.id, wanted_people)
    found_orgs = _existing(session, Organization.id, wanted_orgs)
    found_centers = _existing(session, Center.id, wanted_centers)
    memberships: dict[int, list[int]] = {}
    link = organization_center.c
    for org_id, center_id in _chunked_rows(
        session,
        lambda chunk: select(link.organization_id, link.center_id).where(
            link.organization_id.in_(chunk)
        ),
        found_orgs,
    ):
        memberships.setdefault(org_id, []).append(center_id)
    return KnownIds(
        people=frozenset(found_people),
        organizations=frozenset(found_orgs),
        centers=frozenset(found_centers),
        sole_center={org: ids[0] for org, ids in memberships.items() if len(ids) == 1},
    )


CHUNK = 500


def _existing(session: Session, column, ids: set[int]) -> set[int]:
    rows = _chunked_rows(session, lambda chunk: select(column).where(column.in_(chunk)), ids)
    return {row[0] for row in rows}


def _chunked_rows(session: Session, statement_for, ids: Iterable[int]):
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield from session.execute(statement_for(ordered[start : start + CHUNK])).all()


def person_name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip()


def load_records(session: Session, entry_ids: Iterable[int]) -> tuple[HoursRecord, ...]:
    """The entries as records, in the order of ``entry_ids``."""
    ids = list(entry_ids)
    by_id: dict[int, HoursRecord] = {}
    for row in _chunked_rows(session, _record_statement, ids):
        by_id[row.id] = record_from_row(row)
    return tuple(by_id[i] for i in ids if i in by_id)


def _record_statement(ids):
    return record_query().where(HoursEntry.id.in_(ids))


def record_query():
    return (
        select(
            HoursEntry.id,
            HoursEntry.person_id,
            Person.first_name,
            Person.last_name,
            HoursEntry.on_date,
            HoursEntry.hours,
            HoursEntry.organization_id,
            Organization.name.label("organization"),
            HoursEntry.center_id,
            Center.name.label("center"),
            HoursEntry.activity,
            HoursEntry.source,
            HoursEntry.ride_id,
            HoursEntry.registration_id,
            HoursEntry.version,
        )
        .join(Person, Person.id == HoursEntry.person_id)
        .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
        .outerjoin(Center, Center.id == HoursEntry.center_id)
    )


def record_from_row(row) -> HoursRecord:
    return HoursRecord(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name(row.first_name, row.last_name),
        on_date=row.on_date,
        hours=row.hours,
        organization_id=row.organization_id,
        organization=row.organization or "",
        center_id=row.center_id,
        center=row.center or "",
        activity=row.activity,
        source=row.source,
        ride_id=row.ride_id,
        registration_id=row.registration_id,
        version=row.version,
    )
