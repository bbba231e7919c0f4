"""Opening the Fahrdienst tab and each of its pages: the same SQL for 16 drivers as for 4."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from ride_helpers import agency, service
from test_ride_week_board import counted, grow

from engagement_desk.db import Database
from engagement_desk.services.rides.week_board import DAY_BATCH
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.day_rides_model import RIDE_ID_ROLE
from engagement_desk.ui.rides.tab import RidesTab
from engagement_desk.ui.rides.week_view import WeekView


def opened(ctx: AppContext, db: Database, qtbot) -> tuple[list[int], RidesTab]:
    """Statements for the tab's first page, then for each further page in turn."""
    per_page = []
    with counted(db) as statements:
        tab = RidesTab(ctx)
        qtbot.addWidget(tab)
        per_page.append(statements[0])
        for index in range(1, tab.count()):
            statements[0] = 0
            tab.setCurrentIndex(index)
            per_page.append(statements[0])
    return per_page, tab


def test_the_tab_sends_as_many_statements_for_many_drivers_as_for_few(
    ctx: AppContext, db: Database, qtbot
) -> None:
    agency(db)
    service_id = service(db)
    today = dt.date.today()
    grow(db, service_id, 0, 4, today)
    few, tab = opened(ctx, db, qtbot)
    assert len(tab.week.shown_rides()) == 8
    grow(db, service_id, 4, 12, today)
    many, tab = opened(ctx, db, qtbot)
    assert many == few
    assert len(tab.week.shown_rides()) == 32
    assert len(tab.drivers.drivers) == 16 and len(tab.orders.orders) == 16


def test_only_the_week_plan_is_built_when_the_tab_opens(ctx: AppContext, db: Database, qtbot):
    agency(db)
    grow(db, service(db), 0, 2)
    tab = RidesTab(ctx)
    qtbot.addWidget(tab)
    assert [tab._slots[key].built for key in tab._slots] == [True] + [False] * 5
    tab.setCurrentIndex(2)
    assert tab._slots["orders"].built and tab.orders.list.count() == 2
    assert tab.week.week.monday <= dt.date.today() <= tab.week.week.sunday


def test_a_busy_day_shows_its_first_cards_and_reads_on(ctx: AppContext, db: Database, qtbot):
    agency(db)
    today = dt.date.today()
    grow(db, service(db), 0, 35, today)  # 70 rides today, 35 of them open
    view = WeekView(ctx, today=today)
    qtbot.addWidget(view)
    column = view.days[today.weekday()]
    assert column.model.total == 70 and len(column.ride_ids()) == DAY_BATCH
    assert view.summary.text().startswith(("70 ", "70\u00a0"))
    column.model.fetchMore(QModelIndex())
    assert len(column.ride_ids()) == 70 and not column.model.canFetchMore(QModelIndex())
    # an open ride further down than read so far is read and selected from the open list
    fresh = WeekView(ctx, today=today)
    qtbot.addWidget(fresh)
    latest = fresh.unassigned.item(fresh.unassigned.count() - 1)
    assert latest.data(RIDE_ID_ROLE) not in fresh.days[today.weekday()].ride_ids()
    fresh.unassigned.itemClicked.emit(latest)
    ride = fresh.selected_ride
    assert ride is not None and ride.id == latest.data(RIDE_ID_ROLE)
    assert fresh.days[today.weekday()].selected_id() == ride.id
