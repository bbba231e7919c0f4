"""Rides by ride service: carried out, cancelled, no-show, unassigned, km, people served."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import Integer, distinct, func, literal_column, null, select, union_all
from sqlalchemy.orm import Session

from engagement_desk.models import Ride, RidePassenger, RideService
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.reports.bounds import decimal, month_of, within
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import MonthCount, RideFigures, RidesSection

COUNTED = (RideStatus.DONE, RideStatus.CANCELLED, RideStatus.NO_SHOW, RideStatus.PLANNED)


def rides_section(
    session: Session, period: Period, center_id: int | None, service_id: int | None
) -> RidesSection:
    """Rides dated in the period, per ride service and together.

    done / cancelled / no-show: by the ride's status; unassigned: still *planned*
    (no driver given) — rides that nobody drove or that are still open; km: of
    rides done; passengers served and active drivers: distinct people on rides
    done (counted once in the total even when they used two services).
    A centre filter keeps the services belonging to that centre.

    Two statements: one grouped pass (service × status × month) for the counts
    and km, one over the rides done for the distinct people.
    """

    def narrowed(query):
        query = query.where(within(Ride.ride_date, period))
        if center_id is not None:
            query = query.join(RideService, RideService.id == Ride.service_id).where(
                RideService.center_id == center_id
            )
        if service_id is not None:
            query = query.where(Ride.service_id == service_id)
        return query

    year, month = month_of(Ride.ride_date)
    groups = session.execute(
        narrowed(
            select(Ride.service_id, Ride.status, year, month, func.count(), func.sum(Ride.km))
        ).group_by(Ride.service_id, Ride.status, year, month)
    ).all()

    done_rides = narrowed(
        select(Ride.id.label("ride_id"), Ride.service_id, Ride.driver_id).where(
            Ride.status == RideStatus.DONE
        )
    ).cte("done_rides")
    on_ride = RidePassenger.ride_id == done_rides.c.ride_id
    no_service = null().cast(Integer)
    people = union_all(
        select(
            literal_column("'driver'").label("what"),
            done_rides.c.service_id.label("service"),
            func.count(distinct(done_rides.c.driver_id)).label("n"),
        ).group_by(done_rides.c.service_id),
        select(
            literal_column("'driver'"), no_service, func.count(distinct(done_rides.c.driver_id))
        ),
        select(
            literal_column("'passenger'"),
            done_rides.c.service_id,
            func.count(distinct(RidePassenger.person_id)),
        )
        .select_from(done_rides)
        .join(RidePassenger, on_ride)
        .group_by(done_rides.c.service_id),
        select(
            literal_column("'passenger'"), no_service, func.count(distinct(RidePassenger.person_id))
        )
        .select_from(done_rides)
        .join(RidePassenger, on_ride),
    )
    distinct_people: dict[tuple[str, int | None], int] = {
        (what, service): n for what, service, n in session.execute(people)
    }

    counts: dict[int | None, dict[RideStatus, int]] = defaultdict(lambda: defaultdict(int))
    km: dict[int | None, Decimal] = defaultdict(Decimal)
    per_month: dict[tuple[int, int], int] = defaultdict(int)
    for service, status, y, m, count, km_sum in groups:
        status = RideStatus(status)
        for key in (service, None):
            counts[key][status] += count
        if status == RideStatus.DONE:
            km[service] += decimal(km_sum, "0.1")
            km[None] += decimal(km_sum, "0.1")
            per_month[(int(y), int(m))] += count

    def figures(service: int | None, name: str) -> RideFigures:
        c = counts[service]
        return RideFigures(
            service,
            name,
            *(c[status] for status in COUNTED),
            km[service].quantize(Decimal("0.1")),
            distinct_people.get(("passenger", service), 0),
            distinct_people.get(("driver", service), 0),
        )

    services = session.execute(
        select(RideService.id, RideService.name).order_by(RideService.name_key)
    ).all()
    by_service = tuple(figures(sid, name) for sid, name in services if sid in counts)
    done_by_month = tuple(MonthCount(y, m, per_month.get((y, m), 0)) for y, m in period.months())
    return RidesSection(by_service, figures(None, ""), done_by_month)
