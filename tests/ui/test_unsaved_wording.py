"""The question before unsaved input is lost says it in correct German.

A record never saved has no "changes": "Die neue Person ist noch nicht gespeichert.",
not "Die Änderungen an die neue Person …".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import ChoosingDialogs

from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.main_window import MainWindow

CANCEL = 2


@pytest.fixture
def dialogs() -> ChoosingDialogs:
    return ChoosingDialogs()


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


def _question(dialogs: ChoosingDialogs) -> tuple[str, str]:
    kind, title, text = dialogs.shown[-1]
    assert kind == "choose"
    return title, text


def test_a_new_person_typed_in_is_not_saved_yet(qtbot, window, dialogs) -> None:
    people = window.tab("people")
    qtbot.mouseClick(people.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(people.editor.master.last_name, "Weber")

    dialogs.choices = [CANCEL]
    qtbot.mouseClick(people.editor.close_button, Qt.MouseButton.LeftButton)

    assert _question(dialogs) == (
        "Änderungen speichern?",
        "Die neue Person ist noch nicht gespeichert.",
    )
    assert people.editor.isVisible()


def test_changes_to_a_saved_person_name_her(qtbot, window, dialogs, ctx) -> None:
    person = create_person(
        ctx.db, PersonInput(last_name="Weber", first_name="Hildegard", city="Bitburg")
    )
    people = window.tab("people")
    people.refresh()
    people.open_person(person.id)
    people.editor.master.city.selectAll()
    qtbot.keyClicks(people.editor.master.city, "Trier")

    dialogs.choices = [CANCEL]
    qtbot.mouseClick(people.editor.close_button, Qt.MouseButton.LeftButton)

    assert _question(dialogs)[1] == (
        "Die Änderungen an Hildegard Weber sind noch nicht gespeichert."
    )


def test_a_new_event_typed_in_is_not_saved_yet(qtbot, window, dialogs) -> None:
    window.show_tab(3)
    events = window.tab("events")
    qtbot.keyClicks(events.editor.title, "Erste-Hilfe-Kurs")

    dialogs.choices = [CANCEL]
    qtbot.mouseClick(events.editor.new_button, Qt.MouseButton.LeftButton)

    assert _question(dialogs)[1] == "Die neue Veranstaltung ist noch nicht gespeichert."
    assert events.editor.title.text() == "Erste-Hilfe-Kurs"
