"""The period an Auswertung covers, and the one of the same length before it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engagement_desk.services.errors import ServiceError


class PeriodError(ServiceError):
    """A period that cannot be reported on (end before start, …); the message is German."""


@dataclass(frozen=True)
class Period:
    """Inclusive dates ``start`` … ``end``; ``label`` is what headings show.

    A calendar year is labelled "2026", any other span "01.03.2026–31.05.2026".
    """

    start: dt.date
    end: dt.date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                f"Zeitraum: das Ende ({self.end:%d.%m.%Y}) liegt vor dem Anfang "
                f"({self.start:%d.%m.%Y})."
            )

    @classmethod
    def year(cls, year: int) -> Period:
        if not 1900 <= year <= 9998:
            raise PeriodError(f"Jahr: {year} ist kein mögliches Berichtsjahr.")
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """From ``start`` to ``end`` inclusive; a whole calendar year becomes ``Period.year``."""
        if start.month == 1 and start.day == 1 and end == dt.date(start.year, 12, 31):
            return cls.year(start.year)
        return cls(start, end, f"{start:%d.%m.%Y}–{end:%d.%m.%Y}")

    @property
    def is_year(self) -> bool:
        return self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(
            self.start.year, 12, 31
        )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length right before.

        The year before a year; as many whole months before whole months (a
        quarter's previous quarter); otherwise as many days before.
        """
        if self.is_year:
            return Period.year(self.start.year - 1)
        end = self.start - dt.timedelta(days=1)
        if self.start.day == 1 and (self.end + dt.timedelta(days=1)).day == 1:
            months = len(self.months())
            first_year, first_month = divmod(
                self.start.year * 12 + self.start.month - 1 - months, 12
            )
            return Period.between(dt.date(first_year, first_month + 1, 1), end)
        return Period.between(end - dt.timedelta(days=self.days - 1), end)

    def months(self) -> tuple[tuple[int, int], ...]:
        """(year, month) of every calendar month the period touches, in order."""
        months = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(months)
