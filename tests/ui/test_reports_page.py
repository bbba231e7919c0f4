"""The Auswertung page: what it shows is the report's JSON, with charts, filters and the PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from report_world import build_world

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.ui.formatting import format_decimal, format_int
from engagement_desk.ui.reports.tab import ReportsTab


@pytest.fixture
def page(ctx, qtbot) -> ReportsTab:
    build_world(ctx.db)
    tab = ReportsTab(ctx)
    qtbot.addWidget(tab)
    tab.year.setValue(2025)
    return tab


def cli_json(db: Database, capsys, *options: str) -> dict:
    assert main(["report", "--db", str(db.sqlite_path), *options, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def row(table, name: str) -> tuple[str, str]:
    (found,) = [(now, then) for label, now, then in table.values() if label == name]
    return found


def test_the_page_shows_the_numbers_of_the_json(page: ReportsTab, ctx, capsys) -> None:
    data = cli_json(ctx.db, capsys, "--year", "2025")
    now, then = data["current"], data["previous"]
    assert page.heading.text() == "Zahlen für 2025, im Vergleich mit 2024"
    assert row(page.hours, "Stunden insgesamt") == (
        f"{format_decimal(now['hours']['total'], 1)} h",
        f"{format_decimal(then['hours']['total'], 1)} h",
    )
    volunteers = now["people"]["by_role"][0]
    assert volunteers["role"] == "volunteer"
    assert row(page.people, "Ehrenamtliche/r, aktiv") == (
        format_int(volunteers["active"]),
        format_int(then["people"]["by_role"][0]["active"]),
    )
    rides = now["rides"]["total"]
    assert row(page.rides, "Durchgeführte Fahrten")[0] == format_int(rides["done"])
    assert row(page.rides, "Gefahrene Kilometer")[0] == f"{format_decimal(rides['km'], 1)} km"
    assert row(page.rides, "Beförderte Fahrgäste")[0] == format_int(rides["passengers_served"])
    assert row(page.placements, "Aktive Vermittlungen")[0] == format_int(
        now["placements"]["active"]
    )
    assert row(page.events, "Anwesende Teilnehmende")[0] == format_int(
        now["events"]["participants"]
    )
    assert row(page.ages, "Unter 18")[0] == format_int(
        now["people"]["volunteers_by_age"][0]["volunteers"]
    )
    assert page.report is not None and page.report.to_json_dict() == data


def test_the_charts_show_both_periods(page: ReportsTab, ctx, capsys) -> None:
    data = cli_json(ctx.db, capsys, "--year", "2025")
    hours = page.hours_chart.series_values()
    assert [label for label, _ in hours] == ["2025", "2024"]
    assert hours[0][1] == [m["hours"] for m in data["current"]["hours"]["by_month"]]
    assert hours[1][1] == [m["hours"] for m in data["previous"]["hours"]["by_month"]]
    assert len(page.hours_chart.categories()) == 12
    rides = page.rides_chart.series_values()
    assert rides[0][1] == [m["count"] for m in data["current"]["rides"]["done_by_month"]]
    centres = page.centers_chart.series_values()
    counts = {
        c["name"] or "Ohne Zentrum": c["count"]
        for c in data["current"]["people"]["volunteers_by_center"]
    }
    assert dict(zip(page.centers_chart.categories(), centres[0][1], strict=True)) == counts
    assert page.centers_chart.chart().legend().isVisible()


def test_centre_filter_and_a_span(page: ReportsTab, ctx, capsys) -> None:
    page.center.setCurrentIndex(page.center.findText("Senioren"))
    data = cli_json(ctx.db, capsys, "--year", "2025", "--center", "Senioren")
    assert page.heading.text().endswith("— Senioren")
    assert row(page.hours, "Stunden insgesamt")[0] == (
        f"{format_decimal(data['current']['hours']['total'], 1)} h"
    )
    page.center.setCurrentIndex(0)
    page.mode.setCurrentIndex(1)
    page.date_from.setDate(QDate(2025, 3, 1))
    page.date_to.setDate(QDate(2025, 5, 31))
    assert page.report.period.label == "01.03.2025–31.05.2025"
    data = cli_json(ctx.db, capsys, "--from", "01.03.2025", "--to", "31.05.2025")
    assert page.report.to_json_dict() == data
    assert page.hours_chart.categories() == ["Mär", "Apr", "Mai"]


def test_a_period_ending_before_it_starts_says_so(page: ReportsTab) -> None:
    page.mode.setCurrentIndex(1)
    page.date_from.setDate(QDate(2025, 5, 1))
    page.date_to.setDate(QDate(2025, 4, 1))
    assert "Ende" in page.message.text()


def test_annual_report_as_pdf(page: ReportsTab, ctx, tmp_path: Path) -> None:
    target = tmp_path / "bericht"
    ctx.dialogs.paths.append(str(target))
    page.pdf_button.click()
    written = tmp_path / "bericht.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert page.message.text() == f"Jahresbericht gespeichert: {written}"
    assert ctx.dialogs.texts("save_path") == ["Jahresbericht 2025.pdf"]  # the name suggested


def test_english(page: ReportsTab, languages, qtbot) -> None:
    languages.apply("en")  # Qt posts LanguageChange to the top-level widgets
    qtbot.waitUntil(lambda: page.boxes[page.hours].title() == "Volunteer hours")
    assert page.heading.text() == "Figures for 2025, compared with 2024"
    assert row(page.people, "Volunteer, active")[0] != ""
    assert page.year.value() == 2025  # the page keeps its year when the language changes
