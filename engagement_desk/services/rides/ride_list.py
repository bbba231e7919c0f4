"""Rides: the list the dispatcher works from (week planning comes with its own services)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from engagement_desk.db import Database
from engagement_desk.models import Person, Ride, RidePassenger, RideService
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    fetch_window,
    matches_words,
    sort_order,
)

RIDE_COLUMNS: tuple[Column, ...] = (
    Column("ride_date", "Date"),
    Column("start_time", "Time"),
    Column("service", "Service"),
    Column("passengers", "Passengers", sortable=False),
    Column("destination", "Destination"),
    Column("driver", "Driver"),
    Column("status", "Status"),
)
_driver = aliased(Person)
_SORT = {
    "ride_date": (Ride.ride_date, Ride.start_time),
    "start_time": (Ride.start_time, Ride.ride_date),
    "service": (RideService.name, Ride.ride_date, Ride.start_time),
    "destination": (Ride.destination, Ride.ride_date),
    "driver": (_driver.last_name_key, Ride.ride_date, Ride.start_time),
    "status": (Ride.status, Ride.ride_date, Ride.start_time),
}


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if service_id := filters.get("service_id"):
        statement = statement.where(Ride.service_id == service_id)
    if status := filters.get("status"):
        statement = statement.where(Ride.status == RideStatus(status))
    if (from_date := filters.get("from_date")) is not None:
        statement = statement.where(Ride.ride_date >= from_date)
    if (to_date := filters.get("to_date")) is not None:
        statement = statement.where(Ride.ride_date <= to_date)
    return statement.where(
        *matches_words(
            session, query.text, (Ride.destination, Ride.pickup_address, _driver.last_name)
        )
    )


def _base(columns: tuple) -> Select:
    return (
        select(*columns)
        .select_from(Ride)
        .join(RideService, RideService.id == Ride.service_id)
        .outerjoin(_driver, _driver.id == Ride.driver_id)
    )


def list_rides(db: Database, query: ListQuery) -> Page:
    ordering = sort_order(query, _SORT, "ride_date", Ride.id)
    columns = (
        Ride.id,
        Ride.ride_date,
        Ride.start_time,
        RideService.name.label("service"),
        Ride.destination,
        _driver.first_name.label("driver_first"),
        _driver.last_name.label("driver_last"),
        Ride.status,
    )
    with db.read_session() as session:
        statement = _filtered(_base(columns), session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
        passengers: dict[int, list[str]] = defaultdict(list)
        if found:
            for ride_id, first, last in session.execute(
                select(RidePassenger.ride_id, Person.first_name, Person.last_name)
                .join(Person, Person.id == RidePassenger.person_id)
                .where(RidePassenger.ride_id.in_([row.id for row in found]))
                .order_by(RidePassenger.ride_id, Person.last_name_key)
            ):
                passengers[ride_id].append(f"{first} {last}".strip())
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (
                row.ride_date,
                row.start_time,
                row.service,
                tuple(passengers[row.id]),
                row.destination,
                f"{row.driver_first or ''} {row.driver_last or ''}".strip(),
                row.status.value,
            )
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_rides(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = _filtered(_base((func.count(Ride.id),)), session, query)
        return session.execute(statement).scalar_one()


def list_ride_services(db: Database) -> list[tuple[int, str]]:
    with db.read_session() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(RideService.id, RideService.name).order_by(RideService.name_key)
            )
        ]


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)
