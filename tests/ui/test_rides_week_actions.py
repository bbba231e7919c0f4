"""The week plan's week-wide actions: the week's run sheets, planning a planned week again."""

from __future__ import annotations

import datetime as dt
import io
import stat
from pathlib import Path

import pypdf
import pytest
from pdf_helpers import RecordingPdfOutput
from PySide6.QtCore import Qt
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service
from sqlalchemy import select
from ui_helpers import ChoosingDialogs

from engagement_desk.db import Database
from engagement_desk.models import Ride, StandbyDriver
from engagement_desk.services.rides.assignment import assign_driver
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import read_week_plan
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.week_view import WeekView

WEEK = parse_week(PLAIN_WEEK)
TUESDAY = WEEK.monday + dt.timedelta(days=1)
THURSDAY = WEEK.monday + dt.timedelta(days=3)


@pytest.fixture
def dialogs() -> ChoosingDialogs:
    return ChoosingDialogs()


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    """Anna drives Tuesday and Thursday mornings; Sam is Tuesday's standby; Rita needs a
    wheelchair place nobody has."""
    agency(db)
    sid = service(db)
    gerda = passenger(db, "Gerda", "Groß")
    order(db, sid, gerda, rule="FREQ=WEEKLY;BYDAY=TU,TH", destination="Wochenmarkt")
    order(db, sid, passenger(db, "Rita", "Rad", wheelchair=True), wheelchair=True)
    windows = ((1, dt.time(8, 0), dt.time(12, 0)), (3, dt.time(8, 0), dt.time(12, 0)))
    anna = driver(db, "Anna", "Becker", windows=windows)
    sam = driver(db, "Sam", "Bereit", windows=windows[:1])
    with db.session() as session:
        session.add(StandbyDriver(service_id=sid, on_date=TUESDAY, driver_id=sam))
    return {"gerda": gerda, "anna": anna, "sam": sam}


