"""SQL building blocks every section shares: the period's bounds and calendar months."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, extract

from engagement_desk.services.reports.period import Period

LOCAL = ZoneInfo("Europe/Berlin")


def local_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """Naive local wall-clock start (inclusive) and end (exclusive), for local columns."""
    return (
        dt.datetime.combine(period.start, dt.time()),
        dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time()),
    )


def utc_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """The period's local days as aware instants, for columns stored in UTC (``created_at``)."""
    start, end = local_bounds(period)
    return start.replace(tzinfo=LOCAL), end.replace(tzinfo=LOCAL)


def within(column: ColumnElement, period: Period) -> ColumnElement[bool]:
    return column.between(period.start, period.end)


def whole_months(period: Period) -> bool:
    """True when the period starts on a 1st and ends on a last day: the monthly summaries fit."""
    return period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1


def whole_years(period: Period) -> bool:
    """True when the period is calendar years (1 January … 31 December): yearly summaries fit."""
    return (period.start.month, period.start.day, period.end.month, period.end.day) == (
        1,
        1,
        12,
        31,
    )


def month_of(column: ColumnElement) -> tuple[ColumnElement[int], ColumnElement[int]]:
    return extract("year", column), extract("month", column)


def decimal(value: object, places: str = "0.01") -> Decimal:
    """A SUM from either database as a Decimal (SQLite may hand back int or float)."""
    return Decimal(str(value or 0)).quantize(Decimal(places))
