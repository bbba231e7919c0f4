"""Figures for a year, without personal data (Auswertung)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import distinct, func, select

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Event,
    HoursEntry,
    Opportunity,
    Organization,
    Person,
    PersonRole,
    Placement,
    Registration,
    Ride,
)
from engagement_desk.models.enums import (
    OpportunityStatus,
    PersonStatus,
    PlacementStatus,
    RecordStatus,
    RegistrationStatus,
    RideStatus,
)


@dataclass(frozen=True)
class Overview:
    year: int
    people_by_role: dict[str, int]
    active_volunteers: int
    organizations: int
    open_opportunities: int
    placements_active: int
    rides_done: int
    ride_km: Decimal
    events: int
    event_participants: int
    hours_total: Decimal
    hours_by_center: dict[str, Decimal]


def agency_overview(db: Database, year: int) -> Overview:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with db.read_session() as session:
        people_by_role = {
            role.value: count
            for role, count in session.execute(
                select(PersonRole.role, func.count())
                .join(Person, Person.id == PersonRole.person_id)
                .where(Person.status != PersonStatus.ARCHIVED)
                .group_by(PersonRole.role)
                .order_by(PersonRole.role)
            )
        }
        active_volunteers = session.scalar(
            select(func.count(distinct(HoursEntry.person_id))).where(
                HoursEntry.on_date.between(start, end)
            )
        )
        organizations = session.scalar(
            select(func.count(Organization.id)).where(Organization.status == RecordStatus.ACTIVE)
        )
        open_opportunities = session.scalar(
            select(func.count(Opportunity.id)).where(Opportunity.status == OpportunityStatus.OPEN)
        )
        placements_active = session.scalar(
            select(func.count(Placement.id)).where(Placement.status == PlacementStatus.ACTIVE)
        )
        rides_done, ride_km = session.execute(
            select(func.count(Ride.id), func.coalesce(func.sum(Ride.km), 0)).where(
                Ride.status == RideStatus.DONE, Ride.ride_date.between(start, end)
            )
        ).one()
        year_start = dt.datetime.combine(start, dt.time())
        year_end = dt.datetime.combine(end, dt.time.max)
        events = session.scalar(
            select(func.count(Event.id)).where(Event.starts_at.between(year_start, year_end))
        )
        event_participants = session.scalar(
            select(func.count(Registration.id))
            .join(Event, Event.id == Registration.event_id)
            .where(
                Event.starts_at.between(year_start, year_end),
                Registration.status == RegistrationStatus.ATTENDED,
            )
        )
        hours_total = session.scalar(
            select(func.coalesce(func.sum(HoursEntry.hours), 0)).where(
                HoursEntry.on_date.between(start, end)
            )
        )
        hours_by_center = {
            name or "": Decimal(total)
            for name, total in session.execute(
                select(Center.name, func.sum(HoursEntry.hours))
                .outerjoin(Center, Center.id == HoursEntry.center_id)
                .where(HoursEntry.on_date.between(start, end))
                .group_by(Center.name, Center.name_key)
                .order_by(Center.name_key)
            )
        }
    return Overview(
        year=year,
        people_by_role=people_by_role,
        active_volunteers=active_volunteers or 0,
        organizations=organizations or 0,
        open_opportunities=open_opportunities or 0,
        placements_active=placements_active or 0,
        rides_done=rides_done,
        ride_km=Decimal(ride_km).quantize(Decimal("0.1")),
        events=events or 0,
        event_participants=event_participants or 0,
        hours_total=Decimal(hours_total).quantize(Decimal("0.01")),
        hours_by_center=hours_by_center,
    )
