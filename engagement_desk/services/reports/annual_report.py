"""The Jahresbericht: the Auswertung of a period written as a PDF or an Excel workbook.

The report is the office's German document for the town, the Land and the
funders: its headings and texts are German even when the window is English.
It holds counts and sums only, no personal data. Both formats are written
from the same tables (``annual_tables``), so their numbers agree with each
other and with ``PeriodReport.to_json_dict()``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engagement_desk.db import Database
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.files import replacing
from engagement_desk.services.printing.letterhead import agency_header
from engagement_desk.services.reports.annual_pdf import render_annual_pdf, report_title
from engagement_desk.services.reports.annual_tables import report_sections
from engagement_desk.services.reports.annual_xlsx import write_annual_xlsx
from engagement_desk.services.reports.period_report import PeriodReport, ReportFilter

SUFFIXES = (".pdf", ".xlsx")


def write_annual_report(db: Database, report: PeriodReport, path: Path) -> Path:
    """Write ``report`` to ``path`` as PDF or XLSX, chosen by the suffix; returns the path.

    Another suffix is refused with a German message naming the file, and
    nothing is written. The file appears only when complete (owner-only).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ServiceError(
            f"Jahresbericht „{path.name}“: unbekanntes Dateiformat; "
            "bitte eine Datei mit der Endung .pdf (PDF) oder .xlsx (Excel) wählen."
        )
    if not path.parent.is_dir():
        raise ServiceError(f"Jahresbericht „{path.name}“: den Ordner {path.parent} gibt es nicht.")
    sections = report_sections(report.current, report.previous)
    made_on = f"{dt.date.today():%d.%m.%Y}"
    if suffix == ".pdf":
        with db.read_session() as session:
            header = agency_header(session)
        data = render_annual_pdf(
            header,
            report.current,
            report.previous,
            sections,
            filter_lines=filter_lines(report.filter),
            made_on=made_on,
        )
        with replacing(path) as temporary:
            temporary.write_bytes(data)
    else:
        notes = [
            f"Zeitraum: {report.current.period.label}, verglichen mit "
            f"{report.previous.period.label}",
            *filter_lines(report.filter),
            f"Erstellt am {made_on}; nur Anzahlen und Summen, keine personenbezogenen Daten.",
        ]
        with replacing(path) as temporary:
            write_annual_xlsx(sections, temporary, title=report_title(report.current), notes=notes)
    return path


def filter_lines(report_filter: ReportFilter) -> list[str]:
    """What the report is narrowed to, one line each ('' for everything)."""
    lines = []
    if report_filter.center_id is not None:
        lines.append(f"Nur Engagement-Zentrum „{report_filter.center_name}“")
    if report_filter.ride_service_id is not None:
        lines.append(f"Fahrdienst-Zahlen nur für „{report_filter.ride_service_name}“")
    return lines
