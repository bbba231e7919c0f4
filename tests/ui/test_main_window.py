"""The main window: German tabs, status bar, shortcuts, language switch, export, state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import add_agency, add_people

from engagement_desk.ui.main_window import TAB_KEY, MainWindow

GERMAN_TABS = [
    "Personen",
    "Zentren & Vereine",
    "Fahrdienst",
    "Veranstaltungen",
    "Urkunden",
    "Auswertung",
    "Datenschutz",
]
ENGLISH_TABS = [
    "People",
    "Centres & clubs",
    "Ride service",
    "Events",
    "Certificates",
    "Reports",
    "Data protection",
]


def tab_texts(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())]


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    add_people(ctx.db, 240)
    add_agency(ctx.db)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_opens_with_german_tabs_and_the_database_in_the_status_bar(window, ctx) -> None:
    assert tab_texts(window) == GERMAN_TABS
    assert window.windowTitle() == "Engagement Desk – office.sqlite3"
    assert window.database_status.text() == f"Datenbank: {ctx.db.display_name}"
    assert window.tabs.currentIndex() == 0
    assert window.list_status.text() == "242 Einträge"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Ansicht", "&Hilfe"]


def test_every_tab_shows_content(window) -> None:
    for index in range(window.tabs.count()):
        window.show_tab(index)
        assert window.pages[index].content is not None
    assert window.tab("rides").model.rowCount() == 1
    assert window.tab("events").model.rowCount() == 1
    assert window.tab("certificates").model.rowCount() == 1
    reports = window.tab("reports")
    assert reports.report is not None
    assert reports.report.current.rides.total.done == 1
    assert window.list_status.text() == ""


def test_ctrl_number_switches_tabs_and_ctrl_f_focuses_the_search(qtbot, window) -> None:
    shortcuts = [action.shortcut().toString() for action in window.tab_actions]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 8)]
    window.tab_actions[3].trigger()
    assert window.tabs.currentIndex() == 3
    window.tab_actions[0].trigger()
    assert window.tabs.currentIndex() == 0
    assert window.list_status.text() == "242 Einträge"

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    window.find_action.trigger()
    qtbot.waitUntil(lambda: window.tab("people").search.hasFocus())


def test_status_bar_follows_the_list(qtbot, window) -> None:
    people = window.tab("people")
    people.search.setText("Weber")
    qtbot.waitUntil(lambda: window.list_status.text() == "1 Eintrag")
    window.show_tab(1)
    assert window.list_status.text() == "3 Einträge"


def test_language_switches_live(qtbot, window, ctx) -> None:
    people = window.tab("people")
    window.switch_language("en")
    qtbot.waitUntil(lambda: tab_texts(window) == ENGLISH_TABS)
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Help"]
    assert people.model.headerData(0, _horizontal(), _display()) == "Last name"
    assert people.combo("role").itemText(0) == "All roles"
    assert people.count_label.text() == "242 entries"
    assert window.database_status.text().startswith("Database: ")
    assert ctx.settings.value("ui/language") == "en"
    assert window.language_actions["en"].isChecked()

    window.switch_language("de")
    qtbot.waitUntil(lambda: tab_texts(window) == GERMAN_TABS)
    assert people.combo("role").itemText(0) == "Alle Rollen"
    assert ctx.settings.value("ui/language") == "de"


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _display():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.DisplayRole


def test_geometry_and_last_tab_are_kept(qtbot, ctx, window) -> None:
    window.resize(760, 500)
    window.show_tab(2)
    window.close()
    assert int(ctx.settings.value(TAB_KEY)) == 2
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (760, 500)
    assert again.pages[0].content is None  # other tabs are built only when shown


def test_export_writes_the_file_chosen(window, dialogs, tmp_path: Path) -> None:
    target = tmp_path / "sicherung"
    dialogs.paths = [str(target)]
    window.export_action.trigger()
    written = tmp_path / "sicherung.json"
    assert written.exists()
    document = json.loads(written.read_text(encoding="utf-8"))
    assert document
    [(kind, title, text)] = [m for m in dialogs.shown if m[0] != "save_path"]
    assert (kind, title) == ("inform", "Daten exportieren")
    assert text.endswith(f"Datensätze wurden nach {written} geschrieben.")


def test_export_cancelled_in_the_file_dialog_does_nothing(window, dialogs) -> None:
    window.export_action.trigger()
    assert [kind for kind, _, _ in dialogs.shown] == ["save_path"]


def test_import_refuses_a_database_that_has_data(window, dialogs, tmp_path: Path) -> None:
    dialogs.paths = [str(tmp_path / "a.json")]
    window.export_action.trigger()
    dialogs.shown.clear()
    dialogs.paths = [str(tmp_path / "a.json")]
    window.import_action.trigger()
    kinds = [kind for kind, _, _ in dialogs.shown]
    assert kinds == ["open_path", "ask", "warn"]


def test_about_names_the_version_and_database(window, dialogs, ctx) -> None:
    window.about_action.trigger()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("about", "Über Engagement Desk")
    assert ctx.db.display_name in text


def test_import_loads_an_export_into_an_empty_database(qtbot, ctx, dialogs, tmp_path: Path) -> None:
    from engagement_desk import migrator
    from engagement_desk.db import Database
    from engagement_desk.services.interchange import export_database
    from engagement_desk.ui.context import AppContext

    add_people(ctx.db, 5)
    export_database(ctx.db, tmp_path / "buero.json")
    empty = Database(tmp_path / "neu.sqlite3")
    migrator.upgrade(empty)
    try:
        fresh = AppContext(
            database=empty,
            ops=ctx.ops,
            settings=ctx.settings,
            dialogs=dialogs,
            languages=ctx.languages,
        )
        window = MainWindow(fresh)
        qtbot.addWidget(window)
        people = window.tab("people")
        assert people.model.rowCount() == 0
        dialogs.paths = [str(tmp_path / "buero.json")]
        window.import_action.trigger()
        assert people.model.rowCount() == 5
        assert people.count_label.text() == "5 Einträge"
        kind, title, text = dialogs.shown[-1]
        assert (kind, title) == ("inform", "Daten importieren")
        assert "Datensätze wurden aus" in text
    finally:
        empty.dispose()
