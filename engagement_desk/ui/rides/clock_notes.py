"""Warnings for pick-up times on the two nights the clock changes (02:00–02:59)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from engagement_desk.services.rides.calendar import ClockChange, clock_change, planned_clock_time

translate = QCoreApplication.translate
MARK = "⚠"


def clock_note(day: dt.date | None, time: dt.time | None) -> str:
    """A one-line warning for a time that does not exist or exists twice; '' otherwise."""
    if day is None or time is None:
        return ""
    change = clock_change(day, time)
    if change is ClockChange.SKIPPED:
        planned = planned_clock_time(day, time)
        return (
            translate(
                "ClockNotes",
                "%1 does not exist on %2 (clocks go forward): the ride is planned for %3.",
            )
            .replace("%1", f"{time:%H:%M}")
            .replace("%2", f"{day:%d.%m.%Y}")
            .replace("%3", f"{planned:%H:%M}")
        )
    if change is ClockChange.REPEATED:
        return (
            translate(
                "ClockNotes",
                "%1 occurs twice on %2 (clocks go back): the ride is planned for the first %1 "
                "(summer time).",
            )
            .replace("%1", f"{time:%H:%M}")
            .replace("%2", f"{day:%d.%m.%Y}")
        )
    return ""
