"""Opening the demo, a new user sees a working office: this week's rides, reasons, call-backs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from engagement_desk.services.demo import generate_demo
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.rides.week_view import WeekView

# A Tuesday: the rest of the week is planned, some rides wait for a wheelchair car.
TODAY = dt.date(2026, 12, 8)


@pytest.fixture
def window(qtbot, ctx, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    generate_demo(ctx.db, today=TODAY)  # the default size, as `--demo` makes it
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_the_ride_service_shows_this_weeks_plan_with_reasons_for_open_rides(
    qtbot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.findChild(WeekView)
    assert view is not None
    view.week_edit.selectAll()  # the week is typed, as a person would
    qtbot.keyClicks(view.week_edit, "2026-W50")
    qtbot.keyClick(view.week_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: any(day.ride_ids() for day in view.days))
    rides = sum(len(day.ride_ids()) for day in view.days)
    reasons = [view.unassigned.item(i).text() for i in range(view.unassigned.count())]
    view.week_edit.selectAll()  # and the next week
    qtbot.keyClicks(view.week_edit, "2026-W51")
    qtbot.keyClick(view.week_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.days[0].day == dt.date(2026, 12, 14))
    rides += sum(len(day.ride_ids()) for day in view.days)
    reasons += [view.unassigned.item(i).text() for i in range(view.unassigned.count())]

    assert rides > 300
    assert reasons and len(reasons) < rides / 10
    assert not any("noch nicht geplant" in text for text in reasons)


def test_the_follow_up_calls_of_this_week_are_waiting(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    organizations = window.tab("organizations")

    def label() -> str:
        return organizations.sections.tabText(organizations.sections.count() - 1)

    qtbot.waitUntil(lambda: not label().endswith("(0)"), timeout=5000)
    assert label().startswith("&Wiedervorlagen (")
