"""The month calendar of the Veranstaltungen tab: cells, navigation, day list, opening events."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from builders import new_event
from PySide6.QtCore import QModelIndex, Qt

from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.calendar import events_between
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events import month_view
from engagement_desk.ui.events.month_model import DATE_ROLE, EVENTS_ROLE, IN_MONTH_ROLE
from engagement_desk.ui.events.month_view import EventMonthView

TODAY = dt.date(2026, 11, 12)


def add_event(
    db, title: str, start: dt.datetime, hours: float = 2, kind=EventKind.WORKSHOP, place="Rathaus"
) -> int:
    return new_event(db, title, start, hours=hours, kind=kind, place=place).id


@pytest.fixture
def events(db) -> dict[str, int]:
    return {
        "fair": add_event(
            db, "Vereinsmesse", dt.datetime(2026, 11, 13, 10), 54, EventKind.CLUB_FAIR, "Stadthalle"
        ),
        "law": add_event(db, "Vereinsrecht", dt.datetime(2026, 11, 19, 9), 2, EventKind.TRAINING),
        "talk": add_event(
            db,
            "Bürgerschaft (ge)fragt",
            dt.datetime(2026, 11, 19, 18),
            2,
            EventKind.CITIZEN_DIALOGUE,
        ),
        "workshop": add_event(db, "Werkstatt", dt.datetime(2026, 11, 24, 18, 30)),
        "october": add_event(db, "Oktober-Schulung", dt.datetime(2026, 10, 29, 10), 3),
    }


@pytest.fixture
def view(qtbot, ctx) -> EventMonthView:
    widget = EventMonthView(ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    return widget


def cell(view: EventMonthView, day: dt.date) -> QModelIndex:
    """The grid cell that shows ``day`` (found by what the cells hold, not by arithmetic)."""
    model = view.grid.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if index.data(DATE_ROLE) == day:
                assert index.data(Qt.ItemDataRole.DisplayRole) == str(day.day)
                return index
    raise AssertionError(f"{day} is not on the page")


def titles_in(view: EventMonthView, day: dt.date) -> list[str]:
    return [event.title for event in cell(view, day).data(EVENTS_ROLE)]


def double_click(qtbot, widget, pos) -> None:
    """What a mouse sends: a click, then the second press as a double click.

    QTest's ``mouseDClick`` alone omits the first click, which item views need.
    """
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def day_list_texts(view: EventMonthView) -> list[str]:
    return [view.day_list.item(row).text() for row in range(view.day_list.count())]


def test_loads_only_when_asked_or_shown(view, events) -> None:
    assert titles_in(view, dt.date(2026, 11, 13)) == []
    view.show()
    assert titles_in(view, dt.date(2026, 11, 13)) == ["Vereinsmesse"]


def test_events_are_in_the_cells_of_their_days(view, events) -> None:
    view.show_month(2026, 11)

    assert titles_in(view, dt.date(2026, 11, 19)) == ["Vereinsrecht", "Bürgerschaft (ge)fragt"]
    assert titles_in(view, dt.date(2026, 11, 24)) == ["Werkstatt"]
    assert titles_in(view, dt.date(2026, 11, 20)) == []
    for day in (13, 14, 15):
        assert titles_in(view, dt.date(2026, 11, day)) == ["Vereinsmesse"]
    assert titles_in(view, dt.date(2026, 11, 16)) == []
    october = cell(view, dt.date(2026, 10, 29))
    assert [e.title for e in october.data(EVENTS_ROLE)] == ["Oktober-Schulung"]
    assert october.data(IN_MONTH_ROLE) is False
    assert cell(view, dt.date(2026, 11, 29)).data(IN_MONTH_ROLE) is True


def test_cell_tooltip_lists_times_and_places(view, events) -> None:
    view.show_month(2026, 11)

    tooltip = cell(view, dt.date(2026, 11, 19)).data(Qt.ItemDataRole.ToolTipRole)
    assert "09:00–11:00 Vereinsrecht · Rathaus" in tooltip
    assert "18:00–20:00 Bürgerschaft (ge)fragt · Rathaus" in tooltip
    fair = cell(view, dt.date(2026, 11, 14)).data(Qt.ItemDataRole.ToolTipRole)
    assert "13.11. 10:00 – 15.11. 16:00 Vereinsmesse · Stadthalle" in fair
    assert cell(view, dt.date(2026, 11, 20)).data(Qt.ItemDataRole.ToolTipRole) is None


def test_navigation_changes_the_month_and_its_title(view, events, qtbot) -> None:
    view.show_month(2026, 11)
    assert view.title.text() == "November 2026"

    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_month() == (2026, 12)
    assert view.title.text() == "Dezember 2026"
    assert titles_in(view, dt.date(2026, 11, 30)) == []
    assert cell(view, dt.date(2026, 11, 30)).data(IN_MONTH_ROLE) is False

    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert (view.current_month(), view.title.text()) == ((2027, 1), "Januar 2027")

    for _ in range(3):
        qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert (view.current_month(), view.title.text()) == ((2026, 10), "Oktober 2026")
    assert titles_in(view, dt.date(2026, 10, 29)) == ["Oktober-Schulung"]

    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.title.text() == "November 2026"
    assert view.selected_date() == TODAY
    assert view.grid.currentIndex() == cell(view, TODAY)


def test_month_switch_keeps_the_day_of_the_month_where_it_exists(view) -> None:
    view.show_date(dt.date(2027, 1, 31))
    assert view.title.text() == "Januar 2027"
    view.show_month(2027, 2)
    assert view.selected_date() == dt.date(2027, 2, 28)
    assert view.grid.currentIndex() == cell(view, dt.date(2027, 2, 28))


def test_german_weekday_headers_monday_first(view) -> None:
    model = view.grid.model()
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert names == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    assert view.grid.verticalHeader().isHidden()


def test_switching_to_english_renames_month_and_weekdays(view, ctx, qtbot) -> None:
    view.show()
    view.show_month(2026, 12)
    assert view.title.text() == "Dezember 2026"

    ctx.languages.apply("en")

    qtbot.waitUntil(lambda: view.title.text() == "December 2026")
    assert view.grid.model().headerData(0, Qt.Orientation.Horizontal) == "Mon"
    assert view.today_button.text() == "Today"
    assert view.next_button.toolTip() == "Next month"


def test_selecting_a_day_fills_the_day_list(view, events, qtbot) -> None:
    view.show_month(2026, 11)

    view.grid.setCurrentIndex(cell(view, dt.date(2026, 11, 19)))

    assert view.selected_date() == dt.date(2026, 11, 19)
    assert day_list_texts(view) == [
        "09:00–11:00 Vereinsrecht · Rathaus",
        "18:00–20:00 Bürgerschaft (ge)fragt · Rathaus",
    ]
    assert "19. November 2026" in view.day_heading.text()

    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    assert view.selected_date() == dt.date(2026, 11, 20)
    assert day_list_texts(view) == []
    assert "20. November 2026" in view.day_heading.text()

    qtbot.keyClick(view.grid, Qt.Key.Key_Down)
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    assert view.selected_date() == dt.date(2026, 11, 24)
    assert day_list_texts(view) == ["18:30–20:30 Werkstatt · Rathaus"]


def test_show_date_switches_month_and_selects_the_day(view, events) -> None:
    view.show_date(dt.date(2026, 11, 14))

    assert view.current_month() == (2026, 11)
    assert view.grid.currentIndex() == cell(view, dt.date(2026, 11, 14))
    assert day_list_texts(view) == ["13.11. 10:00 – 15.11. 16:00 Vereinsmesse · Stadthalle"]


def test_enter_or_double_click_on_the_day_list_opens_the_event(view, events, qtbot) -> None:
    view.show()
    view.show_date(dt.date(2026, 11, 19))
    view.day_list.setCurrentRow(1)

    with qtbot.waitSignal(view.event_activated) as signal:
        qtbot.keyClick(view.day_list, Qt.Key.Key_Return)

    assert signal.args == [events["talk"]]
    first = view.day_list.visualItemRect(view.day_list.item(0)).center()
    with qtbot.waitSignal(view.event_activated) as signal:
        double_click(qtbot, view.day_list.viewport(), first)
    assert signal.args == [events["law"]]


def test_double_click_on_a_day_with_one_event_opens_it(view, events, qtbot) -> None:
    view.show()
    view.show_month(2026, 11)
    target = view.grid.visualRect(cell(view, dt.date(2026, 11, 24))).center()

    with qtbot.waitSignal(view.event_activated) as signal:
        double_click(qtbot, view.grid.viewport(), target)

    assert signal.args == [events["workshop"]]


def test_enter_on_a_day_with_one_event_opens_it(view, events, qtbot) -> None:
    view.show()
    view.show_date(dt.date(2026, 11, 15))

    with qtbot.waitSignal(view.event_activated) as signal:
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)

    assert signal.args == [events["fair"]]


def test_day_with_several_events_moves_to_the_day_list(view, events, qtbot) -> None:
    view.show()
    view.show_date(dt.date(2026, 11, 19))

    with qtbot.assertNotEmitted(view.event_activated):
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)

    assert view.focusWidget() is view.day_list
    assert view.day_list.currentRow() == 0


def test_kind_filter(view, events) -> None:
    view.show_month(2026, 11)

    view.set_kind(EventKind.TRAINING)

    assert titles_in(view, dt.date(2026, 11, 19)) == ["Vereinsrecht"]
    assert titles_in(view, dt.date(2026, 11, 13)) == []
    assert day_list_texts(view) == []  # today, 12 November, has no training
    view.show_date(dt.date(2026, 11, 19))
    assert day_list_texts(view) == ["09:00–11:00 Vereinsrecht · Rathaus"]

    view.set_kind(None)
    assert titles_in(view, dt.date(2026, 11, 13)) == ["Vereinsmesse"]
    assert len(day_list_texts(view)) == 2


def test_refresh_shows_an_event_saved_meanwhile(view, events, db) -> None:
    view.show_month(2026, 11)
    add_event(db, "Nachtrag", dt.datetime(2026, 11, 20, 15))
    assert titles_in(view, dt.date(2026, 11, 20)) == []

    view.refresh()

    assert titles_in(view, dt.date(2026, 11, 20)) == ["Nachtrag"]


def test_a_late_answer_for_an_older_request_is_dropped(
    qtbot, db, threaded_ops, settings, dialogs, languages, events, monkeypatch
) -> None:
    ctx = AppContext(
        database=db, ops=threaded_ops, settings=settings, dialogs=dialogs, languages=languages
    )
    release = threading.Event()

    def slow_unfiltered(db, first, last, *, kind=None):
        if kind is None:
            assert release.wait(10)
        return events_between(db, first, last, kind=kind)

    monkeypatch.setattr(month_view, "events_between", slow_unfiltered)
    view = EventMonthView(ctx, today=TODAY)
    qtbot.addWidget(view)

    view.refresh()  # all kinds: held back
    view.set_kind(EventKind.TRAINING)  # answers at once
    qtbot.waitUntil(lambda: titles_in(view, dt.date(2026, 11, 19)) == ["Vereinsrecht"])
    release.set()
    qtbot.waitUntil(lambda: not threaded_ops.busy)

    assert titles_in(view, dt.date(2026, 11, 19)) == ["Vereinsrecht"]
    assert titles_in(view, dt.date(2026, 11, 13)) == []
