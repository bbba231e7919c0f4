"""Run sheets, call list and km summary: read the PDFs back as a person would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service

from engagement_desk.db import Database
from engagement_desk.models import StandbyDriver
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import plan_week
from engagement_desk.services.rides.prints.call_list import write_call_list
from engagement_desk.services.rides.prints.km_summary import load_km_summary, write_km_summary
from engagement_desk.services.rides.prints.run_sheet import write_run_sheets
from engagement_desk.services.rides.status import mark_done

pypdf = pytest.importorskip("pypdf", reason="pypdf is needed to read PDFs back (test extra)")

NAMES = [("Şükrü", "Ağaoğlu"), ("Łucja", "Wąsowska"), ("Анна", "Петрова")]
TUESDAY = parse_week(PLAIN_WEEK).monday + dt.timedelta(days=1)


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def embedded_fonts(path: Path) -> set[str]:
    found = set()
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font.get("/FontDescriptor")
            )
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                found.add(str(font["/BaseFont"]).split("+")[-1])
    return found


@pytest.fixture
def week_with_rides(db: Database) -> Database:
    agency(db)
    sid = service(db)
    for index, (first, last) in enumerate(NAMES):
        pid = passenger(db, first, last, phone=f"06561 12{index}0")
        order(
            db, sid, pid, pickup=dt.time(9, 5 * index), back=dt.time(11, 30), wheelchair=index == 1
        )
    driver(db, "Jürgen", "Müller", wheelchair_spaces=1)
    standby = driver(db, "Sven", "Bereit", max_rides=0)
    with db.session() as session:
        session.add(StandbyDriver(service_id=sid, on_date=TUESDAY, driver_id=standby))
    plan_week(db, parse_week(PLAIN_WEEK))
    return db


def test_run_sheet_lists_names_in_any_script_with_embedded_fonts(
    week_with_rides: Database, tmp_path: Path
) -> None:
    files = write_run_sheets(week_with_rides, parse_week(PLAIN_WEEK), tmp_path)
    assert [(f.driver_name, f.rides) for f in files] == [("Jürgen Müller", 6), ("Sven Bereit", 0)]
    assert (
        files[0].path.name
        == f"Laufzettel_{TUESDAY:%Y-%m-%d}_Jürgen-Müller_{files[0].driver_id}.pdf"
    )
    content = pdf_text(files[0].path)
    for first, last in NAMES:
        assert f"{first} {last}" in content
    for expected in (
        "Freiwilligenagentur Bitburg",
        "Laufzettel Dienstag, 03.03.2026",
        "06561 1210",
        "Rollstuhl",
        "Rückfahrt",
        "Bereitschaft Seniorenfahrdienst: Sven Bereit",
        "09:05",
    ):
        assert expected in content
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(files[0].path)
    assert "Sie haben heute Bereitschaft" in pdf_text(files[1].path)


def test_call_list_has_phone_numbers_and_times(week_with_rides: Database, tmp_path: Path) -> None:
    path = write_call_list(week_with_rides, TUESDAY, tmp_path / "anrufe.pdf")
    content = pdf_text(path)
    assert "Anrufliste: Fahrten am Dienstag, 03.03.2026" in content
    assert "Анна Петрова" in content and "06561 1220" in content
    assert "09:10" in content and "11:30" in content


def test_km_summary_multiplies_by_the_agency_rate(
    week_with_rides: Database, tmp_path: Path
) -> None:
    plan = plan_week(week_with_rides, parse_week(PLAIN_WEEK))
    for ride, km in zip(plan.rides[:2], ("10,5", "4"), strict=True):
        mark_done(week_with_rides, ride.id, km=km, expected_version=ride.version)
    summary = load_km_summary(week_with_rides, 2026, 3)
    (line,) = summary.drivers
    assert (str(line.total_km), str(line.amount)) == ("14.5", "4.35")
    content = pdf_text(write_km_summary(week_with_rides, 2026, 3, tmp_path / "km.pdf"))
    assert "Fahrtkostenabrechnung März 2026" in content
    assert "14,5 km × 0,30 € pro km = 4,35 €" in content
    assert "Unterschrift Jürgen Müller" in content
