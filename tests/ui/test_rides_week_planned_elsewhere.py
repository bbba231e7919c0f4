"""The week view when another workstation is planning the same week (PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service
from sqlalchemy import func, select
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.models import Ride
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.week_lock import planning_lock
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.operations import Operations
from engagement_desk.ui.rides.week_view import WeekView

WEEK = parse_week(PLAIN_WEEK)

pytestmark = pytest.mark.postgres


def test_planning_a_week_planned_elsewhere_says_so_and_changes_nothing(
    pg_db: Database, settings, dialogs: RecordingDialogs, languages, qtbot
) -> None:
    agency(pg_db)
    order(pg_db, service(pg_db), passenger(pg_db, "Gerda", "Groß"), back=dt.time(11, 0))
    driver(pg_db, "Anna", "Becker")
    ctx = AppContext(
        database=pg_db,
        ops=Operations(dialogs, inline=True),
        settings=settings,
        dialogs=dialogs,
        languages=languages,
    )
    view = WeekView(ctx, today=WEEK.monday)
    qtbot.addWidget(view)

    other = Database(pg_db.url)  # the other workstation
    try:
        with planning_lock(other, WEEK):
            view.plan_this_week()
    finally:
        other.dispose()

    (shown,) = dialogs.shown
    assert "wird gerade an einem anderen Platz geplant" in shown[2]
    assert view.plan_button.isEnabled()
    with pg_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Ride)) == 0

    view.plan_this_week()  # once the other is done
    assert len(dialogs.shown) == 1
    assert view.overview is not None and len(view.shown_rides()) == 2
