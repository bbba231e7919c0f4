"""What belongs to one Engagement-Zentrum: its clubs, opportunities, volunteers and events.

A volunteer belongs to a centre while they are placed (status "aktiv") in one
of its opportunities, or when they recorded hours for it in the last twelve
months. Archived people are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Event,
    HoursEntry,
    Opportunity,
    Organization,
    Person,
    Placement,
    organization_center,
)
from engagement_desk.models.enums import (
    EventKind,
    OpportunityStatus,
    OrganizationKind,
    PersonStatus,
    PlacementStatus,
    RecordStatus,
)
from engagement_desk.services.records import get_or_raise

HOURS_WINDOW_DAYS = 365


@dataclass(frozen=True)
class CenterOrganization:
    id: int
    name: str
    kind: OrganizationKind
    city: str


@dataclass(frozen=True)
class CenterOpportunity:
    id: int
    title: str
    organization_name: str
    status: OpportunityStatus
    volunteers_wanted: int


@dataclass(frozen=True)
class CenterVolunteer:
    id: int
    name: str
    placed_in: tuple[str, ...]  # titles of the opportunities they are active in
    hours: Decimal  # in the last twelve months


@dataclass(frozen=True)
class CenterEvent:
    id: int
    title: str
    kind: EventKind
    starts_at: dt.datetime


@dataclass(frozen=True)
class CenterOverview:
    center_id: int
    organizations: tuple[CenterOrganization, ...]
    opportunities: tuple[CenterOpportunity, ...]
    volunteers: tuple[CenterVolunteer, ...]
    events: tuple[CenterEvent, ...]


def center_overview(
    db: Database, center_id: int, *, today: dt.date | None = None
) -> CenterOverview:
    today = today or dt.date.today()
    since = today - dt.timedelta(days=HOURS_WINDOW_DAYS)
    with db.read_session() as session:
        get_or_raise(session, Center, center_id, "Engagement-Zentrum")
        organizations = tuple(
            CenterOrganization(row.id, row.name, row.kind, row.city)
            for row in session.execute(
                select(Organization.id, Organization.name, Organization.kind, Organization.city)
                .join(
                    organization_center,
                    organization_center.c.organization_id == Organization.id,
                )
                .where(
                    organization_center.c.center_id == center_id,
                    Organization.status == RecordStatus.ACTIVE,
                )
                .order_by(Organization.name_key, Organization.id)
            )
        )
        opportunities = tuple(
            CenterOpportunity(row.id, row.title, row.name, row.status, row.volunteers_wanted)
            for row in session.execute(
                select(
                    Opportunity.id,
                    Opportunity.title,
                    Organization.name,
                    Opportunity.status,
                    Opportunity.volunteers_wanted,
                )
                .join(Organization, Organization.id == Opportunity.organization_id)
                .where(Opportunity.center_id == center_id)
                .order_by(Opportunity.status, Opportunity.title_key, Opportunity.id)
            )
        )
        placed: dict[int, list[str]] = defaultdict(list)
        for person_id, title in session.execute(
            select(Placement.person_id, Opportunity.title)
            .join(Opportunity, Opportunity.id == Placement.opportunity_id)
            .where(
                Opportunity.center_id == center_id,
                Placement.status == PlacementStatus.ACTIVE,
            )
            .order_by(Opportunity.title_key)
        ):
            placed[person_id].append(title)
        hours = dict(
            session.execute(
                select(HoursEntry.person_id, func.sum(HoursEntry.hours))
                .where(HoursEntry.center_id == center_id, HoursEntry.on_date >= since)
                .group_by(HoursEntry.person_id)
            ).all()
        )
        people = session.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .where(
                Person.id.in_(set(placed) | set(hours)),
                Person.status != PersonStatus.ARCHIVED,
            )
            .order_by(Person.last_name_key, Person.first_name_key, Person.id)
        ).all()
        volunteers = tuple(
            CenterVolunteer(
                row.id,
                f"{row.first_name} {row.last_name}".strip(),
                tuple(placed.get(row.id, ())),
                Decimal(hours.get(row.id) or 0),
            )
            for row in people
        )
        events = tuple(
            CenterEvent(row.id, row.title, row.kind, row.starts_at)
            for row in session.execute(
                select(Event.id, Event.title, Event.kind, Event.starts_at)
                .where(Event.center_id == center_id)
                .order_by(Event.starts_at.desc(), Event.id)
            )
        )
    return CenterOverview(center_id, organizations, opportunities, volunteers, events)
