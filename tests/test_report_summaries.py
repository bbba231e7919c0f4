"""The hours section reads the monthly and yearly summaries for whole months and years
and the entries for other spans: every way gives the figures counted over the records."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from report_world import HOURS, build_world

from engagement_desk.services.reports.period_report import Period, ReportFilter, period_report

PERIODS = {
    "year": Period.year(2025),
    "quarter across the new year": Period.between(dt.date(2024, 12, 1), dt.date(2025, 2, 28)),
    "days": Period.between(dt.date(2025, 1, 1), dt.date(2025, 2, 10)),
}


@pytest.mark.parametrize("name", PERIODS)
@pytest.mark.parametrize("centre", [None, "Senioren"])
def test_hours_of_any_period_equal_the_entries(any_db, name: str, centre: str | None) -> None:
    world = build_world(any_db)
    period = PERIODS[name]
    centre_id = world.centers[centre] if centre else None
    hours = period_report(any_db, period, ReportFilter(center_id=centre_id)).current.hours
    rows = [
        h
        for h in HOURS
        if period.start <= h[1] <= period.end and (centre is None or h[3] == centre)
    ]
    assert rows, "the world has hours in every period tested"
    assert hours.total == sum(Decimal(h[2]) for h in rows)
    assert hours.entries == len(rows)
    assert hours.volunteers == len({h[0] for h in rows})
    by_center = Counter()
    by_month = Counter()
    by_kind = Counter()
    for _, day, amount, center, source in rows:
        by_center[world.centers[center] if center else None] += Decimal(amount)
        by_month[(day.year, day.month)] += Decimal(amount)
        by_kind[source.value] += Decimal(amount)
    assert {c.center_id: c.hours for c in hours.by_center} == dict(by_center)
    assert {(m.year, m.month): m.hours for m in hours.by_month if m.hours} == dict(by_month)
    assert {k.kind: k.hours for k in hours.by_kind if k.entries} == dict(by_kind)
