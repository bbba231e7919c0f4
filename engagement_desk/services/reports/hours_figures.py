"""Volunteer hours by centre, by month and by kind of activity."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import Select, distinct, func, literal, select, tuple_
from sqlalchemy.orm import Session

from engagement_desk.models import Center, HoursEntry, HoursMonthTotal, HoursYearTotal
from engagement_desk.models.enums import HoursSource
from engagement_desk.services.reports.bounds import (
    decimal,
    month_of,
    whole_months,
    whole_years,
    within,
)
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import (
    CenterHours,
    HoursSection,
    KindHours,
    MonthHours,
)


def hours_section(session: Session, period: Period, center_id: int | None) -> HoursSection:
    """Hours entries dated in the period; kind = where they came from (by hand, ride, event).

    One grouped pass (centre × kind × month, a few hundred sums at most) gives
    every breakdown; a second counts the volunteers. Whole months read the
    monthly totals (migration 0017), whole years the yearly ones (0014) for the
    volunteers; other periods scan the entries.
    """
    groups = session.execute(_groups(period, center_id)).all()
    volunteers = session.scalar(_volunteers(period, center_id))

    by_center: dict[int | None, Decimal] = defaultdict(Decimal)
    by_month: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    by_kind: dict[HoursSource, list] = defaultdict(lambda: [Decimal(0), 0])
    for center, source, y, m, hours, entries in groups:
        amount = decimal(hours)
        by_center[center] += amount
        by_month[(int(y), int(m))] += amount
        by_kind[HoursSource(source)][0] += amount
        by_kind[HoursSource(source)][1] += entries
    # Every centre (a handful) in German order, to name and sort the sums.
    centres = session.execute(select(Center.id, Center.name).order_by(Center.name_key)).all()
    names = {cid: name for cid, name in centres}
    order = {cid: index for index, (cid, _) in enumerate(centres)}
    centers = sorted(by_center, key=lambda c: (c is None, order.get(c, 0)))
    return HoursSection(
        total=sum(by_center.values(), Decimal("0.00")),
        entries=sum(kind[1] for kind in by_kind.values()),
        volunteers=volunteers or 0,
        by_center=tuple(
            CenterHours(c, names.get(c, "") if c else "", by_center[c]) for c in centers
        ),
        by_month=tuple(
            MonthHours(y, m, by_month.get((y, m), Decimal("0.00"))) for y, m in period.months()
        ),
        by_kind=tuple(
            KindHours(source.value, *by_kind.get(source, (Decimal("0.00"), 0)))
            for source in HoursSource
        ),
    )


def _groups(period: Period, center_id: int | None) -> Select:
    """(centre, source, year, month, hours, entries) sums for the period."""
    if whole_months(period):
        total = HoursMonthTotal
        first, last = period.start, period.end
        query = (
            select(
                func.nullif(total.center_key, 0),
                total.source,
                total.year,
                total.month,
                func.sum(total.cents) / literal(100.0),
                func.sum(total.entries),
            )
            .where(
                tuple_(total.year, total.month) >= (first.year, first.month),
                tuple_(total.year, total.month) <= (last.year, last.month),
            )
            .group_by(total.center_key, total.source, total.year, total.month)
        )
        if center_id is not None:
            query = query.where(total.center_key == center_id)
        return query
    year, month = month_of(HoursEntry.on_date)
    query = (
        select(
            HoursEntry.center_id,
            HoursEntry.source,
            year,
            month,
            func.sum(HoursEntry.hours),
            func.count(),
        )
        .where(within(HoursEntry.on_date, period))
        .group_by(HoursEntry.center_id, HoursEntry.source, year, month)
    )
    if center_id is not None:
        query = query.where(HoursEntry.center_id == center_id)
    return query


def _volunteers(period: Period, center_id: int | None) -> Select:
    """How many people have hours in the period (for the centre)."""
    if whole_years(period):
        total = HoursYearTotal
        query = select(func.count(distinct(total.person_id))).where(
            total.year.between(period.start.year, period.end.year)
        )
        if center_id is not None:
            query = query.where(total.center_key == center_id)
        return query
    query = select(func.count(distinct(HoursEntry.person_id))).where(
        within(HoursEntry.on_date, period)
    )
    if center_id is not None:
        query = query.where(HoursEntry.center_id == center_id)
    return query
