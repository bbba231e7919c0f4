"""Volunteer opportunities an organization offers (Engagementangebote)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from engagement_desk.db import Database
from engagement_desk.models import Center, Opportunity, OpportunitySkill, Organization
from engagement_desk.models.enums import AuditAction, OpportunityStatus
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

WHAT = "Engagementangebot"
LABELS = {
    "organization_id": "Organisation",
    "center_id": "Zentrum",
    "title": "Titel",
    "description": "Beschreibung",
    "time_commitment": "Zeitaufwand",
    "place": "Ort",
    "postal_code": "PLZ",
    "volunteers_wanted": "Gesuchte Freiwillige",
    "skills": "Gesuchte Fähigkeiten",
}


@dataclass(frozen=True)
class OpportunityInput:
    organization_id: int
    title: str
    description: str = ""
    center_id: int | None = None
    skills: tuple[str, ...] = ()
    time_commitment: str = ""
    place: str = ""
    postal_code: str = ""
    volunteers_wanted: int = 1
    status: OpportunityStatus = OpportunityStatus.OPEN


@dataclass(frozen=True)
class OpportunityRecord(OpportunityInput):
    id: int = 0
    version: int = 0
    organization_name: str = ""
    center_name: str = ""


_SCALARS = tuple(f.name for f in fields(OpportunityInput) if f.name != "skills")


def _normalized(data: OpportunityInput) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in _SCALARS:
        value = getattr(data, name)
        if isinstance(value, str) and name != "status":
            value = value.strip() if name == "description" else clean(value)
        values[name] = value
    return values


def _skills(data: OpportunityInput) -> list[str]:
    unique: dict[str, str] = {}
    for value in data.skills:
        word = clean(value)[:100]
        if word:
            unique.setdefault(word.casefold(), word)
    return sorted(unique.values(), key=str.casefold)


def _validate(session: Session, values: dict[str, object]) -> None:
    check = Validator()
    check.required("title", LABELS["title"], values["title"])
    for name in ("title", "time_commitment", "place"):
        limit = Opportunity.__table__.c[name].type.length
        check.max_length(name, LABELS[name], str(values[name]), limit)
    check.postal_code("postal_code", LABELS["postal_code"], str(values["postal_code"]))
    wanted = values["volunteers_wanted"]
    if not isinstance(wanted, int) or wanted < 0 or wanted > 10_000:
        check.error(
            "volunteers_wanted", LABELS["volunteers_wanted"], "Bitte eine Zahl ab 0 eingeben."
        )
    try:
        OpportunityStatus(values["status"])
    except ValueError:
        check.error("status", "Status", f"Unbekannter Status „{values['status']}“.")
    if session.get(Organization, values["organization_id"]) is None:
        check.error(
            "organization_id",
            LABELS["organization_id"],
            f"Organisation Nr. {values['organization_id']} gibt es nicht.",
        )
    if values["center_id"] is not None and session.get(Center, values["center_id"]) is None:
        check.error(
            "center_id", LABELS["center_id"], f"Zentrum Nr. {values['center_id']} gibt es nicht."
        )
    check.raise_if_any()


def _record(opportunity: Opportunity) -> OpportunityRecord:
    return OpportunityRecord(
        **{name: getattr(opportunity, name) for name in _SCALARS},
        skills=tuple(sorted((s.value for s in opportunity.skills), key=str.casefold)),
        id=opportunity.id,
        version=opportunity.version,
        organization_name=opportunity.organization.name,
        center_name=opportunity.center.name if opportunity.center else "",
    )


def create_opportunity(db: Database, data: OpportunityInput) -> OpportunityRecord:
    values = _normalized(data)
    with db.session() as session:
        _validate(session, values)
        opportunity = Opportunity(
            **values, skills=[OpportunitySkill(value=v) for v in _skills(data)]
        )
        session.add(opportunity)
        session.flush()
        audit.record(session, AuditAction.CREATE, "opportunity", opportunity.id)
        return _record(opportunity)


def update_opportunity(
    db: Database, opportunity_id: int, data: OpportunityInput, *, expected_version: int
) -> OpportunityRecord:
    values = _normalized(data)
    with db.session() as session, conflicts_reported(WHAT, opportunity_id):
        opportunity = load_for_update(session, Opportunity, opportunity_id, expected_version, WHAT)
        _validate(session, values)
        with session.no_autoflush:
            changed = apply_changes(opportunity, values)
            wanted = _skills(data)
            if sorted((s.value for s in opportunity.skills), key=str.casefold) != wanted:
                opportunity.skills = [OpportunitySkill(value=v) for v in wanted]
                changed.append("skills")
        if changed:
            flag_modified(opportunity, "updated_at")
            session.flush()
            audit.record(session, AuditAction.UPDATE, "opportunity", opportunity_id, changed)
        return _record(opportunity)


def get_opportunity(db: Database, opportunity_id: int) -> OpportunityRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, Opportunity, opportunity_id, WHAT))


def get_opportunity_with_centers(
    db: Database, record_id: int | None
) -> tuple[OpportunityRecord | None, list[CenterRecord]]:
    return with_every_center(db, Opportunity, record_id, WHAT, _record)


OPPORTUNITY_COLUMNS: tuple[Column, ...] = (
    Column("title", "Title"),
    Column("organization", "Organization"),
    Column("center", "Centre"),
    Column("place", "Place"),
    Column("volunteers_wanted", "Wanted"),
    Column("status", "Status"),
)
_SORT = {
    "title": (Opportunity.title_key,),
    "organization": (Organization.name_key, Opportunity.title_key),
    "center": (Center.name_key, Opportunity.title_key),
    "place": (Opportunity.place_key, Opportunity.title_key),
    "volunteers_wanted": (Opportunity.volunteers_wanted, Opportunity.title_key),
    "status": (Opportunity.status, Opportunity.title_key),
}


def _base(columns: tuple) -> Select:
    return (
        select(*columns)
        .select_from(Opportunity)
        .join(Organization, Organization.id == Opportunity.organization_id)
        .outerjoin(Center, Center.id == Opportunity.center_id)
    )


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if organization_id := filters.get("organization_id"):
        statement = statement.where(Opportunity.organization_id == organization_id)
    if center_id := filters.get("center_id"):
        statement = statement.where(Opportunity.center_id == center_id)
    if status := filters.get("status"):
        statement = statement.where(Opportunity.status == OpportunityStatus(status))
    return statement.where(
        *matches_words(
            session, query.text, (Opportunity.title, Organization.name, Opportunity.place)
        )
    )


def list_opportunities(db: Database, query: ListQuery) -> Page:
    ordering = sort_order(query, _SORT, "title", Opportunity.id)
    columns = (
        Opportunity.id,
        Opportunity.title,
        Organization.name.label("organization"),
        Center.name.label("center"),
        Opportunity.place,
        Opportunity.volunteers_wanted,
        Opportunity.status,
    )
    with db.read_session() as session:
        statement = _filtered(_base(columns), session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (
                row.title,
                row.organization,
                row.center or "",
                row.place,
                row.volunteers_wanted,
                row.status.value,
            )
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_opportunities(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = _filtered(_base((func.count(Opportunity.id),)), session, query)
        return session.execute(statement).scalar_one()
