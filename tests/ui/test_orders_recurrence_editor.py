"""Standing orders in the window: the recurrence editor, pauses, search and filter, as typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from ride_helpers import order, passenger, service
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.services.rides.orders import get_standing_order, list_standing_orders
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.orders_editor import OrdersEditor


@pytest.fixture
def editor(ctx: AppContext, db: Database, qtbot) -> OrdersEditor:
    service(db)
    passenger(db, "Gerda", "Groß")
    widget = OrdersEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 740)
    widget.show()
    return widget


def press(qtbot, widget, key: Qt.Key, times: int = 1) -> None:
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)


# Typing the passenger's name opens the completer's popup, which the offscreen platform
# cannot raise or give the keyboard to.
POPUP = pytest.mark.qt_log_ignore(
    "^This plugin does not support raise", "^This plugin does not support grabbing"
)


def type_new_order(editor: OrdersEditor, qtbot) -> None:
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.passenger, "Groß, Gerda")
    qtbot.keyClicks(editor.destination_name, "Wochenmarkt")


@POPUP
def test_monthly_on_the_last_friday_is_typed_and_stored(
    editor: OrdersEditor, db: Database, qtbot
) -> None:
    type_new_order(editor, qtbot)
    rec = editor.recurrence
    press(qtbot, rec.kind, Qt.Key.Key_Down, 2)
    assert rec.kind.currentText() == "monatlich an einem Wochentag"
    assert rec.ordinal.isVisible() and not rec.weekdays[0].isVisible()
    press(qtbot, rec.ordinal, Qt.Key.Key_Down, 4)  # 1., 2., 3., 4., last
    press(qtbot, rec.monthly_day, Qt.Key.Key_Down, 4)  # Monday … Friday
    assert rec.sentence.text() == "jeden letzten Freitag im Monat"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [saved] = list_standing_orders(db)
    assert saved.recurrence == "FREQ=MONTHLY;BYDAY=-1FR"
    assert saved.recurrence_text == "jeden letzten Freitag im Monat"
    assert "jeden letzten Freitag im Monat" in editor.list.item(0).text()


@POPUP
def test_every_third_week_on_two_days_is_clicked_and_stored(
    editor: OrdersEditor, db: Database, qtbot
) -> None:
    type_new_order(editor, qtbot)
    rec = editor.recurrence
    press(qtbot, rec.kind, Qt.Key.Key_Down)
    assert rec.interval.isVisible()
    rec.interval.setFocus()
    rec.interval.selectAll()
    qtbot.keyClicks(rec.interval, "3")
    qtbot.mouseClick(rec.weekdays[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rec.weekdays[3], Qt.MouseButton.LeftButton)
    assert rec.sentence.text() == "alle 3 Wochen am Dienstag und Donnerstag"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [saved] = list_standing_orders(db)
    assert saved.recurrence == "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH"


@POPUP
def test_no_weekday_is_refused_under_the_row(editor: OrdersEditor, db: Database, qtbot) -> None:
    type_new_order(editor, qtbot)
    assert editor.recurrence.sentence.text() == "Bitte mindestens einen Wochentag wählen."
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Wochentag" in editor.form.error_text("recurrence")
    assert list_standing_orders(db) == []


def test_a_rule_the_editor_cannot_show_is_kept_until_changed_here(
    ctx: AppContext, db: Database, qtbot
) -> None:
    order(db, service(db), passenger(db, "Gerda", "Groß"), rule="FREQ=MONTHLY;BYMONTHDAY=15")
    editor = OrdersEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.list.item(0).setSelected(True)
    assert editor.recurrence.sentence.text().startswith("jeden Monat am 15.")
    qtbot.keyClicks(editor.destination_name, " am Dom")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [saved] = list_standing_orders(db)
    assert saved.recurrence == "FREQ=MONTHLY;BYMONTHDAY=15"
    assert saved.destination_name == "Wochenmarkt am Dom"
    qtbot.mouseClick(editor.recurrence.weekdays[2], Qt.MouseButton.LeftButton)
    assert editor.recurrence.sentence.text() == "jeden Mittwoch"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert list_standing_orders(db)[0].recurrence == "FREQ=WEEKLY;BYDAY=WE"


def test_pauses_are_added_refused_changed_and_deleted(
    ctx: AppContext, db: Database, dialogs: RecordingDialogs, qtbot
) -> None:
    order_id = order(db, service(db), passenger(db, "Gerda", "Groß"))
    editor = OrdersEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    pauses = editor.pauses
    assert not pauses.add_button.isEnabled()  # nothing to pause before an order is chosen
    editor.list.item(0).setSelected(True)
    qtbot.keyClicks(pauses.start, "01.03.2026")
    qtbot.keyClicks(pauses.end, "14.03.2026")
    qtbot.keyClicks(pauses.reason, "Krankenhaus")
    qtbot.keyClick(pauses.reason, Qt.Key.Key_Return)  # Enter adds, like the button
    assert pauses.table.rowCount() == 1
    assert pauses.table.item(0, 2).text() == "Krankenhaus"
    qtbot.keyClicks(pauses.start, "10.03.2026")
    qtbot.keyClicks(pauses.end, "20.03.2026")
    qtbot.mouseClick(pauses.add_button, Qt.MouseButton.LeftButton)
    assert "Überschneidet sich mit der Pause 01.03.2026–14.03.2026" in pauses.error.text()
    assert pauses.table.rowCount() == 1
    pauses.table.selectRow(0)
    assert pauses.start.text() == "01.03.2026"
    pauses.reason.selectAll()
    qtbot.keyClicks(pauses.reason, "Reha")
    qtbot.mouseClick(pauses.change_button, Qt.MouseButton.LeftButton)
    assert [p.reason for p in get_standing_order(db, order_id).pauses] == ["Reha"]
    assert not editor.has_unsaved()  # pauses are saved at once, the form stays clean
    pauses.table.selectRow(0)
    dialogs.answers = [True]
    qtbot.mouseClick(pauses.delete_button, Qt.MouseButton.LeftButton)
    assert get_standing_order(db, order_id).pauses == ()
    assert pauses.table.rowCount() == 0


def test_the_list_is_searched_and_filtered(ctx: AppContext, db: Database, qtbot) -> None:
    sid = service(db)
    other = service(db, "Einkaufsfahrten")
    gerda = order(db, sid, passenger(db, "Gerda", "Groß"), destination="Wochenmarkt")
    order(db, other, passenger(db, "Rita", "Rad"), destination="Arztpraxis")
    from engagement_desk.services.rides.orders import add_pause

    today = dt.date.today()
    add_pause(db, gerda, today, today + dt.timedelta(days=3), "Urlaub")
    editor = OrdersEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.list.count() == 2
    qtbot.keyClicks(editor.search, "arzt")
    assert editor.list.count() == 1 and "Rita" in editor.list.item(0).text()
    editor.search.clear()
    press(qtbot, editor.state_filter, Qt.Key.Key_Down, 2)
    assert editor.state_filter.currentText() == "Heute pausiert"
    assert editor.list.count() == 1 and "Gerda" in editor.list.item(0).text()
    press(qtbot, editor.state_filter, Qt.Key.Key_Up, 2)
    press(qtbot, editor.service_filter, Qt.Key.Key_Down, 1)
    assert editor.service_filter.currentText() == "Einkaufsfahrten"
    assert editor.list.count() == 1 and "Rita" in editor.list.item(0).text()


def test_a_pause_added_at_another_workstation_appears_and_the_form_keeps_its_edits(
    ctx: AppContext, db: Database, qtbot
) -> None:
    from engagement_desk.services.changes import Change
    from engagement_desk.services.rides.orders import add_pause
    from engagement_desk.ui.live_updates import ChangeHub

    order_id = order(db, service(db), passenger(db, "Gerda", "Groß"))
    editor = OrdersEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.list.item(0).setSelected(True)
    qtbot.keyClicks(editor.notes, "klingelt zweimal")
    add_pause(db, order_id, dt.date(2026, 8, 1), dt.date(2026, 8, 14), "Urlaub")
    hub = ChangeHub.of(ctx)
    hub.deliver(
        Change("standing_order_pause", "insert", None, "buero2", 4711, dt.datetime.now(dt.UTC))
    )
    hub.flush_now()
    assert editor.pauses.table.rowCount() == 1
    assert editor.pauses.table.item(0, 2).text() == "Urlaub"
    assert editor.notes.text() == "klingelt zweimal" and editor.has_unsaved()
