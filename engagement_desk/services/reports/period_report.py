"""Auswertung for a period: the public contract the page, the CLI and the Jahresbericht share.

``period_report(db, period, report_filter)`` counts everything in SQL aggregates
(one read session, no rows of people fetched) for the period and for the one of
the same length before it. Nothing in a ``PeriodReport`` names or identifies a
person; ``to_json_dict()`` gives the very numbers the window and the PDF show.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.services.reports.event_figures import events_section
from engagement_desk.services.reports.hours_figures import hours_section
from engagement_desk.services.reports.people_figures import people_section
from engagement_desk.services.reports.period import Period, PeriodError
from engagement_desk.services.reports.placement_figures import placements_section
from engagement_desk.services.reports.ride_figures import rides_section
from engagement_desk.services.reports.sections import (
    AgeBand,
    CenterCount,
    CenterHours,
    EventKindFigures,
    EventsSection,
    Figures,
    HoursSection,
    KindHours,
    MonthCount,
    MonthHours,
    PeopleSection,
    PlacementsSection,
    RideFigures,
    RidesSection,
    RoleFigures,
    StepCount,
)

__all__ = [
    "AgeBand",
    "CenterCount",
    "CenterHours",
    "EventKindFigures",
    "EventsSection",
    "Figures",
    "HoursSection",
    "KindHours",
    "MonthCount",
    "MonthHours",
    "PeopleSection",
    "Period",
    "PeriodError",
    "PeriodReport",
    "PlacementsSection",
    "ReportFilter",
    "RideFigures",
    "RidesSection",
    "RoleFigures",
    "StepCount",
    "period_report",
]


@dataclass(frozen=True)
class ReportFilter:
    """Narrow the report to one Engagement-Zentrum and/or one ride service (``None``: all).

    The names are for headings only. The ride service narrows the ride section.
    """

    center_id: int | None = None
    ride_service_id: int | None = None
    center_name: str = ""
    ride_service_name: str = ""


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    filter: ReportFilter
    current: Figures
    previous: Figures

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON: numbers as numbers (hours and km as floats), dates as ISO strings."""
        return _plain(
            {
                "period": self.period,
                "filter": self.filter,
                "current": self.current,
                "previous": self.previous,
            }
        )


def _plain(value: Any) -> Any:
    if isinstance(value, Period):
        return {
            "start": value.start.isoformat(),
            "end": value.end.isoformat(),
            "label": value.label,
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def figures(session: Session, period: Period, report_filter: ReportFilter) -> Figures:
    center = report_filter.center_id
    return Figures(
        period=period,
        people=people_section(session, period, center),
        placements=placements_section(session, period, center),
        events=events_section(session, period, center),
        rides=rides_section(session, period, center, report_filter.ride_service_id),
        hours=hours_section(session, period, center),
    )


def period_report(
    db: Database, period: Period, report_filter: ReportFilter | None = None
) -> PeriodReport:
    """The Auswertung for ``period`` and for ``period.previous()``, in one read session."""
    report_filter = report_filter or ReportFilter()
    previous = period.previous()
    with db.read_session() as session:
        current_figures = figures(session, period, report_filter)
        previous_figures = figures(session, previous, report_filter)
    return PeriodReport(period, report_filter, current_figures, previous_figures)
