"""Placement (Vermittlung): a person's way to an opportunity, step by dated step.

Interesse → Erstgespräch → vorgeschlagen → aktiv → beendet, or abgelehnt at any
open step. Staff call back after a referral; the follow-up date makes the
list they work from each week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import (
    Consent,
    Opportunity,
    Organization,
    Person,
    Placement,
    PlacementStep,
)
from engagement_desk.models.enums import (
    AuditAction,
    ConsentPurpose,
    OpportunityStatus,
    PersonStatus,
    PlacementStatus,
)
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.records import conflicts_reported, get_or_raise, load_for_update
from engagement_desk.services.validation import clean

WHAT = "Vermittlung"
STATUS_LABELS = german_names(PlacementStatus)
PATH = (
    PlacementStatus.INTEREST,
    PlacementStatus.FIRST_TALK,
    PlacementStatus.PROPOSED,
    PlacementStatus.ACTIVE,
    PlacementStatus.ENDED,
)
FINAL = frozenset({PlacementStatus.ENDED, PlacementStatus.DECLINED})


def allowed_next(status: PlacementStatus) -> tuple[PlacementStatus, ...]:
    """Forward along the path (steps may be skipped up to 'aktiv'), or declined while open."""
    if status in FINAL:
        return ()
    position = PATH.index(status)
    forward = [s for s in PATH[position + 1 :] if s != PlacementStatus.ENDED]
    if status == PlacementStatus.ACTIVE:
        forward = [PlacementStatus.ENDED]
    return (*forward, PlacementStatus.DECLINED)


@dataclass(frozen=True)
class StepRecord:
    status: PlacementStatus
    on_date: dt.date
    note: str


@dataclass(frozen=True)
class PlacementRecord:
    id: int
    version: int
    person_id: int
    person_name: str
    opportunity_id: int
    opportunity_title: str
    organization_name: str
    status: PlacementStatus
    follow_up_on: dt.date | None
    steps: tuple[StepRecord, ...]


def _record(placement: Placement) -> PlacementRecord:
    person, opportunity = placement.person, placement.opportunity
    return PlacementRecord(
        id=placement.id,
        version=placement.version,
        person_id=person.id,
        person_name=f"{person.first_name} {person.last_name}".strip(),
        opportunity_id=opportunity.id,
        opportunity_title=opportunity.title,
        organization_name=opportunity.organization.name,
        status=placement.status,
        follow_up_on=placement.follow_up_on,
        steps=tuple(StepRecord(s.status, s.on_date, s.note) for s in placement.steps),
    )


def _check_dates(on_date: dt.date, follow_up_on: dt.date | None, last: dt.date | None) -> None:
    errors = []
    if on_date > dt.date.today():
        errors.append(FieldError("on_date", "Datum", "Der Schritt liegt in der Zukunft."))
    if last is not None and on_date < last:
        errors.append(
            FieldError("on_date", "Datum", f"Liegt vor dem letzten Schritt ({last:%d.%m.%Y}).")
        )
    if follow_up_on is not None and follow_up_on < on_date:
        errors.append(
            FieldError("follow_up_on", "Wiedervorlage", "Die Wiedervorlage liegt vor dem Schritt.")
        )
    if errors:
        raise ValidationError(errors)


def may_share_with_organization(db: Database, person_id: int) -> bool:
    """Whether the person's consent to pass their data to a club stands.

    A placement hands the person's name and contact to the organization, so the
    placement dialog warns (it does not refuse) when this is False: consent may
    have been given on paper and not yet been recorded.
    """
    with db.read_session() as session:
        get_or_raise(session, Person, person_id, "Person")
        standing = session.scalar(
            select(Consent.id).where(
                Consent.person_id == person_id,
                Consent.purpose == ConsentPurpose.SHARE_WITH_ORGANIZATION,
                Consent.withdrawn_on.is_(None),
            )
        )
        return standing is not None


def create_placement(
    db: Database,
    person_id: int,
    opportunity_id: int,
    *,
    on_date: dt.date,
    note: str = "",
    follow_up_on: dt.date | None = None,
) -> PlacementRecord:
    _check_dates(on_date, follow_up_on, None)
    with db.session() as session:
        # Locked so that two workstations cannot both find no open placement and add one.
        session.get(Opportunity, opportunity_id, with_for_update=True, populate_existing=True)
        person = get_or_raise(session, Person, person_id, "Person")
        opportunity = get_or_raise(session, Opportunity, opportunity_id, "Engagementangebot")
        if person.status == PersonStatus.ARCHIVED:
            raise ValidationError([FieldError("person_id", "Person", "Die Person ist archiviert.")])
        if opportunity.status == OpportunityStatus.FILLED:
            raise ValidationError(
                [
                    FieldError(
                        "opportunity_id", "Engagementangebot", "Das Angebot ist schon besetzt."
                    )
                ]
            )
        open_one = session.scalar(
            select(Placement.id).where(
                Placement.person_id == person_id,
                Placement.opportunity_id == opportunity_id,
                Placement.status.not_in(FINAL),
            )
        )
        if open_one is not None:
            raise ValidationError(
                [
                    FieldError(
                        "opportunity_id",
                        "Engagementangebot",
                        f"Für dieses Angebot läuft schon Vermittlung Nr. {open_one}.",
                    )
                ]
            )
        placement = Placement(
            person=person,
            opportunity=opportunity,
            status=PlacementStatus.INTEREST,
            follow_up_on=follow_up_on,
            steps=[
                PlacementStep(status=PlacementStatus.INTEREST, on_date=on_date, note=note.strip())
            ],
        )
        session.add(placement)
        session.flush()
        audit.record(session, AuditAction.CREATE, "placement", placement.id)
        return _record(placement)


def advance_placement(
    db: Database,
    placement_id: int,
    status: PlacementStatus,
    *,
    expected_version: int,
    on_date: dt.date,
    note: str = "",
    follow_up_on: dt.date | None = None,
) -> PlacementRecord:
    """Record the next step; the follow-up date is replaced (None clears it)."""
    with db.session() as session, conflicts_reported(WHAT, placement_id):
        placement = load_for_update(session, Placement, placement_id, expected_version, WHAT)
        status = PlacementStatus(status)
        if status not in allowed_next(placement.status):
            choices = (
                ", ".join(STATUS_LABELS[s] for s in allowed_next(placement.status)) or "keiner"
            )
            raise ValidationError(
                [
                    FieldError(
                        "status",
                        "Status",
                        f"Von „{STATUS_LABELS[placement.status]}“ geht es nicht nach "
                        f"„{STATUS_LABELS[status]}“ (möglich: {choices}).",
                    )
                ]
            )
        _check_dates(
            on_date, follow_up_on, placement.steps[-1].on_date if placement.steps else None
        )
        placement.status = status
        placement.follow_up_on = None if status in FINAL else follow_up_on
        placement.steps.append(PlacementStep(status=status, on_date=on_date, note=clean(note)))
        session.flush()
        audit.record(session, AuditAction.UPDATE, "placement", placement_id, ["status"])
        return _record(placement)


def get_placement(db: Database, placement_id: int) -> PlacementRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, Placement, placement_id, WHAT))


def placements_of_person(db: Database, person_id: int) -> list[PlacementRecord]:
    with db.read_session() as session:
        placements = session.scalars(
            select(Placement).where(Placement.person_id == person_id).order_by(Placement.id.desc())
        )
        return [_record(p) for p in placements]


@dataclass(frozen=True)
class FollowUp:
    placement_id: int
    follow_up_on: dt.date
    person_id: int
    person_name: str
    phone: str
    opportunity_title: str
    organization_name: str
    status: PlacementStatus
    overdue: bool


def due_follow_ups(db: Database, *, today: dt.date | None = None) -> list[FollowUp]:
    """Calls due by the end of this week (Sunday), overdue ones first."""
    today = today or dt.date.today()
    week_end = today + dt.timedelta(days=6 - today.weekday())
    statement = (
        select(
            Placement.id,
            Placement.follow_up_on,
            Placement.status,
            Person.id.label("person_id"),
            Person.first_name,
            Person.last_name,
            Person.phone,
            Person.mobile,
            Opportunity.title,
            Organization.name,
        )
        .join(Person, Person.id == Placement.person_id)
        .join(Opportunity, Opportunity.id == Placement.opportunity_id)
        .join(Organization, Organization.id == Opportunity.organization_id)
        .where(
            Placement.follow_up_on.is_not(None),
            Placement.follow_up_on <= week_end,
            Placement.status.not_in(FINAL),
            Person.status != PersonStatus.ARCHIVED,
        )
        .order_by(Placement.follow_up_on, Person.last_name_key, Placement.id)
    )
    with db.read_session() as session:
        rows = session.execute(statement).all()
    return [
        FollowUp(
            placement_id=row.id,
            follow_up_on=row.follow_up_on,
            person_id=row.person_id,
            person_name=f"{row.first_name} {row.last_name}".strip(),
            phone=row.phone or row.mobile,
            opportunity_title=row.title,
            organization_name=row.name,
            status=row.status,
            overdue=row.follow_up_on < today,
        )
        for row in rows
    ]
