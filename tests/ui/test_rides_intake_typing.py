"""Phone intake and ride editing as typed: 'di' + '830', '15.12.', past days, default service."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from ride_helpers import agency, driver, passenger, service
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Ride
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.assignment import assign_driver
from engagement_desk.services.rides.requests import Needs, RideRequestInput, create_ride_request
from engagement_desk.services.rides.ride_editing import RideEditInput, ride_for_editing, update_ride
from engagement_desk.services.rides.services_admin import list_ride_service_records
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.intake import IntakeDialog
from engagement_desk.ui.rides.ride_editor import RideEditorDialog

TODAY = dt.date(2026, 12, 7)  # a Monday
# The completer's popup, shown offscreen, cannot be raised or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    agency(db)
    rare = service(db, name="Arztfahrten")  # first by name, seldom used
    usual = service(db, name="Seniorenfahrdienst")
    gerda = passenger(db, "Gerda", "Groß")
    for day in (1, 2, 3):
        create_ride_request(
            db,
            RideRequestInput(
                usual, gerda, TODAY - dt.timedelta(days=day * 7), dt.time(9), "Wochenmarkt"
            ),
        )
    return {"rare": rare, "usual": usual, "gerda": gerda}


def intake(ctx: AppContext, db: Database, qtbot) -> IntakeDialog:
    form = IntakeDialog(ctx, list_ride_service_records(db), TODAY, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.show()
    return form


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def choose_passenger(qtbot, form: IntakeDialog, typed: str) -> None:
    """Type part of the name, take the first proposal with Down and Enter."""
    qtbot.keyClicks(form.passenger, typed)
    popup = form.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def rides(db: Database) -> list[tuple[dt.date, dt.time, bool]]:
    with db.read_session() as session:
        return [
            (r.ride_date, r.start_time, r.is_return)
            for r in session.scalars(
                select(Ride).where(Ride.ride_date >= TODAY).order_by(Ride.start_time)
            )
        ]


def test_the_default_service_is_the_most_used_not_the_first_by_name(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    form = intake(ctx, db, qtbot)
    assert form.service.itemText(0) == "Arztfahrten"
    assert form.service.currentData() == office["usual"]


def test_typing_di_and_830_takes_tuesdays_ride(ctx: AppContext, db: Database, office, qtbot):
    form = intake(ctx, db, qtbot)
    choose_passenger(qtbot, form, "groß")
    assert form.passenger_id == office["gerda"]
    retype(qtbot, form.date, "di")
    assert form.date.hint() == "→ Di, 08.12.2026"
    retype(qtbot, form.time, "830")
    assert form.time.hint() == "→ 08:30"
    retype(qtbot, form.destination.lineEdit(), "Hausarztpraxis Dr. Klein, Bahnhofstr. 3")
    retype(qtbot, form.return_time, "1130")
    qtbot.keyClick(form.return_time, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert rides(db) == [
        (dt.date(2026, 12, 8), dt.time(8, 30), False),
        (dt.date(2026, 12, 8), dt.time(11, 30), True),
    ]


def test_a_day_without_year_resolves_to_the_future(ctx: AppContext, db: Database, office, qtbot):
    form = intake(ctx, db, qtbot)
    retype(qtbot, form.date, "15.12.")
    assert form.date.hint() == "→ Di, 15.12.2026"
    retype(qtbot, form.date, "1.12.")
    assert form.date.hint() == "→ Mi, 01.12.2027 (nächstes Jahr)"
    assert form.date.value() == dt.date(2027, 12, 1)


def test_a_past_day_typed_with_its_year_is_refused_at_the_field(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    form = intake(ctx, db, qtbot)
    choose_passenger(qtbot, form, "groß")
    retype(qtbot, form.date, "01.12.2026")
    assert form.date.hint_is_error()
    retype(qtbot, form.time, "9")
    retype(qtbot, form.destination.lineEdit(), "Wochenmarkt")
    qtbot.keyClick(form.time, Qt.Key.Key_Return)
    assert form.isVisible()
    assert "01.12.2026 liegt in der Vergangenheit" in form.error_text("ride_date")
    assert rides(db) == []
    retype(qtbot, form.time, "25")
    qtbot.keyClick(form.time, Qt.Key.Key_Return)
    assert "Uhrzeit" in form.error_text("pickup_time")


def one_off(db: Database, office, day: dt.date, driver_id: int | None = None) -> int:
    result = create_ride_request(
        db,
        RideRequestInput(
            office["usual"],
            office["gerda"],
            day,
            dt.time(9),
            "Wochenmarkt",
            return_time=dt.time(11),
        ),
    )
    if driver_id is not None:
        version = ride_for_editing(db, result.ride_id).version
        assign_driver(db, result.ride_id, driver_id, expected_version=version)
    return result.ride_id


def editor(ctx: AppContext, ride_id: int, qtbot) -> RideEditorDialog:
    dialog = RideEditorDialog(ctx, ride_id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_editing_a_ride_by_typing_moves_it_and_its_return_trip(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    ride_id = one_off(db, office, dt.date(2026, 12, 8))
    dialog = editor(ctx, ride_id, qtbot)
    form = dialog.editor
    assert form.date.text() == "08.12.2026" and form.return_time.text() == "11:00"
    retype(qtbot, form.date, "do")
    retype(qtbot, form.time, "1015")
    retype(qtbot, form.return_time, "12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rides(db) == [
        (dt.date(2026, 12, 10), dt.time(10, 15), False),
        (dt.date(2026, 12, 10), dt.time(12, 0), True),
    ]


def test_removing_the_return_time_removes_the_return_trip(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    ride_id = one_off(db, office, dt.date(2026, 12, 8))
    dialog = editor(ctx, ride_id, qtbot)
    retype(qtbot, dialog.editor.return_time, "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert rides(db) == [(dt.date(2026, 12, 8), dt.time(9), False)]


def test_a_new_time_the_driver_cannot_take_unassigns_and_says_so(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    anna = driver(db, "Anna", "Becker", windows=((1, dt.time(8, 0), dt.time(12, 0)),))
    ride_id = one_off(db, office, dt.date(2026, 12, 8), anna)
    dialog = editor(ctx, ride_id, qtbot)
    retype(qtbot, dialog.editor.time, "14")
    retype(qtbot, dialog.editor.return_time, "16")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # stays open to say what happened
    assert "Anna Becker fährt die Fahrt nicht mehr" in dialog.editor.notice.text()
    with db.read_session() as session:
        ride = session.get(Ride, ride_id)
        assert ride.driver_id is None and ride.status == RideStatus.PLANNED
        assert ride.start_time == dt.time(14)


def test_an_explicit_past_day_is_refused_but_an_old_ride_keeps_its_day(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    old = one_off(db, office, dt.date(2026, 12, 1))
    dialog = editor(ctx, old, qtbot)
    assert not dialog.editor.date.hint_is_error()
    retype(qtbot, dialog.editor.notes, "Rollator im Kofferraum")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.read_session() as session:
        assert session.get(Ride, old).notes == "Rollator im Kofferraum"
    future = one_off(db, office, dt.date(2026, 12, 8))
    dialog = editor(ctx, future, qtbot)
    retype(qtbot, dialog.editor.date, "30.11.2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "liegt in der Vergangenheit" in dialog.editor.form.error_text("ride_date")


def test_a_ride_changed_elsewhere_offers_both_values_and_saves_the_choice(
    ctx: AppContext, db: Database, office, qtbot
) -> None:
    ride_id = one_off(db, office, dt.date(2026, 12, 8))
    dialog = editor(ctx, ride_id, qtbot)
    shown = ride_for_editing(db, ride_id)
    update_ride(  # another workstation changes the destination first
        db,
        ride_id,
        shown.version,
        RideEditInput(
            shown.ride.ride_date,
            shown.ride.start_time,
            shown.ride.duration_minutes,
            shown.ride.pickup_address,
            "Augenarzt, Trierer Str. 1",
            Needs(),
            return_time=dt.time(11),
        ),
    )
    retype(qtbot, dialog.editor.time, "1015")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    conflict = dialog.editor.open_conflict_dialog
    assert conflict is not None
    rows = {r.key: (r.theirs, r.mine) for r in conflict.rows}
    assert rows["start_time"] == ("09:00", "1015")
    conflict.apply_button.click()
    with db.read_session() as session:
        ride = session.get(Ride, ride_id)
        assert (ride.start_time, ride.destination) == (dt.time(10, 15), "Augenarzt, Trierer Str. 1")
