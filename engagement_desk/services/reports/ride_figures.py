"""Rides by ride service: carried out, cancelled, no-show, unassigned, km, people served."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import Integer, distinct, func, literal_column, null, select, union_all
from sqlalchemy.orm import Session

from engagement_desk.models import Ride, RidePassenger, RideService
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.reports.bounds import decimal, within
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

    Two statements: one grouped pass (day × status × service) for the counts
    and km, one over the rides done for the distinct people (each person once
    per service, then counted by service and in all).
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

    # By day in the order of ix_ride_week_counts (no sort, no date function per
    # ride); the few hundred day sums are added up to months here.
    groups = session.execute(
        narrowed(
            select(Ride.ride_date, Ride.service_id, Ride.status, func.count(), func.sum(Ride.km))
        ).group_by(Ride.ride_date, Ride.status, Ride.service_id)
    ).all()

    # Each person once per service first (a few thousand pairs), then counted.
    drivers = (
        narrowed(
            select(Ride.service_id, Ride.driver_id.label("person_id")).where(
                Ride.status == RideStatus.DONE, Ride.driver_id.is_not(None)
            )
        )
        .distinct()
        .cte("drivers")
    )
    passengers = (
        narrowed(
            select(Ride.service_id, RidePassenger.person_id)
            .select_from(RidePassenger)
            .join(Ride, Ride.id == RidePassenger.ride_id)
            .where(Ride.status == RideStatus.DONE)
        )
        .distinct()
        .cte("passengers")
    )
    no_service = null().cast(Integer)
    people = union_all(
        *(
            part
            for what, pairs in (("driver", drivers), ("passenger", passengers))
            for part in (
                select(
                    literal_column(f"'{what}'").label("what"),
                    pairs.c.service_id.label("service"),
                    func.count().label("n"),
                ).group_by(pairs.c.service_id),
                select(
                    literal_column(f"'{what}'"),
                    no_service,
                    func.count(distinct(pairs.c.person_id)),
                ),
            )
        )
    )
    distinct_people: dict[tuple[str, int | None], int] = {
        (what, service): n for what, service, n in session.execute(people)
    }

    counts: dict[int | None, dict[RideStatus, int]] = defaultdict(lambda: defaultdict(int))
    km: dict[int | None, Decimal] = defaultdict(Decimal)
    per_month: dict[tuple[int, int], int] = defaultdict(int)
    for day, service, status, count, km_sum in groups:
        status = RideStatus(status)
        for key in (service, None):
            counts[key][status] += count
        if status == RideStatus.DONE:
            km[service] += decimal(km_sum, "0.1")
            km[None] += decimal(km_sum, "0.1")
            per_month[(day.year, day.month)] += count

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
