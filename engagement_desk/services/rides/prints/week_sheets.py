"""The run sheets of a whole week: every driver in one PDF, or one PDF per driver.

Same sheets as ``engagement-desk rides runsheets`` (one page group per driver and day,
``run_sheet.load_run_sheet``), bound differently: a page break between the sheets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from engagement_desk.db import Database
from engagement_desk.models.sort_keys import german_sort_key
from engagement_desk.services.audit import record_export
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.files import write_file
from engagement_desk.services.printing.layout import Styles, file_part, render
from engagement_desk.services.progress import NO_PROGRESS, Progress, step
from engagement_desk.services.rides.calendar import IsoWeek
from engagement_desk.services.rides.prints.printouts import PrintOut
from engagement_desk.services.rides.prints.run_sheet import (
    RunSheet,
    load_run_sheet,
    sheet_story,
    week_sheet_days,
)


@dataclass(frozen=True)
class DriverWeekFile:
    driver_id: int
    driver_name: str
    days: int
    path: Path


def _week_number(week: IsoWeek) -> str:
    return f"KW {week.week}/{week.year}"


def _load_sheets(
    db: Database, week: IsoWeek, service_id: int | None, progress: Progress
) -> list[RunSheet]:
    days = week_sheet_days(db, week, service_id=service_id)
    if not days:
        raise NotFoundError(
            f"In der {_week_number(week)} hat noch niemand eine Fahrt oder Bereitschaft."
        )
    sheets = []
    for index, (driver_id, day) in enumerate(days):
        step(progress, index, len(days) + 1, "Laufzettel zusammenstellen …")
        sheets.append(load_run_sheet(db, driver_id, day))
    return sheets


def _render(sheets: list[RunSheet], title: str) -> bytes:
    styles = Styles()
    story: list[Flowable] = []
    for sheet in sheets:
        if story:
            story.append(PageBreak())
        story.extend(sheet_story(sheet, styles))
    return render(story, sheets[0].header, title)


def _people(sheets: list[RunSheet]) -> set[int]:
    return {s.driver_id for s in sheets} | {
        p.person_id for s in sheets for ride in s.rides for p in ride.passengers
    }


def week_run_sheets_printout(
    db: Database,
    week: IsoWeek,
    *,
    service_id: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> PrintOut:
    """All drivers' run sheets of the week in one PDF (by day, then driver)."""
    sheets = _load_sheets(db, week, service_id, progress)
    title = f"Laufzettel {_week_number(week)}"
    step(progress, len(sheets), len(sheets) + 1, "PDF erstellen …")
    data = _render(sheets, title)
    record_export(
        db, "ride", None, [f"{len(sheets)} Laufzettel", f"{len(_people(sheets))} Personen"]
    )
    progress.report(len(sheets) + 1, len(sheets) + 1, "Fertig.")
    return PrintOut(title, f"Laufzettel_{week.label}.pdf", data)


def driver_week_file_name(driver_name: str, driver_id: int, week: IsoWeek) -> str:
    return f"Laufzettel_{week.label}_{file_part(driver_name)}_{driver_id}.pdf"


def write_week_run_sheets_per_driver(
    db: Database,
    week: IsoWeek,
    folder: Path,
    *,
    service_id: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[DriverWeekFile]:
    """One PDF per driver with all their days of the week, written owner-only into ``folder``."""
    sheets = _load_sheets(db, week, service_id, progress)
    by_driver: dict[int, list[RunSheet]] = defaultdict(list)
    for sheet in sheets:
        by_driver[sheet.driver_id].append(sheet)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (driver_id, own) in enumerate(
        sorted(by_driver.items(), key=lambda item: german_sort_key(item[1][0].driver_name))
    ):
        step(progress, index, len(by_driver), f"Laufzettel für {own[0].driver_name} …")
        name = own[0].driver_name
        path = folder / driver_week_file_name(name, driver_id, week)
        write_file(path, _render(own, f"Laufzettel {name} – {_week_number(week)}"))
        written.append(DriverWeekFile(driver_id, name, len(own), path))
    record_export(
        db, "ride", None, [f"{len(sheets)} Laufzettel", f"{len(_people(sheets))} Personen"]
    )
    progress.report(len(by_driver), len(by_driver), "Fertig.")
    return written
