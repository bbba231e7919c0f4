"""Rides by ride service: carried out, cancelled, no-show, unassigned, km, people served."""

from __future__ import annotations

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from engagement_desk.models import Ride, RidePassenger, RideService
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.reports.bounds import decimal, month_of, within
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import MonthCount, RideFigures, RidesSection


def _count(status: RideStatus):
    return func.coalesce(func.sum(case((Ride.status == status, 1), else_=0)), 0)


def rides_section(
    session: Session, period: Period, center_id: int | None, service_id: int | None
) -> RidesSection:
    """Rides dated in the period, per ride service and together.

    done / cancelled / no-show: by the ride's status; unassigned: still *planned*
    (no driver given) — rides that nobody drove or that are still open; km: of
    rides done; passengers served and active drivers: distinct people on rides
    done (counted once in the total even when they used two services).
    A centre filter keeps the services belonging to that centre.
    """
    done = Ride.status == RideStatus.DONE
    figures = (
        _count(RideStatus.DONE),
        _count(RideStatus.CANCELLED),
        _count(RideStatus.NO_SHOW),
        _count(RideStatus.PLANNED),
        func.coalesce(func.sum(case((done, Ride.km), else_=None)), 0),
        func.count(distinct(case((done, Ride.driver_id), else_=None))),
    )

    def narrowed(query):
        query = query.join(RideService, RideService.id == Ride.service_id).where(
            within(Ride.ride_date, period)
        )
        if center_id is not None:
            query = query.where(RideService.center_id == center_id)
        if service_id is not None:
            query = query.where(Ride.service_id == service_id)
        return query

    passengers = narrowed(
        select(Ride.service_id, func.count(distinct(RidePassenger.person_id)))
        .select_from(RidePassenger)
        .join(Ride, Ride.id == RidePassenger.ride_id)
        .where(done)
        .group_by(Ride.service_id)
    )
    served = dict(session.execute(passengers).all())
    by_service = tuple(
        RideFigures(sid, name, d, c, n, u, decimal(km, "0.1"), served.get(sid, 0), drivers)
        for sid, name, d, c, n, u, km, drivers in session.execute(
            narrowed(select(Ride.service_id, RideService.name, *figures))
            .group_by(Ride.service_id, RideService.name, RideService.name_key)
            .order_by(RideService.name_key)
        )
    )
    d, c, n, u, km, drivers = session.execute(narrowed(select(*figures))).one()
    served_total = session.scalar(
        narrowed(
            select(func.count(distinct(RidePassenger.person_id)))
            .select_from(RidePassenger)
            .join(Ride, Ride.id == RidePassenger.ride_id)
            .where(done)
        )
    )
    total = RideFigures(None, "", d, c, n, u, decimal(km, "0.1"), served_total or 0, drivers)

    year, month = month_of(Ride.ride_date)
    per_month = {
        (int(y), int(m)): count
        for y, m, count in session.execute(
            narrowed(select(year, month, func.count()).where(done).group_by(year, month))
        )
    }
    done_by_month = tuple(MonthCount(y, m, per_month.get((y, m), 0)) for y, m in period.months())
    return RidesSection(by_service, total, done_by_month)
