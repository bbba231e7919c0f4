"""Whether a ride has been through *Woche planen* yet, so a new request is not a "problem".

Planning a week leaves a mark in the audit trail (entity ``ride_week_plan``, the
ISO week as ``year * 100 + week``, the fields ``all_services`` or
``service_id=N`` and ``up_to_ride=ID``, the highest ride number then). An open
ride counts as planned once a mark covering its service came after it: its
number is not above ``up_to_ride`` and it was not changed after the mark. A
request taken after planning, or a ride changed since (new time, new day), is
"offen – noch nicht geplant" until the week is planned again, never a
planning problem. The audit trail needs no new table, and every staff role may
append to it and read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engagement_desk.models import AuditEntry, Ride
from engagement_desk.models.enums import AuditAction, RideStatus
from engagement_desk.services import audit
from engagement_desk.services.rides.calendar import IsoWeek
from engagement_desk.services.rides.reasons import UnassignedReason

ENTITY = "ride_week_plan"
ALL_SERVICES = "all_services"
UP_TO = "up_to_ride="
NOT_YET_PLANNED = "not_yet_planned"
NOT_YET_PLANNED_TEXT = "offen – noch nicht geplant"


def week_key(week: IsoWeek) -> int:
    return week.year * 100 + week.week


def _scope(service_id: int | None) -> str:
    return ALL_SERVICES if service_id is None else f"service_id={service_id}"


def record_planned(session: Session, week: IsoWeek, service_id: int | None) -> None:
    """Planning of ``week`` (one service or all) wrote its assignment in this unit of work."""
    session.flush()
    last = session.scalar(select(func.max(Ride.id))) or 0
    fields = [_scope(service_id), f"{UP_TO}{last}"]
    audit.record(session, AuditAction.UPDATE, ENTITY, week_key(week), fields)
    session.flush()


def _last_marks(session: Session, week: IsoWeek) -> dict[str, tuple[dt.datetime, int]]:
    """Per scope, the latest planning: when, and the highest ride number it could see."""
    marks: dict[str, tuple[dt.datetime, int]] = {}
    for summary, at in session.execute(
        select(AuditEntry.summary, AuditEntry.at).where(
            AuditEntry.entity == ENTITY, AuditEntry.entity_id == week_key(week)
        )
    ):
        parts = summary.split(", ")
        up_to = next((int(p[len(UP_TO) :]) for p in parts if p.startswith(UP_TO)), 0)
        for scope in (p for p in parts if not p.startswith(UP_TO)):
            if scope not in marks or at > marks[scope][0]:
                marks[scope] = (at, up_to)
    return marks


def unplanned_ride_ids(session: Session, week: IsoWeek, rides: Iterable[Ride]) -> set[int]:
    """The open rides without a driver that no planning of ``week`` has seen as they are."""
    marks = _last_marks(session, week)
    found = set()
    for ride in rides:
        if ride.driver_id is not None or ride.status != RideStatus.PLANNED:
            continue
        candidates = [marks.get(ALL_SERVICES), marks.get(_scope(ride.service_id))]
        seen = any(
            ride.id <= up_to and max(ride.created_at, ride.updated_at) <= at
            for at, up_to in (m for m in candidates if m is not None)
        )
        if not seen:
            found.add(ride.id)
    return found


def label_unplanned(
    session: Session, week: IsoWeek, rides: Sequence[Ride], reasons: Sequence[UnassignedReason]
) -> list[UnassignedReason]:
    """``reasons`` with "offen – noch nicht geplant" for the rides planning has not seen yet."""
    unplanned = unplanned_ride_ids(session, week, rides)
    return [
        UnassignedReason(r.ride_id, NOT_YET_PLANNED, NOT_YET_PLANNED_TEXT)
        if r.ride_id in unplanned
        else r
        for r in reasons
    ]
