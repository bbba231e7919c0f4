"""Weeks, public holidays and local times that stay right across the DST switch.

Rides store a local date and a local wall-clock time; every duration and
overlap is computed on aware datetimes (Europe/Berlin) and, for the solver,
as whole minutes since the Unix epoch in UTC.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from engagement_desk.services.errors import FieldError, ValidationError

BERLIN = ZoneInfo("Europe/Berlin")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAY_SHORT = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week, e.g. 2026-W13 (Monday to Sunday)."""

    year: int
    week: int

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def days(self) -> tuple[dt.date, ...]:
        return tuple(self.monday + dt.timedelta(days=i) for i in range(7))

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def title(self) -> str:
        return f"KW {self.week}/{self.year} ({self.monday:%d.%m.}–{self.sunday:%d.%m.%Y})"

    def __str__(self) -> str:
        return self.label


def week_of(day: dt.date) -> IsoWeek:
    year, week, _ = day.isocalendar()
    return IsoWeek(year, week)


def parse_week(text: str) -> IsoWeek:
    """``2026-W13`` (also ``2026W13``) as an IsoWeek; ValidationError in German otherwise."""
    match = _WEEK.match(text or "")
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            pass
        else:
            return IsoWeek(year, week)
    raise ValidationError(
        [
            FieldError(
                "week",
                "Woche",
                f"„{text}“ ist keine Kalenderwoche; erwartet wird z. B. 2026-W13.",
            )
        ]
    )


@cache
def _holidays_of_year(bundesland: str, year: int) -> dict[dt.date, str]:
    calendar = holidays.country_holidays("DE", subdiv=bundesland, years=year, language="de")
    return dict(calendar.items())


def public_holidays(bundesland: str, start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Public holidays of a Bundesland between two dates (inclusive), with German names."""
    found: dict[dt.date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in _holidays_of_year(bundesland.upper(), year).items():
            if start <= day <= end:
                found[day] = name
    return dict(sorted(found.items()))


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware instant of a local wall-clock time.

    A time that does not exist (the spring gap) maps to the instant one hour
    later on the clock, an ambiguous one (the autumn repeat) to its first
    occurrence: zoneinfo's fold=0 rule.
    """
    return dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=BERLIN)


class ClockChange(enum.Enum):
    """What the DST switch does to a local wall-clock time on one date."""

    SKIPPED = "skipped"
    """The clock jumps over it (spring, 02:00–02:59): planned one hour later on the clock."""
    REPEATED = "repeated"
    """The clock shows it twice (autumn, 02:00–02:59): planned at its first occurrence."""


def clock_change(day: dt.date, time: dt.time) -> ClockChange | None:
    """Whether ``time`` on ``day`` does not exist or exists twice in Europe/Berlin."""
    first = dt.datetime.combine(day, time.replace(tzinfo=None, fold=0), tzinfo=BERLIN)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    round_trip = first.astimezone(dt.UTC).astimezone(BERLIN).replace(tzinfo=None)
    if round_trip != first.replace(tzinfo=None):
        return ClockChange.SKIPPED
    return ClockChange.REPEATED


def planned_clock_time(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware local instant a ride at ``time`` is planned for (see ``local_datetime``)."""
    return local_datetime(day, time).astimezone(dt.UTC).astimezone(BERLIN)


def epoch_minutes(moment: dt.datetime) -> int:
    return int((moment - EPOCH).total_seconds() // 60)


def from_epoch_minutes(minutes: int) -> dt.datetime:
    return (EPOCH + dt.timedelta(minutes=minutes)).astimezone(BERLIN)


@dataclass(frozen=True)
class Span:
    """A stretch of real time in minutes since the epoch (UTC): [start, end)."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def local_start(self) -> dt.datetime:
        return from_epoch_minutes(self.start)

    def local_end(self) -> dt.datetime:
        return from_epoch_minutes(self.end)


def ride_span(day: dt.date, start: dt.time, duration_minutes: int) -> Span:
    begin = epoch_minutes(local_datetime(day, start))
    return Span(begin, begin + duration_minutes)


def window_span(day: dt.date, start: dt.time, end: dt.time) -> Span:
    """A local availability window on one date as real time."""
    return Span(epoch_minutes(local_datetime(day, start)), epoch_minutes(local_datetime(day, end)))


def local_end_time(day: dt.date, start: dt.time, duration_minutes: int) -> dt.time:
    return ride_span(day, start, duration_minutes).local_end().time()


def format_time(time: dt.time) -> str:
    return f"{time:%H:%M}"


def format_day(day: dt.date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day:%d.%m.%Y}"
