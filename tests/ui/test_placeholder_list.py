"""A template's placeholder list types the chosen placeholder into the text."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from engagement_desk.ui.widgets.placeholder_list import placeholder_list


def test_activating_a_placeholder_inserts_it_at_the_cursor(qtbot) -> None:
    text = QPlainTextEdit("Sehr geehrte ")
    qtbot.addWidget(text)
    text.moveCursor(text.textCursor().MoveOperation.End)
    view = placeholder_list({"anrede": "Anrede", "name": "Name"}, text, "placeholders")
    qtbot.addWidget(view)
    assert [view.item(i).text() for i in range(view.count())] == [
        "{anrede} – Anrede",
        "{name} – Name",
    ]
    view.itemActivated.emit(view.item(1))
    assert text.toPlainText() == "Sehr geehrte {name}"
