"""The ride prints the window previews: rendered to bytes, with what the preview calls them.

Each one leaves an export entry in the audit trail (how many people, no names),
like the run sheets written to a folder: run sheets and call lists name
passengers, their phone numbers and their mobility needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engagement_desk.db import Database
from engagement_desk.services.audit import record_export
from engagement_desk.services.rides.prints.call_list import load_call_list, render_call_list
from engagement_desk.services.rides.prints.km_summary import load_km_summary, render_km_summary
from engagement_desk.services.rides.prints.run_sheet import (
    load_run_sheet,
    render_run_sheet,
    sheet_file_name,
)


@dataclass(frozen=True)
class PrintOut:
    """A rendered PDF with what the preview calls it."""

    title: str
    file_name: str
    data: bytes


def run_sheet_printout(db: Database, driver_id: int, day: dt.date) -> PrintOut:
    sheet = load_run_sheet(db, driver_id, day)
    printout = PrintOut(
        f"Laufzettel {sheet.driver_name} – {day:%d.%m.%Y}",
        sheet_file_name(sheet),
        render_run_sheet(sheet),
    )
    people = {driver_id} | {p.person_id for ride in sheet.rides for p in ride.passengers}
    record_export(db, "ride", None, ["1 Laufzettel", f"{len(people)} Personen"])
    return printout


def call_list_printout(db: Database, day: dt.date) -> PrintOut:
    calls = load_call_list(db, day)
    printout = PrintOut(
        f"Anrufliste {day:%d.%m.%Y}", f"Anrufliste_{day:%Y-%m-%d}.pdf", render_call_list(calls)
    )
    record_export(db, "ride", None, ["1 Anrufliste", f"{len(calls.entries)} Personen"])
    return printout


def km_summary_printout(db: Database, year: int, month: int) -> PrintOut:
    summary = load_km_summary(db, year, month)
    printout = PrintOut(
        f"Kilometerabrechnung {month:02d}/{year}",
        f"Kilometerabrechnung_{year}-{month:02d}.pdf",
        render_km_summary(summary),
    )
    record_export(db, "ride", None, ["1 Kilometerabrechnung"])
    return printout
