"""The demo database opened in a later week is made anew for today; a current one is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from engagement_desk.models import Person, Ride
from engagement_desk.services.demo import generate_demo
from engagement_desk.services.demo.freshness import demo_is_stale
from engagement_desk.ui import app
from engagement_desk.ui.main_window import MainWindow

TODAY = dt.date.today()


def _upcoming_rides(db) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Ride).where(Ride.ride_date >= TODAY))


def test_a_demo_from_three_weeks_ago_opens_as_a_working_office_today(qtbot, ctx) -> None:
    generate_demo(ctx.db, people=200, seed=3, today=TODAY - dt.timedelta(days=21))
    assert _upcoming_rides(ctx.db) == 0 and demo_is_stale(ctx.db)

    ctx.demo = True
    window = app.show_main_window(ctx)
    qtbot.addWidget(window)

    assert isinstance(window, MainWindow)
    assert not demo_is_stale(ctx.db)
    assert _upcoming_rides(ctx.db) > 0
    with ctx.db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) >= 200


def test_a_demo_made_this_week_is_kept_as_it_is(
    qtbot, ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_demo(ctx.db, people=200, seed=3, today=TODAY)
    from engagement_desk.services import demo

    calls: list[object] = []
    monkeypatch.setattr(demo, "generate_demo", lambda *a, **k: calls.append(k))
    ctx.demo = True
    window = app.show_main_window(ctx)
    qtbot.addWidget(window)

    assert calls == []
    assert not demo_is_stale(ctx.db)


def test_an_office_database_is_never_called_stale(ctx) -> None:
    assert not demo_is_stale(ctx.db)  # no people: nothing to judge
