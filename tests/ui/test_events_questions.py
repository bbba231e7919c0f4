"""The questions panel: collect citizens' questions for a "Bürgerschaft (ge)fragt" round."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.editing import create_event
from engagement_desk.services.events.questions import (
    add_question,
    delete_question,
    list_questions,
    update_question,
)
from engagement_desk.services.events.records import EventData
from engagement_desk.ui.events.questions import QuestionsPanel

DAY = dt.datetime(2026, 11, 21, 18, 0)


@pytest.fixture
def round_(ctx) -> int:
    data = EventData(
        EventKind.CITIZEN_DIALOGUE, "Bürgerschaft (ge)fragt", DAY, DAY + dt.timedelta(hours=2)
    )
    return create_event(ctx.db, data).id


@pytest.fixture
def panel(qtbot, ctx, round_) -> QuestionsPanel:
    widget = QuestionsPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(560, 600)
    widget.show()
    widget.set_event(round_)
    return widget


def texts(ctx, event_id: int) -> list[tuple[str, str, dt.date]]:
    return [(q.text, q.asked_by, q.received_on) for q in list_questions(ctx.db, event_id)]


def column(panel: QuestionsPanel, index: int) -> list[str]:
    return [panel.table.item(row, index).text() for row in range(panel.table.rowCount())]


def test_adds_questions_one_after_another(panel, ctx, round_, qtbot) -> None:
    assert panel.content.isEnabled()
    assert panel.received_on.date() == QDate.currentDate()
    panel.text.setPlainText("Wann kommen mehr Bänke\nauf den Marktplatz?")
    panel.asked_by.setText("Hildegard Weber")
    panel.received_on.setDate(QDate(2026, 11, 2))
    with qtbot.waitSignal(panel.changed):
        panel.add_button.click()

    assert texts(ctx, round_) == [
        ("Wann kommen mehr Bänke\nauf den Marktplatz?", "Hildegard Weber", dt.date(2026, 11, 2))
    ]
    assert (panel.text.toPlainText(), panel.asked_by.text()) == ("", "")
    assert panel.received_on.date() == QDate(2026, 11, 2)
    assert column(panel, 0) == ["02.11.2026"]
    assert column(panel, 2) == ["Wann kommen mehr Bänke auf den Marktplatz?"]
    assert "auf den Marktplatz?" in panel.table.item(0, 2).toolTip()

    panel.text.setPlainText("Mehr Fahrradständer am Bahnhof")
    panel.activateWindow()
    panel.text.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [t for t, _, _ in texts(ctx, round_)][1] == "Mehr Fahrradständer am Bahnhof"
    assert panel.table.rowCount() == 2
    assert ctx.dialogs.shown == []


def test_empty_question_is_refused_at_the_field(panel, ctx, round_) -> None:
    panel.text.setPlainText("   \n ")
    panel.asked_by.setText("anonym")
    panel.add_button.click()

    assert panel.form.error_text("text") == "Bitte Frage eingeben."
    assert texts(ctx, round_) == []
    assert panel.asked_by.text() == "anonym"
    panel.text.setPlainText("Eine Frage")
    assert panel.form.error_text("text") == ""


def test_corrects_a_selected_question_and_keeps_the_draft(panel, ctx, round_, qtbot) -> None:
    add_question(ctx.db, round_, "Mehr Bänke", "Weber", dt.date(2026, 11, 2))
    panel.reload()
    panel.text.setPlainText("Halb getippte neue Frage")

    panel.table.selectRow(0)
    assert (panel.text.toPlainText(), panel.asked_by.text()) == ("Mehr Bänke", "Weber")
    assert panel.received_on.date() == QDate(2026, 11, 2)
    panel.text.setPlainText("Mehr Sitzbänke am Marktplatz")
    with qtbot.waitSignal(panel.changed):
        panel.save_button.click()

    assert texts(ctx, round_) == [("Mehr Sitzbänke am Marktplatz", "Weber", dt.date(2026, 11, 2))]
    assert column(panel, 2) == ["Mehr Sitzbänke am Marktplatz"]
    assert panel.table.selectionModel().selectedRows()[0].row() == 0

    panel.table.clearSelection()
    assert panel.current is None
    assert panel.text.toPlainText() == "Halb getippte neue Frage"


def test_deletes_a_question_after_asking(panel, ctx, round_, qtbot) -> None:
    add_question(ctx.db, round_, "Mehr Bänke", "Weber")
    add_question(ctx.db, round_, "Längere Öffnungszeiten der Bücherei")
    panel.reload()
    assert not panel.delete_button.isEnabled()
    panel.table.selectRow(1)

    ctx.dialogs.answers = [False]
    panel.delete_button.click()
    assert len(texts(ctx, round_)) == 2

    ctx.dialogs.answers = [True]
    with qtbot.waitSignal(panel.changed):
        panel.delete_button.click()
    assert "Bücherei" in ctx.dialogs.texts("ask")[-1]
    assert [t for t, _, _ in texts(ctx, round_)] == ["Mehr Bänke"]
    assert column(panel, 2) == ["Mehr Bänke"]
    assert panel.current is None and panel.text.toPlainText() == ""


def test_filter_narrows_the_list(panel, ctx, round_) -> None:
    add_question(ctx.db, round_, "Mehr Bänke am Markt", "Weber")
    add_question(ctx.db, round_, "Radwege in der Innenstadt", "Jugendforum")
    add_question(ctx.db, round_, "Bänke im Stadtpark", "")
    panel.reload()

    panel.filter.setText("bänke")
    assert column(panel, 2) == ["Mehr Bänke am Markt", "Bänke im Stadtpark"]
    panel.filter.setText("jugend")
    assert column(panel, 2) == ["Radwege in der Innenstadt"]
    panel.filter.clear()
    assert panel.table.rowCount() == 3


def test_a_question_changed_elsewhere_is_not_overwritten(panel, ctx, round_) -> None:
    question = add_question(ctx.db, round_, "Mehr Bänke", "Weber")
    panel.reload()
    panel.table.selectRow(0)
    update_question(ctx.db, question, "Mehr Bänke am Markt", "Weber")

    panel.text.setPlainText("Bänke!")
    panel.save_button.click()

    assert any("anderen Arbeitsplatz" in text for text in ctx.dialogs.texts("warn"))
    assert [t for t, _, _ in texts(ctx, round_)] == ["Mehr Bänke am Markt"]
    assert panel.text.toPlainText() == "Mehr Bänke am Markt"


def test_a_question_deleted_elsewhere_is_reported(panel, ctx, round_) -> None:
    question = add_question(ctx.db, round_, "Mehr Bänke", "Weber")
    panel.reload()
    panel.table.selectRow(0)
    delete_question(ctx.db, question.id)

    panel.delete_button.click()

    assert any("gibt es nicht" in text for text in ctx.dialogs.texts("warn"))
    assert panel.table.rowCount() == 0


def test_without_an_event_the_panel_is_disabled(panel, ctx) -> None:
    panel.set_event(None)
    assert not panel.content.isEnabled()
    panel.add()
    assert ctx.dialogs.shown == []
