"""The shifts panel of the Veranstaltungen tab: plan, correct and delete helper shifts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.services.events.editing import create_event
from engagement_desk.services.events.records import EventData, ShiftData, ShiftRecord
from engagement_desk.services.events.registrations import list_registrations, register
from engagement_desk.services.events.shifts import add_shift, list_shifts, update_shift
from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.events.editor import to_qdatetime
from engagement_desk.ui.events.shifts import ShiftsPanel, next_shift_period, shift_time

DAY = dt.datetime(2026, 11, 21, 10, 0)
END = DAY + dt.timedelta(hours=7)


@pytest.fixture
def fair(ctx) -> int:
    data = EventData(EventKind.CLUB_FAIR, "Vereinsmesse", DAY, END, "Stadthalle")
    return create_event(ctx.db, data).id


@pytest.fixture
def panel(qtbot, ctx, fair) -> ShiftsPanel:
    widget = ShiftsPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(560, 600)
    widget.show()
    widget.set_event(fair, DAY, END)
    return widget


def helper(ctx, event_id: int, shift_id: int, last: str) -> int:
    person_id = create_person(ctx.db, PersonInput(last_name=last, first_name="Anna")).id
    return register(
        ctx.db, event_id, person_id=person_id, role=RegistrationRole.HELPER, shift_id=shift_id
    ).registration.id


def shift(ctx, event_id: int, title: str, hours: tuple[int, int], slots: int = 2) -> ShiftRecord:
    start = DAY.replace(hour=hours[0])
    return add_shift(ctx.db, event_id, ShiftData(title, start, DAY.replace(hour=hours[1]), slots))


def cells(panel: ShiftsPanel, row: int) -> list[str]:
    return [panel.table.item(row, column).text() for column in range(panel.table.columnCount())]


def period(panel: ShiftsPanel) -> tuple[dt.datetime, dt.datetime]:
    return panel.data().starts_at, panel.data().ends_at


def test_adds_a_shift_then_proposes_the_next_period(panel, ctx, fair, qtbot) -> None:
    assert panel.content.isEnabled()
    assert period(panel) == (DAY, END)
    panel.title.setText("Infostand")
    panel.ends_at.setDateTime(to_qdatetime(DAY + dt.timedelta(hours=2)))
    panel.slots.setValue(3)
    with qtbot.waitSignal(panel.changed):
        panel.save_button.click()

    saved = list_shifts(ctx.db, fair)
    assert [(s.title, s.starts_at, s.ends_at, s.slots) for s in saved] == [
        ("Infostand", DAY, DAY + dt.timedelta(hours=2), 3)
    ]
    assert cells(panel, 0) == ["Infostand", "10:00", "12:00", "3", "0", "0"]
    assert panel.current is not None and panel.current.id == saved[0].id

    panel.new_button.click()
    assert panel.current is None and panel.title.text() == ""
    assert period(panel) == (DAY + dt.timedelta(hours=2), DAY + dt.timedelta(hours=4))
    assert panel.slots.value() == 3
    assert ctx.dialogs.shown == []


def test_edits_the_selected_shift_with_ctrl_s(panel, ctx, fair, qtbot) -> None:
    shift(ctx, fair, "Aufbau", (8, 10))
    shift(ctx, fair, "Abbau", (17, 19))
    panel.reload()
    panel.table.selectRow(1)
    assert panel.title.text() == "Abbau"
    panel.title.setText("Abbau und Aufräumen")
    panel.starts_at.setDateTime(to_qdatetime(DAY.replace(hour=16)))
    panel.activateWindow()
    panel.title.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    titles = [(s.title, s.starts_at.hour, s.version) for s in list_shifts(ctx.db, fair)]
    assert titles == [("Aufbau", 8, 1), ("Abbau und Aufräumen", 16, 2)]
    assert cells(panel, 1)[:3] == ["Abbau und Aufräumen", "16:00", "19:00"]
    assert panel.current is not None and panel.current.version == 2


def test_invalid_shift_shows_german_messages_and_writes_nothing(panel, ctx, fair) -> None:
    panel.title.setText("   ")
    panel.ends_at.setDateTime(to_qdatetime(DAY - dt.timedelta(hours=1)))
    panel.save_button.click()

    assert panel.form.error_text("title") == "Bitte Aufgabe eingeben."
    assert panel.form.error_text("ends_at") == "Das Ende muss nach dem Beginn liegen."
    assert list_shifts(ctx.db, fair) == ()
    assert ctx.dialogs.shown == []

    panel.ends_at.setDateTime(to_qdatetime(DAY + dt.timedelta(hours=1)))
    assert panel.form.error_text("ends_at") == ""


def test_raising_the_slots_moves_a_waiting_helper_up(panel, ctx, fair, qtbot) -> None:
    stand = shift(ctx, fair, "Infostand", (10, 13), slots=1)
    helper(ctx, fair, stand.id, "Weber")
    waiting = helper(ctx, fair, stand.id, "Schmitz")
    panel.reload()
    assert cells(panel, 0)[3:] == ["1", "1", "1"]

    panel.table.selectRow(0)
    panel.slots.setValue(2)
    with qtbot.waitSignal(panel.changed):
        panel.save_button.click()

    statuses = {r.id: r.status for r in list_registrations(ctx.db, fair)}
    assert statuses[waiting] == RegistrationStatus.REGISTERED
    assert cells(panel, 0)[3:] == ["2", "2", "0"]


def test_deleting_a_shift_keeps_its_registrations_without_shift(panel, ctx, fair, qtbot) -> None:
    stand = shift(ctx, fair, "Infostand", (10, 13))
    registration = helper(ctx, fair, stand.id, "Weber")
    panel.reload()
    panel.table.selectRow(0)

    ctx.dialogs.answers = [False]
    panel.delete_button.click()
    assert [s.id for s in list_shifts(ctx.db, fair)] == [stand.id]

    ctx.dialogs.answers = [True]
    with qtbot.waitSignal(panel.changed):
        panel.delete_button.click()
    question = ctx.dialogs.texts("ask")[-1]
    assert "Infostand" in question
    assert list_shifts(ctx.db, fair) == ()
    kept = {r.id: r for r in list_registrations(ctx.db, fair)}[registration]
    assert (kept.shift_id, kept.status) == (None, RegistrationStatus.REGISTERED)
    assert panel.table.rowCount() == 0
    assert panel.current is None and not panel.delete_button.isEnabled()


def test_a_conflicting_save_shows_the_stored_shift_and_lets_me_choose(panel, ctx, fair) -> None:
    stand = shift(ctx, fair, "Infostand", (10, 13))
    panel.reload()
    panel.table.selectRow(0)
    update_shift(ctx.db, stand.id, stand.version, ShiftData("Infotheke", DAY, END, 2))

    panel.title.setText("Infostand Rathaus")
    panel.save_button.click()

    dialog = panel.open_conflict_dialog
    assert dialog is not None
    assert [s.title for s in list_shifts(ctx.db, fair)] == ["Infotheke"]
    assert panel.current is not None and panel.current.version == 2
    dialog.choose("title", mine=False)
    dialog.apply_button.click()
    assert panel.title.text() == "Infotheke" and not panel.is_dirty()


def test_a_reload_keeps_a_new_shift_being_typed(panel, ctx, fair) -> None:
    panel.title.setText("Kuchenbuffet")
    shift(ctx, fair, "Aufbau", (8, 10))
    panel.reload()
    assert panel.table.rowCount() == 1
    assert (panel.current, panel.title.text()) == (None, "Kuchenbuffet")

    other = create_event(ctx.db, EventData(EventKind.VOLUNTEER_DAY, "Freiwilligentag", DAY, END))
    panel.set_event(other.id, DAY, END)
    assert (panel.table.rowCount(), panel.title.text()) == (0, "")
    assert period(panel) == (DAY, END)


def test_without_an_event_the_panel_is_disabled(panel, ctx) -> None:
    panel.set_event(None)
    assert not panel.content.isEnabled()
    assert panel.table.rowCount() == 0
    panel.save()
    assert ctx.dialogs.shown == []


def test_several_days_show_weekday_and_date(panel, ctx, fair) -> None:
    evening = DAY - dt.timedelta(hours=16)
    add_shift(ctx.db, fair, ShiftData("Aufbau", evening, evening + dt.timedelta(hours=3), 4))
    panel.reload()
    assert cells(panel, 0)[:3] == ["Aufbau", "Fr 20.11. 18:00", "Fr 20.11. 21:00"]


def test_next_shift_period() -> None:
    first = ShiftRecord(1, 1, 1, "Aufbau", DAY, DAY + dt.timedelta(hours=3), 2, 0, 0)
    last = ShiftRecord(2, 1, 1, "Stand", END - dt.timedelta(hours=1), END, 2, 0, 0)
    assert next_shift_period([], DAY, END) == (DAY, END)
    assert next_shift_period([first], DAY, END) == (
        DAY + dt.timedelta(hours=3),
        DAY + dt.timedelta(hours=6),
    )
    capped = ShiftRecord(1, 1, 1, "Aufbau", DAY, DAY + dt.timedelta(hours=5), 2, 0, 0)
    assert next_shift_period([capped], DAY, END) == (DAY + dt.timedelta(hours=5), END)
    assert next_shift_period([first, last], DAY, END) == (DAY, END)
    assert next_shift_period([first], None, None) == (
        DAY + dt.timedelta(hours=3),
        DAY + dt.timedelta(hours=6),
    )
    assert shift_time(DAY, True) == "10:00"
    assert shift_time(DAY, False) == "Sa 21.11. 10:00"
