"""Organizations (clubs, initiatives, institutions, partners): edit, read and list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, fields

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from engagement_desk.db import Database
from engagement_desk.models import Center, Opportunity, Organization, organization_center
from engagement_desk.models.enums import (
    AuditAction,
    OpportunityStatus,
    OrganizationKind,
    RecordStatus,
)
from engagement_desk.services import audit
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    fetch_window,
    matches_words,
    sort_order,
)
from engagement_desk.services.organizations.centers import CenterRecord, with_every_center
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.validation import Validator, clean

WHAT = "Organisation"
LABELS = {
    "name": "Name",
    "kind": "Art",
    "street": "Straße",
    "postal_code": "PLZ",
    "city": "Ort",
    "phone": "Telefon",
    "email": "E-Mail",
    "website": "Website",
    "description": "Beschreibung",
    "center_ids": "Engagement-Zentren",
}


@dataclass(frozen=True)
class OrganizationInput:
    name: str
    kind: OrganizationKind = OrganizationKind.CLUB
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    description: str = ""
    may_publish: bool = False
    center_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class OrganizationRecord(OrganizationInput):
    id: int = 0
    version: int = 0
    status: RecordStatus = RecordStatus.ACTIVE
    updated_at: dt.datetime | None = None


_SCALARS = tuple(f.name for f in fields(OrganizationInput) if f.name != "center_ids")


def _normalized(data: OrganizationInput) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in _SCALARS:
        value = getattr(data, name)
        if isinstance(value, str):
            value = value.strip() if name == "description" else clean(value)
        values[name] = value
    values["email"] = str(values["email"]).lower()
    return values


def _validate(session: Session, values: dict[str, object], center_ids: tuple[int, ...]) -> None:
    check = Validator()
    check.required("name", LABELS["name"], values["name"])
    for name, column in Organization.__table__.c.items():
        limit = getattr(column.type, "length", None)
        if name in LABELS and limit and isinstance(values.get(name), str) and name != "kind":
            check.max_length(name, LABELS[name], values[name], limit)  # type: ignore[arg-type]
    try:
        OrganizationKind(values["kind"])
    except ValueError:
        check.error("kind", LABELS["kind"], f"Unbekannte Art „{values['kind']}“.")
    check.postal_code("postal_code", LABELS["postal_code"], str(values["postal_code"]))
    check.email("email", LABELS["email"], str(values["email"]))
    check.phone("phone", LABELS["phone"], str(values["phone"]))
    check.url("website", LABELS["website"], str(values["website"]))
    if center_ids:
        known = set(session.scalars(select(Center.id).where(Center.id.in_(center_ids))))
        missing = sorted(set(center_ids) - known)
        if missing:
            check.error(
                "center_ids", LABELS["center_ids"], f"Zentrum Nr. {missing[0]} gibt es nicht."
            )
    check.raise_if_any()


def _centers(session: Session, center_ids: tuple[int, ...]) -> list[Center]:
    if not center_ids:
        return []
    return list(
        session.scalars(select(Center).where(Center.id.in_(center_ids)).order_by(Center.id))
    )


def _record(organization: Organization) -> OrganizationRecord:
    return OrganizationRecord(
        **{name: getattr(organization, name) for name in _SCALARS},
        center_ids=tuple(sorted(c.id for c in organization.centers)),
        id=organization.id,
        version=organization.version,
        status=organization.status,
        updated_at=organization.updated_at,
    )


def create_organization(db: Database, data: OrganizationInput) -> OrganizationRecord:
    values = _normalized(data)
    with db.session() as session:
        _validate(session, values, data.center_ids)
        organization = Organization(**values, centers=_centers(session, data.center_ids))
        session.add(organization)
        session.flush()
        audit.record(session, AuditAction.CREATE, "organization", organization.id)
        return _record(organization)


def update_organization(
    db: Database, organization_id: int, data: OrganizationInput, *, expected_version: int
) -> OrganizationRecord:
    values = _normalized(data)
    with db.session() as session, conflicts_reported(WHAT, organization_id):
        organization = load_for_update(
            session, Organization, organization_id, expected_version, WHAT
        )
        _validate(session, values, data.center_ids)
        with session.no_autoflush:  # one UPDATE, so the version moves by exactly one
            changed = apply_changes(organization, values)
            if {c.id for c in organization.centers} != set(data.center_ids):
                organization.centers = _centers(session, data.center_ids)
                changed.append("center_ids")
        if changed:
            flag_modified(organization, "updated_at")
            session.flush()
            audit.record(session, AuditAction.UPDATE, "organization", organization_id, changed)
        return _record(organization)


def archive_organization(
    db: Database, organization_id: int, *, expected_version: int
) -> OrganizationRecord:
    with db.session() as session, conflicts_reported(WHAT, organization_id):
        organization = load_for_update(
            session, Organization, organization_id, expected_version, WHAT
        )
        if organization.status != RecordStatus.ARCHIVED:
            organization.status = RecordStatus.ARCHIVED
            session.flush()
            audit.record(session, AuditAction.ARCHIVE, "organization", organization_id, ["status"])
        return _record(organization)


def get_organization(db: Database, organization_id: int) -> OrganizationRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, Organization, organization_id, WHAT))


def get_organization_with_centers(
    db: Database, record_id: int | None
) -> tuple[OrganizationRecord | None, list[CenterRecord]]:
    return with_every_center(db, Organization, record_id, WHAT, _record)


ORGANIZATION_COLUMNS: tuple[Column, ...] = (
    Column("name", "Name"),
    Column("kind", "Kind"),
    Column("postal_code", "Postal code"),
    Column("city", "City"),
    Column("centers", "Centres", sortable=False),
    Column("opportunities", "Open opportunities"),
    Column("status", "Status"),
)
_OPEN_OPPORTUNITIES = (
    select(func.count(Opportunity.id))
    .where(
        Opportunity.organization_id == Organization.id,
        Opportunity.status == OpportunityStatus.OPEN,
    )
    .correlate(Organization)
    .scalar_subquery()
)
_SORT = {
    "name": (Organization.name_key,),
    "kind": (Organization.kind, Organization.name_key),
    "postal_code": (Organization.postal_code, Organization.name_key),
    "city": (Organization.city_key, Organization.name_key),
    "opportunities": (_OPEN_OPPORTUNITIES, Organization.name_key),
    "status": (Organization.status, Organization.name_key),
}
_TEXT_COLUMNS = (Organization.name, Organization.city, Organization.email, Organization.description)


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if kind := filters.get("kind"):
        statement = statement.where(Organization.kind == OrganizationKind(kind))
    if status := filters.get("status"):
        statement = statement.where(Organization.status == RecordStatus(status))
    if center_id := filters.get("center_id"):
        statement = statement.where(
            exists().where(
                organization_center.c.organization_id == Organization.id,
                organization_center.c.center_id == center_id,
            )
        )
    return statement.where(*matches_words(session, query.text, _TEXT_COLUMNS))


def list_organizations(db: Database, query: ListQuery) -> Page:
    ordering = sort_order(query, _SORT, "name", Organization.id)
    with db.read_session() as session:
        statement = select(
            Organization.id,
            Organization.name,
            Organization.kind,
            Organization.postal_code,
            Organization.city,
            _OPEN_OPPORTUNITIES.label("open_opportunities"),
            Organization.status,
        )
        statement = _filtered(statement, session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
        centers: dict[int, list[str]] = defaultdict(list)
        if found:
            for organization_id, name in session.execute(
                select(organization_center.c.organization_id, Center.name)
                .join(Center, Center.id == organization_center.c.center_id)
                .where(organization_center.c.organization_id.in_([row.id for row in found]))
                .order_by(organization_center.c.organization_id, Center.name_key)
            ):
                centers[organization_id].append(name)
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (
                row.name,
                row.kind.value,
                row.postal_code,
                row.city,
                tuple(centers[row.id]),
                row.open_opportunities,
                row.status.value,
            )
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_organizations(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = _filtered(select(func.count()).select_from(Organization), session, query)
        return session.execute(statement).scalar_one()


@dataclass(frozen=True)
class OrganizationChoice:
    """An organization as offered in a picker: id and a label with its town."""

    id: int
    label: str


def find_organizations(db: Database, text: str, *, limit: int = 20) -> list[OrganizationChoice]:
    """Active organizations whose name, town or description match every typed word."""
    query = ListQuery(text=text, filters={"status": RecordStatus.ACTIVE.value}, limit=limit)
    page = list_organizations(db, query)
    return [
        OrganizationChoice(organization_id, _choice_label(row[0], row[3]))
        for organization_id, row in zip(page.ids, page.rows, strict=True)
    ]


def organization_choices(db: Database) -> list[OrganizationChoice]:
    """Every active organization by name, for a drop-down (a town has a few hundred)."""
    with db.read_session() as session:
        rows = session.execute(
            select(Organization.id, Organization.name, Organization.city)
            .where(Organization.status == RecordStatus.ACTIVE)
            .order_by(Organization.name_key, Organization.id)
        ).all()
    return [OrganizationChoice(id_, _choice_label(name, city)) for id_, name, city in rows]


def _choice_label(name: str, city: str) -> str:
    return f"{name} ({city})" if city else name
