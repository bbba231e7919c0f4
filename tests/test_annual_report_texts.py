"""The Jahresbericht's German wording: numbers, comparisons and sentences from the figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from engagement_desk.db import Database
from engagement_desk.services.reports.annual_report import write_annual_report
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.period_report import period_report
from engagement_desk.services.reports.report_texts import (
    MONTH_NAMES,
    comparison,
    counted,
    german_number,
    percent_change,
)


def plain(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def test_numbers_are_written_the_german_way() -> None:
    assert german_number(18340) == "18.340"
    assert german_number(Decimal("1563452.25"), 1) == "1.563.452,3"
    assert german_number(Decimal("0.04"), 1) == "0,0"
    assert german_number(-1234.5, 1) == "-1.234,5"
    assert plain(counted(1, "Fahrt", "Fahrten")) == "1 Fahrt"
    assert plain(counted(1204, "Fahrt", "Fahrten")) == "1.204 Fahrten"


def test_comparisons_round_to_whole_percent_and_say_the_direction() -> None:
    assert percent_change(106, 100) == 6
    assert percent_change(0, 0) is None
    assert plain(comparison(18340, 17302, "im Vorjahr")) == "6 % mehr als im Vorjahr"
    assert plain(comparison(90, 100, "im Vorjahr")) == "10 % weniger als im Vorjahr"
    assert comparison(1000, 999, "im Vorjahr") == "etwa so viele wie im Vorjahr"
    assert comparison(5, 0, "im Vorjahr") == "im Vorjahr keine"
    assert comparison(0, 0, "im Vorjahr") == ""


def test_an_empty_year_prints_a_report_that_says_so(db: Database, tmp_path: Path) -> None:
    path = write_annual_report(db, period_report(db, Period.year(2026)), tmp_path / "leer.pdf")
    pages = [plain(page.extract_text()) for page in PdfReader(path).pages]
    printed = " ".join(pages)
    assert "Im Jahr 2026 wurden keine Stunden erfasst." in printed
    assert "Der Fahrdienst hat im Jahr 2026 keine Fahrten durchgeführt." in printed
    assert "Im Jahr 2026 fanden keine Veranstaltungen statt." in printed
    # the key figures start on the first page, right under the title
    assert "Jahresbericht 2026" in pages[0] and "Kennzahlen" in pages[0]


def test_a_quarter_compares_with_the_quarter_before(db: Database, tmp_path: Path) -> None:
    period = Period.between(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    path = write_annual_report(db, period_report(db, period), tmp_path / "q2.pdf")
    printed = plain(" ".join(page.extract_text() for page in PdfReader(path).pages))
    assert "Bericht 01.04.2026–30.06.2026" in printed
    before = period.previous()  # which period that is belongs to the Auswertung's rules
    first_before = f"{MONTH_NAMES[before.start.month - 1]} {before.start.year}"
    assert f"im Vergleich mit dem Zeitraum {before.label}" in printed
    assert "Monat davor" in printed and f"April 2026 {first_before}" in printed
