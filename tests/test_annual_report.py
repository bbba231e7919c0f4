"""The Jahresbericht as PDF and XLSX: read back as a person would check it.

The expected figures are summed here over the records the test builds, not
taken from the report service.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from engagement_desk.db import Database
from engagement_desk.models import PersonRole, Ride, RideService
from engagement_desk.models.enums import HoursSource, RideServiceKind, RideStatus, Role
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.reports.annual_report import write_annual_report
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.period_report import ReportFilter, period_report
from tests.builders import add_center, add_person
from tests.hours_builders import add_entry, add_hours_spread

# (day, hours, centre) per volunteer entry; the spread entries below add to these
HOURS_2026 = [
    (dt.date(2026, 1, 15), "2.5", "Senioren"),
    (dt.date(2026, 3, 3), "4", "Familie"),
    (dt.date(2026, 6, 20), "3.5", "Senioren"),
    (dt.date(2026, 11, 30), "6", None),
    (dt.date(2026, 12, 31), "1", "Familie"),
]
HOURS_2025 = [
    (dt.date(2025, 1, 1), "2", "Senioren"),
    (dt.date(2025, 6, 10), "5", "Familie"),
    (dt.date(2025, 12, 31), "3", "Senioren"),
]
# 10 h a day from 1 September to 30 December (> 1.000: digit grouping)
SPREAD_2026 = (dt.date(2026, 9, 1), Decimal("1208.5"), "Senioren")
RIDES_2026 = [
    (dt.date(2026, 2, 3), "12.5"),
    (dt.date(2026, 2, 17), "8"),
    (dt.date(2026, 8, 4), "20"),
]
RIDES_2025 = [(dt.date(2025, 5, 6), "7")]


def normalised(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace("\u00a0", " "))


def pdf_text(path: Path) -> str:
    return normalised(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def hours_sum(entries, *, centre: str | None = "*", spread: bool) -> Decimal:
    total = sum(
        (Decimal(h) for _, h, c in entries if centre == "*" or c == centre), start=Decimal(0)
    )
    if spread and (centre == "*" or centre == SPREAD_2026[2]):
        total += SPREAD_2026[1]
    return total


@pytest.fixture
def office(db: Database) -> Database:
    return build_office(db)


@pytest.fixture
def office_any(any_db: Database) -> Database:
    """The same office on SQLite and on PostgreSQL."""
    return build_office(any_db)


def build_office(db: Database) -> Database:
    centres = {name: add_center(db, name) for name in ("Senioren", "Familie")}
    volunteers = [add_person(db, "Vorname", f"Ehrenamt{i}") for i in range(4)]
    driver = add_person(db, "Fahrer", "Fahrend")
    with db.session() as session:
        for person_id in volunteers:
            session.add(PersonRole(person_id=person_id, role=Role.VOLUNTEER))
        session.add(PersonRole(person_id=driver, role=Role.DRIVER))
    for index, (day, hours, centre) in enumerate(HOURS_2026 + HOURS_2025):
        add_entry(
            db,
            volunteers[index % len(volunteers)],
            day,
            hours,
            center_id=centres[centre] if centre else None,
            source=HoursSource.MANUAL,
        )
    # outside both years: must not count
    add_entry(db, volunteers[0], dt.date(2027, 1, 1), "5", center_id=centres["Senioren"])
    add_entry(db, volunteers[0], dt.date(2024, 12, 31), "7", center_id=centres["Senioren"])
    add_hours_spread(
        db,
        volunteers[1],
        SPREAD_2026[0],
        SPREAD_2026[1],
        per_day="10",
        center_id=centres[SPREAD_2026[2]],
    )
    with db.session() as session:
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        session.add(service)
        session.flush()
        for day, km in RIDES_2026 + RIDES_2025:
            session.add(
                Ride(
                    service_id=service.id,
                    ride_date=day,
                    start_time=dt.time(9),
                    duration_minutes=60,
                    destination="Wochenmarkt",
                    driver_id=driver,
                    status=RideStatus.DONE,
                    km=Decimal(km),
                )
            )
        session.add(
            Ride(
                service_id=service.id,
                ride_date=dt.date(2026, 2, 10),
                start_time=dt.time(9),
                duration_minutes=60,
                destination="Arzt",
                status=RideStatus.CANCELLED,
            )
        )
    db.centres = centres  # type: ignore[attr-defined]
    return db


def test_pdf_prints_the_years_hours_and_rides_as_summed_over_the_records(
    office_any: Database, tmp_path: Path
) -> None:
    office = office_any
    path = write_annual_report(
        office, period_report(office, Period.year(2026)), tmp_path / "Jahresbericht.pdf"
    )
    printed = pdf_text(path)
    total_2026 = hours_sum(HOURS_2026, spread=True)
    assert total_2026 == Decimal("1225.5")
    assert "Jahresbericht 2026" in printed
    for heading in ("Engagement-Stunden", "Fahrdienst", "Vermittlung", "Veranstaltungen"):
        assert heading in printed
    # four volunteers and 1.225,5 hours, against 10 hours in 2025
    assert "leisteten 4 Freiwillige 1.225,5 Stunden" in printed
    assert "Geleistete Stunden 1.225,5 10,0 " in printed
    assert "Durchgeführte Fahrten 3 1 +200 %" in printed
    assert "Gefahrene Kilometer 40,5 7,0 " in printed
    assert "1 Fahrt wurde abgesagt" in printed
    # the monthly table: 10 h a day from 1 September, 8,5 h on 30 December, 1 h on the 31st
    assert "September 300,0 0,0 " in printed and "Dezember 299,5 3,0 " in printed
    assert "Im Jahr 2026" in printed and "Vorjahr" in printed
    assert "Seite 1" in printed and "Seite 2" in printed


def test_pdf_charts_are_vector_graphics_with_text_labels(office: Database, tmp_path: Path) -> None:
    path = write_annual_report(
        office, period_report(office, Period.year(2026)), tmp_path / "bericht.pdf"
    )
    reader = PdfReader(path)
    for page in reader.pages:
        objects = page["/Resources"].get("/XObject") or {}
        images = [
            name for name, ref in objects.items() if ref.get_object().get("/Subtype") == "/Image"
        ]
        assert images == [], "charts must be drawn, not pasted in as pictures"
    printed = pdf_text(path)
    for label in ("Stunden nach Monat", "Durchgeführte Fahrten nach Monat", "Jan", "Dez"):
        assert label in printed
    assert "Aktive Ehrenamtliche nach Engagement-Zentrum" in printed


def test_pdf_for_one_centre_names_the_filter_and_counts_only_its_hours(
    office: Database, tmp_path: Path
) -> None:
    centre = office.centres["Familie"]  # type: ignore[attr-defined]
    report = period_report(
        office, Period.year(2026), ReportFilter(center_id=centre, center_name="Familie")
    )
    printed = pdf_text(write_annual_report(office, report, tmp_path / "familie.pdf"))
    assert "Nur Engagement-Zentrum „Familie“" in printed
    expected = hours_sum(HOURS_2026, centre="Familie", spread=False)
    assert expected == Decimal("5")
    assert "Geleistete Stunden 5,0 " in printed


def test_a_period_shorter_than_a_year_is_titled_with_its_dates(
    office: Database, tmp_path: Path
) -> None:
    period = Period.between(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    printed = pdf_text(
        write_annual_report(office, period_report(office, period), tmp_path / "q.pdf")
    )
    assert "Bericht 01.01.2026–31.03.2026" in printed
    assert "Jahresbericht" not in printed
    assert "Geleistete Stunden 6,5 " in printed  # 2,5 h in January and 4 h in March


def test_xlsx_holds_the_numbers_as_numbers(office_any: Database, tmp_path: Path) -> None:
    office = office_any
    path = write_annual_report(
        office, period_report(office, Period.year(2026)), tmp_path / "Jahresbericht.xlsx"
    )
    workbook = load_workbook(path)
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    assert {"Übersicht", "Stunden nach Monat", "Fahrdienst", "Veranstaltungen"} <= set(
        workbook.sheetnames
    )
    overview = workbook["Übersicht"]
    assert [c.value for c in overview[1]] == ["Kennzahl", "2026", "2025", "Veränderung"]
    assert all(c.font.bold for c in overview[1])
    rows = {row[0].value: row for row in overview.iter_rows(min_row=2)}
    hours = rows["Geleistete Stunden"]
    assert isinstance(hours[1].value, float) and hours[1].value == float(
        hours_sum(HOURS_2026, spread=True)
    )
    assert hours[2].value == float(hours_sum(HOURS_2025, spread=False))
    assert hours[1].number_format != "General"
    rides = rows["Durchgeführte Fahrten"]
    assert (rides[1].value, rides[2].value) == (len(RIDES_2026), len(RIDES_2025))
    assert isinstance(rides[1].value, int)
    assert rides[3].value == pytest.approx(2.0)  # +200 %, formatted as percent
    assert "%" in rides[3].number_format

    months = workbook["Stunden nach Monat"]
    by_month = {row[0].value: row[1].value for row in months.iter_rows(min_row=2)}
    assert by_month["Januar"] == 2.5 and by_month["Februar"] == 0
    assert by_month["Summe"] == float(hours_sum(HOURS_2026, spread=True))
    assert sum(v for k, v in by_month.items() if k != "Summe") == pytest.approx(by_month["Summe"])


def test_files_are_private(office: Database, tmp_path: Path) -> None:
    report = period_report(office, Period.year(2026))
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("a.pdf", "a.xlsx"):
        path = write_annual_report(office, report, folder / name)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["a.pdf", "a.xlsx"]  # no leftovers


def test_unknown_suffix_is_refused_in_german_and_nothing_is_written(
    office: Database, tmp_path: Path
) -> None:
    report = period_report(office, Period.year(2026))
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ServiceError, match=r"„Jahresbericht\.docx“") as raised:
        write_annual_report(office, report, folder / "Jahresbericht.docx")
    assert ".pdf" in str(raised.value) and "Dateiformat" in str(raised.value)
    assert list(folder.iterdir()) == []
