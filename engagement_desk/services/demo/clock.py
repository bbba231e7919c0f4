"""Dates and timestamps of the demo, all derived from one 'today' (never the wall clock)."""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

import holidays

DAY = dt.timedelta(days=1)


@cache
def holidays_rp(year: int) -> frozenset[dt.date]:
    """Public holidays in Rheinland-Pfalz (the same source the ride planner uses)."""
    return frozenset(holidays.country_holidays("DE", subdiv="RP", years=year))


def is_holiday(day: dt.date) -> bool:
    return day in holidays_rp(day.year)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based) given weekday (0 = Monday) of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class Clock:
    """'today' and the agency's history: the office opened in the town hall five years ago."""

    def __init__(self, today: dt.date):
        self.today = today
        self.founded = dt.date(today.year - 5, 4, 1)
        self._midnights: dict[dt.date, dt.datetime] = {}

    def days_ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def stamp(self, day: dt.date, rng: random.Random) -> dt.datetime:
        """A moment during office hours on ``day`` (UTC), not after today's office hours."""
        if day > self.today:
            day = self.today
        midnight = self._midnights.get(day)
        if midnight is None:
            midnight = self._midnights[day] = dt.datetime(
                day.year, day.month, day.day, tzinfo=dt.UTC
            )
        return midnight + dt.timedelta(seconds=25_200 + int(rng.random() * 32_400))  # 7–16 h

    def created_and_updated(
        self, created: dt.date, rng: random.Random
    ) -> tuple[dt.datetime, dt.datetime]:
        """created_at and a later (or equal) updated_at, both not after today."""
        created = min(max(created, self.founded), self.today)
        span = (self.today - created).days
        updated = created + dt.timedelta(days=rng.randint(0, span) if rng.random() < 0.4 else 0)
        created_at = self.stamp(created, rng)
        updated_at = self.stamp(updated, rng)
        return created_at, max(created_at, updated_at)

    def random_day(self, start: dt.date, end: dt.date, rng: random.Random) -> dt.date:
        """A day in [start, end]; start when the range is empty."""
        span = (end - start).days
        return start + dt.timedelta(days=rng.randint(0, span)) if span > 0 else start
