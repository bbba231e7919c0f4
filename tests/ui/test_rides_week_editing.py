"""The week plan with a new request: its label, Bearbeiten (double-click), Erledigt not yet."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from ride_helpers import agency, driver, passenger, service

from engagement_desk.db import Database
from engagement_desk.models import Ride
from engagement_desk.models.enums import StaffRole
from engagement_desk.services.rides.assignment import assign_driver
from engagement_desk.services.rides.requests import RideRequestInput, create_ride_request
from engagement_desk.services.rides.ride_editing import ride_for_editing
from engagement_desk.services.staff.access import SessionAccess
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.tab import RidesTab
from engagement_desk.ui.rides.week_view import RIDE_ID_ROLE, WeekView

TODAY = dt.date(2026, 12, 7)  # a Monday
TUESDAY = dt.date(2026, 12, 8)
NOON = dt.datetime(2026, 12, 7, 12, 0)


@pytest.fixture
def request_of_tuesday(db: Database) -> int:
    agency(db)
    sid = service(db)
    gerda = passenger(db, "Gerda", "Groß")
    anna = driver(db, "Anna", "Becker")
    ride_id = create_ride_request(
        db, RideRequestInput(sid, gerda, TUESDAY, dt.time(9), "Wochenmarkt")
    ).ride_id
    assign_driver(db, ride_id, anna, expected_version=ride_for_editing(db, ride_id).version)
    create_ride_request(db, RideRequestInput(sid, gerda, TUESDAY, dt.time(15), "Friseur"))
    return ride_id


def week_view(ctx: AppContext, qtbot) -> WeekView:
    view = WeekView(ctx, today=TODAY)
    view.now = lambda: NOON
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    return view


def card(view: WeekView, ride_id: int):
    model = view.days[1].model
    index = model.index(model.row_of(ride_id))
    assert index.data(RIDE_ID_ROLE) == ride_id
    return index


def test_a_new_request_is_open_not_yet_planned(ctx: AppContext, request_of_tuesday, qtbot):
    view = week_view(ctx, qtbot)
    texts = [view.unassigned.item(i).text() for i in range(view.unassigned.count())]
    assert len(texts) == 1 and "Friseur" in texts[0]
    assert "offen – noch nicht geplant" in texts[0]
    assert "Planung" not in texts[0]


def test_a_ride_not_begun_cannot_be_marked_done(ctx: AppContext, request_of_tuesday, qtbot):
    view = week_view(ctx, qtbot)
    rides = view.days[1].rides
    qtbot.mouseClick(
        rides.viewport(),
        Qt.MouseButton.LeftButton,
        pos=rides.visualRect(card(view, request_of_tuesday)).center(),
    )
    assert view.selected_ride_id == request_of_tuesday
    assert not view.done_button.isEnabled()
    assert "not begun" in view.done_button.toolTip() or "begonnen" in view.done_button.toolTip()
    view.now = lambda: dt.datetime(2026, 12, 8, 10, 0)
    view.reload()
    assert view.done_button.isEnabled()


def test_double_click_opens_the_editor_and_saving_moves_the_ride(
    ctx: AppContext, db: Database, request_of_tuesday, qtbot
) -> None:
    view = week_view(ctx, qtbot)
    rides = view.days[1].rides
    where = rides.visualRect(card(view, request_of_tuesday)).center()
    qtbot.mouseClick(rides.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(rides.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = view.editor
    assert dialog is not None and dialog.isVisible()
    assert dialog.editor.time.text() == "09:00"
    dialog.editor.time.selectAll()
    qtbot.keyClicks(dialog.editor.time, "1030")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.read_session() as session:
        assert session.get(Ride, request_of_tuesday).start_time == dt.time(10, 30)
    assert view.selected_ride is not None and view.selected_ride.start_time == dt.time(10, 30)
    assert view.edit_button.isEnabled()


def test_the_list_of_all_rides_opens_the_editor_on_double_click(
    ctx: AppContext, db: Database, request_of_tuesday, qtbot
) -> None:
    tab = RidesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.setCurrentWidget(tab.panel)
    table = tab.panel.table
    qtbot.waitUntil(lambda: tab.panel.model.row_of(request_of_tuesday) is not None)
    row = tab.panel.model.row_of(request_of_tuesday)
    where = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = tab.ride_editor
    assert dialog is not None and dialog.isVisible()
    assert dialog.editor.destination.text() == "Wochenmarkt"
    dialog.editor.notes.setFocus()
    qtbot.keyClicks(dialog.editor.notes, "Bitte klingeln")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.read_session() as session:
        assert session.get(Ride, request_of_tuesday).notes == "Bitte klingeln"


def test_a_reading_role_cannot_edit_a_ride(ctx: AppContext, request_of_tuesday, qtbot) -> None:
    ctx.access.set_access(SessionAccess("leser", "Leser", StaffRole.LESEN, "server/db"))
    view = week_view(ctx, qtbot)
    view.select_ride(request_of_tuesday)
    assert not view.edit_button.isEnabled()
    assert "Lesen" in view.edit_button.toolTip()
    view.edit_selected()  # the double-click does nothing either
    assert view.editor is None
    tab = RidesTab(ctx)
    qtbot.addWidget(tab)
    tab.edit_ride(request_of_tuesday)
    assert tab.ride_editor is None
