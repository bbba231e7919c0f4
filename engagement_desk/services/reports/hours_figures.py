"""Volunteer hours by centre, by month and by kind of activity."""

from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from engagement_desk.models import Center, HoursEntry
from engagement_desk.models.enums import HoursSource
from engagement_desk.services.reports.bounds import decimal, month_of, within
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import (
    CenterHours,
    HoursSection,
    KindHours,
    MonthHours,
)


def hours_section(session: Session, period: Period, center_id: int | None) -> HoursSection:
    """Hours entries dated in the period; kind = where they came from (by hand, ride, event)."""

    def narrowed(query):
        query = query.where(within(HoursEntry.on_date, period))
        if center_id is not None:
            query = query.where(HoursEntry.center_id == center_id)
        return query

    total, entries, volunteers = session.execute(
        narrowed(
            select(
                func.coalesce(func.sum(HoursEntry.hours), 0),
                func.count(HoursEntry.id),
                func.count(distinct(HoursEntry.person_id)),
            )
        )
    ).one()
    by_center = tuple(
        CenterHours(center, name or "", decimal(hours))
        for center, name, hours in session.execute(
            narrowed(select(HoursEntry.center_id, Center.name, func.sum(HoursEntry.hours)))
            .outerjoin(Center, Center.id == HoursEntry.center_id)
            .group_by(HoursEntry.center_id, Center.name, Center.name_key)
            .order_by(Center.name_key.is_(None), Center.name_key)
        )
    )
    year, month = month_of(HoursEntry.on_date)
    per_month = {
        (int(y), int(m)): hours
        for y, m, hours in session.execute(
            narrowed(select(year, month, func.sum(HoursEntry.hours))).group_by(year, month)
        )
    }
    by_month = tuple(MonthHours(y, m, decimal(per_month.get((y, m)))) for y, m in period.months())
    per_kind = {
        source: (hours, count)
        for source, hours, count in session.execute(
            narrowed(
                select(HoursEntry.source, func.sum(HoursEntry.hours), func.count(HoursEntry.id))
            ).group_by(HoursEntry.source)
        )
    }
    by_kind = tuple(
        KindHours(
            source.value, decimal(per_kind.get(source, (0, 0))[0]), per_kind.get(source, (0, 0))[1]
        )
        for source in HoursSource
    )
    return HoursSection(decimal(total), entries, volunteers, by_center, by_month, by_kind)