def planned_view(ctx: AppContext, qtbot) -> WeekView:
    view = WeekView(ctx, today=WEEK.monday)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)  # an empty week: no question
    return view


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_the_weeks_run_sheets_in_one_pdf_print_through_the_seam(
    ctx: AppContext, dialogs: ChoosingDialogs, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    output = RecordingPdfOutput()
    view.week_sheets.output = output
    dialogs.choices = [0]
    qtbot.mouseClick(view.week_sheets_button, Qt.MouseButton.LeftButton)
    preview = view.week_sheets.preview
    assert preview is not None and preview.title == f"Laufzettel KW {WEEK.week}/{WEEK.year}"
    # Anna on Tuesday and Thursday, Sam on standby on Tuesday: three sheets, a page each.
    assert preview.page_count == 3
    text = pdf_text(preview.data)
    assert text.count("Fahrer/in: Anna Becker") == 2 and "Fahrer/in: Sam Bereit" in text
    assert "Sie haben heute Bereitschaft" in text
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert output.printed == [([preview.data], preview.title)]
    preview.close()


def test_one_pdf_per_driver_goes_into_the_chosen_folder_owner_only(
    ctx: AppContext,
    dialogs: ChoosingDialogs,
    office: dict[str, int],
    qtbot,
    tmp_path: Path,
) -> None:
    view = planned_view(ctx, qtbot)
    folder = tmp_path / "Laufzettel"
    dialogs.choices = [1]
    dialogs.paths = [str(folder)]
    qtbot.mouseClick(view.week_sheets_button, Qt.MouseButton.LeftButton)
    files = sorted(p.name for p in folder.iterdir())
    assert files == [
        f"Laufzettel_{WEEK.label}_Anna-Becker_{office['anna']}.pdf",
        f"Laufzettel_{WEEK.label}_Sam-Bereit_{office['sam']}.pdf",
    ]
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    anna = pdf_text((folder / files[0]).read_bytes())
    assert "Dienstag, 03.03.2026" in anna and "Donnerstag, 05.03.2026" in anna
    assert "Fahrer/in: Sam Bereit" not in anna
    assert dialogs.texts("inform")[-1] == f"2 Laufzettel (einer je Fahrer/in) liegen in {folder}."
    # The folder is remembered for next time.
    dialogs.choices = [1]
    dialogs.paths = [None]
    qtbot.mouseClick(view.week_sheets_button, Qt.MouseButton.LeftButton)
    assert dialogs.texts("directory_path")[-1] == str(folder)


def _assign_by_hand(db: Database, passenger_name: str, day: dt.date, driver_id: int) -> int:
    plan = read_week_plan(db, WEEK)
    ride = next(r for r in plan.rides if passenger_name in r.passenger_names and r.ride_date == day)
    assign_driver(db, ride.id, driver_id, expected_version=ride.version, accept_warnings=True)
    return ride.id


def _driver_and_hand(db: Database, ride_id: int) -> tuple[int | None, bool]:
    with db.read_session() as session:
        ride = session.scalars(select(Ride).where(Ride.id == ride_id)).one()
        return ride.driver_id, ride.assigned_manually


def test_planning_a_planned_week_asks_about_the_rides_assigned_by_hand(
    ctx: AppContext, db: Database, dialogs: ChoosingDialogs, office: dict[str, int], qtbot
) -> None:
    view = planned_view(ctx, qtbot)
    assert dialogs.texts("choose") == []  # the first planning asks nothing
    gerda = _assign_by_hand(db, "Gerda", TUESDAY, office["sam"])
    rita = _assign_by_hand(db, "Rita", TUESDAY, office["anna"])

    dialogs.choices = [2]  # Cancel: nothing is planned
    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    assert dialogs.texts("choose")[-1] == (
        f"Die Woche {WEEK.title} ist schon geplant. 2 Fahrten wurden von Hand zugeteilt: behalten?"
    )
    assert view.plan_button.isEnabled()

    dialogs.choices = [0]  # Keep
    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    assert _driver_and_hand(db, gerda) == (office["sam"], True)
    assert _driver_and_hand(db, rita) == (office["anna"], True)

    dialogs.choices = [1]  # Reassign: the solver decides as if nobody had chosen by hand
    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    assert _driver_and_hand(db, gerda) == (office["anna"], False)  # the standby stays free
    assert _driver_and_hand(db, rita) == (None, False)  # nobody has a wheelchair place
    assert "2 Fahrten wurden von Hand zugeteilt" in dialogs.texts("choose")[-1]

    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    assert dialogs.texts("ask")[-1] == f"Die Woche {WEEK.title} ist schon geplant. Neu planen?"


def test_a_plan_cancelled_while_solving_is_kept_and_the_week_says_so(
    ctx: AppContext, office: dict[str, int], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from engagement_desk.services.rides import planning

    real_solve = planning.solve
    monkeypatch.setattr(
        planning,
        "solve",
        lambda problem, **kwargs: dataclasses.replace(real_solve(problem, **kwargs), stopped=True),
    )
    view = planned_view(ctx, qtbot)
    assert "Planung abgebrochen; der bis dahin beste Plan wurde gespeichert" in (
        view.summary.text()
    )
    assert any(r.driver_id is not None for r in view.shown_rides())


def test_a_plan_without_proof_says_how_many_rides_a_better_plan_could_add(
    ctx: AppContext, office: dict[str, int], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from engagement_desk.services.rides import planning

    real_solve = planning.solve

    def unproven(problem, **kwargs):
        solution = real_solve(problem, **kwargs)
        bound = len(solution.assignment) + 2
        return dataclasses.replace(solution, optimal=False, bound=bound)

    monkeypatch.setattr(planning, "solve", unproven)
    view = planned_view(ctx, qtbot)
    assert "ein besserer Plan könnte höchstens 2 Fahrten mehr zuteilen" in view.summary.text()
    assert "Höchstmögliche" not in view.summary.text()


def test_a_week_without_drivers_says_so_instead_of_an_empty_pdf(
    ctx: AppContext, dialogs: ChoosingDialogs, qtbot
) -> None:
    view = WeekView(ctx, today=WEEK.monday)
    qtbot.addWidget(view)
    dialogs.choices = [0]
    qtbot.mouseClick(view.week_sheets_button, Qt.MouseButton.LeftButton)
    assert view.week_sheets.preview is None
    assert any(
        f"In der KW {WEEK.week}/{WEEK.year} hat noch niemand eine Fahrt oder Bereitschaft." in text
        for _, _, text in dialogs.shown
    )
