"""The few RFC 5545 rules standing orders use, written as RRULE text and expanded cheaply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engagement_desk.services.demo.clock import monday_of

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Recurrence:
    """Weekly on some weekdays every ``interval`` weeks, or monthly on the n-th weekday.

    Like an RRULE whose DTSTART is the standing order's first day (WKST=MO).
    """

    weekdays: tuple[int, ...]
    interval: int = 1
    nth: int | None = None  # monthly: n-th weekday of the month

    @property
    def rrule(self) -> str:
        days = ",".join(DAY_CODES[d] for d in self.weekdays)
        if self.nth is not None:
            return f"FREQ=MONTHLY;BYDAY={self.nth}{days}"
        if self.interval > 1:
            return f"FREQ=WEEKLY;INTERVAL={self.interval};BYDAY={days}"
        return f"FREQ=WEEKLY;BYDAY={days}"

    def occurs_on(self, day: dt.date, start: dt.date) -> bool:
        if day < start or day.weekday() not in self.weekdays:
            return False
        if self.nth is not None:
            return (day.day - 1) // 7 + 1 == self.nth
        weeks = (monday_of(day) - monday_of(start)).days // 7
        return weeks % self.interval == 0
