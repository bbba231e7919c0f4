"""Correcting and deleting hours in the window: the ledger and the person's Stunden page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from builders import add_person
from hours_builders import add_entry
from PySide6.QtCore import Qt
from sqlalchemy import select

from engagement_desk.models import AuditEntry, HoursEntry
from engagement_desk.models.enums import AuditAction, HoursSource
from engagement_desk.services.hours import HoursInput, add_hours, list_hours_corrections
from engagement_desk.ui.hours.ledger_page import HoursLedgerPage

DAY = dt.date.today() - dt.timedelta(days=3)


def make_ledger(ctx, qtbot) -> HoursLedgerPage:
    page = HoursLedgerPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.load()
    return page


def click_row(qtbot, page: HoursLedgerPage, row: int) -> None:
    table = page.panel.table
    qtbot.waitUntil(lambda: table.model().rowCount() > row)
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def hours_of(db, entry_id: int) -> Decimal | None:
    with db.read_session() as session:
        entry = session.get(HoursEntry, entry_id)
        return None if entry is None else entry.hours


def test_correcting_in_the_ledger_needs_a_reason_and_keeps_it(ctx, qtbot, dialogs):
    anna = add_person(ctx.db, "Anna", "Weber")
    entry = add_hours(ctx.db, HoursInput(anna, DAY, "2", activity="Tafel")).records[0]
    page = make_ledger(ctx, qtbot)
    click_row(qtbot, page, 0)

    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    dialog = page.corrections.dialog
    assert dialog is not None and dialog.isVisible()
    retype(qtbot, dialog.hours, "1,5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert "Grund" in dialog.form.error_text("reason")
    assert hours_of(ctx.db, entry.id) == Decimal("2.00")
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Doppelt erfasst")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert hours_of(ctx.db, entry.id) == Decimal("1.50")
    [correction] = list_hours_corrections(ctx.db, entry_id=entry.id)
    assert correction.reason == "Doppelt erfasst"
    assert "2 Std." in correction.before and "1,5 Std." in correction.after
    assert "Korrektur gespeichert" in page.outcome.text() or "saved" in page.outcome.text()


def test_warnings_are_shown_before_saving(ctx, qtbot):
    anna = add_person(ctx.db, "Anna", "Weber")
    add_hours(ctx.db, HoursInput(anna, DAY, "10", activity="Tafel"))
    entry = add_hours(ctx.db, HoursInput(anna, DAY, "1", activity="Büro")).records[0]
    page = make_ledger(ctx, qtbot)
    page.corrections.open_for(entry.id, deleting=False, parent=page)
    dialog = page.corrections.dialog
    retype(qtbot, dialog.hours, "5")
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Nachtrag")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.warnings.isVisible()
    assert "15" in dialog.warnings.text()
    assert hours_of(ctx.db, entry.id) == Decimal("1.00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # save anyway
    assert hours_of(ctx.db, entry.id) == Decimal("5.00")


def test_deleting_in_the_ledger_asks_the_reason_and_audits(ctx, qtbot):
    anna = add_person(ctx.db, "Anna", "Weber")
    entry = add_hours(ctx.db, HoursInput(anna, DAY, "4")).records[0]
    page = make_ledger(ctx, qtbot)
    click_row(qtbot, page, 0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    dialog = page.corrections.dialog
    assert dialog.objectName() == "hours_delete_dialog"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_text("reason") and hours_of(ctx.db, entry.id) is not None

    qtbot.keyClicks(dialog.reason, "Falsche Person")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert hours_of(ctx.db, entry.id) is None
    assert [c.reason for c in list_hours_corrections(ctx.db, person_id=anna)] == ["Falsche Person"]
    with ctx.db.read_session() as session:
        summaries = session.scalars(
            select(AuditEntry.summary).where(
                AuditEntry.action == AuditAction.DELETE, AuditEntry.entity == "hours_entry"
            )
        ).all()
    assert summaries == ["reason"]
    qtbot.waitUntil(lambda: page.panel.table.model().rowCount() == 0)


def test_ride_hours_are_explained_not_corrected(ctx, qtbot, dialogs):
    ctx.languages.apply("de")
    anna = add_person(ctx.db, "Anna", "Weber")
    add_entry(ctx.db, anna, DAY, "1", source=HoursSource.RIDE)
    page = make_ledger(ctx, qtbot)
    click_row(qtbot, page, 0)
    assert not page.correct_button.isEnabled() and not page.delete_button.isEnabled()
    assert "stammen aus einer Fahrt" in page.selection_note.text()
    table = page.panel.table
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.corrections.dialog is None
    [note] = dialogs.texts("inform")
    assert "bei der Fahrt (Fahrdienst) korrigieren" in note


def test_plausibility_check_lists_the_hints(ctx, qtbot):
    anna = add_person(ctx.db, "Anna", "Weber")
    add_hours(ctx.db, HoursInput(anna, DAY, "9", activity="Tafel"))
    add_hours(ctx.db, HoursInput(anna, DAY, "9", activity="Tafel"))
    page = make_ledger(ctx, qtbot)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    text = page.outcome.text()
    assert text.count("•") == 2 and "18" in text


def test_correcting_on_the_persons_hours_page(ctx, qtbot):
    from engagement_desk.ui.people.editor.editor import PersonEditor

    ctx.languages.apply("de")
    anna = add_person(ctx.db, "Anna", "Weber")
    entry = add_hours(ctx.db, HoursInput(anna, DAY, "3", activity="Lesepatin")).records[0]
    add_entry(ctx.db, anna, DAY - dt.timedelta(days=1), "1", source=HoursSource.RIDE)
    editor = PersonEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1100, 700)
    editor.show()
    editor.open_person(anna)
    editor.pages.setCurrentIndex(4)
    panel = editor.hours
    qtbot.waitUntil(lambda: panel.lines.rowCount() == 2)

    ride_row = panel.lines.visualItemRect(panel.lines.item(1, 1)).center()
    qtbot.mouseClick(panel.lines.viewport(), Qt.MouseButton.LeftButton, pos=ride_row)
    assert not panel.correct_button.isEnabled()
    assert "Fahrt" in panel.derived_note.text()

    typed_row = panel.lines.visualItemRect(panel.lines.item(0, 1)).center()
    qtbot.mouseClick(panel.lines.viewport(), Qt.MouseButton.LeftButton, pos=typed_row)
    assert panel.correct_button.isEnabled()
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    dialog = editor.hours_corrections.dialog
    assert dialog.windowTitle() == "Stundeneintrag korrigieren"
    retype(qtbot, dialog.hours, "2")
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Eine Stunde zu viel")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert hours_of(ctx.db, entry.id) == Decimal("2.00")
    qtbot.waitUntil(lambda: panel.lines.item(0, 1).text() == "2,0")
    assert list_hours_corrections(ctx.db, person_id=anna)[0].reason == "Eine Stunde zu viel"
    qtbot.waitUntil(lambda: panel.corrections.rowCount() == 1)
    assert panel.corrections.item(0, 1).text() == "korrigiert"
    assert panel.corrections.item(0, 2).text() == "Eine Stunde zu viel"
    assert "3 Std." in panel.corrections.item(0, 3).text()


def test_crediting_an_events_hours_shows_the_result(ctx, qtbot):
    from hours_builders import add_training

    ctx.languages.apply("de")
    anna = add_person(ctx.db, "Anna", "Weber")
    bernd = add_person(ctx.db, "Bernd", "Klein")
    start = dt.datetime.combine(DAY, dt.time(9))
    add_training(ctx.db, "Erste Hilfe", start, "3", attended=(anna, bernd))
    page = make_ledger(ctx, qtbot)
    qtbot.waitUntil(lambda: page.event_choice.count() == 1)
    assert "Erste Hilfe" in page.event_choice.currentText()

    qtbot.mouseClick(page.credit_button, Qt.MouseButton.LeftButton)

    assert page.outcome.text().startswith("Veranstaltungsstunden gutgeschrieben: 2 neu")
    qtbot.waitUntil(lambda: page.panel.table.model().rowCount() == 2)
    qtbot.mouseClick(page.credit_button, Qt.MouseButton.LeftButton)  # again: nothing doubles
    assert "0 neu, 0 geändert" in page.outcome.text()
