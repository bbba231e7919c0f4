"""The window's error path: bugs logged and shown as "Interner Fehler", the rest in German."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qInfo
from PySide6.QtWidgets import QPushButton
from sqlalchemy.exc import OperationalError
from ui_helpers import RecordingDialogs, add_people

from engagement_desk import db as db_module
from engagement_desk import logfile, migrator
from engagement_desk.db import Database
from engagement_desk.failures import MESSAGES, Reason
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import count_people
from engagement_desk.ui import app
from engagement_desk.ui.error_hooks import qt_messages_logged, uncaught_errors_shown
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.people import tab as people_tab
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab

ENGLISH_HINTS = ("sqlalche.me", "(sqlite3.", "Traceback", "Error", "database", "division")


class OpeningDialogs(RecordingDialogs):
    """Also records files handed to the desktop instead of opening them."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return True


@pytest.fixture
def dialogs() -> OpeningDialogs:
    return OpeningDialogs()


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    with logfile.logging_to_file(tmp_path / "logs" / "engagement-desk.log") as path:
        assert path is not None
        yield path


@pytest.fixture
def tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def only_message(dialogs: RecordingDialogs) -> tuple[str, str, str]:
    """The one message shown, after the question a new person without consent asks first."""
    shown = [d for d in dialogs.shown if (d[0], d[1]) != ("ask", "Keine Einwilligung")]
    assert len(shown) == 1, dialogs.shown
    kind, title, text = shown[0]
    assert not any(hint in text for hint in ENGLISH_HINTS), text
    return kind, title, text


def test_a_bug_behind_the_list_is_logged_and_shown_as_internal_error(
    qtbot, ctx, dialogs, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(ctx.db, 3)

    def broken(db: Database, query: ListQuery):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(people_tab, "list_people", broken)
    people = create_people_tab(ctx)  # loads the list at once
    qtbot.addWidget(people)

    kind, title, text = only_message(dialogs)
    assert (kind, title) == ("critical", "Interner Fehler")
    assert text.startswith("Interner Fehler")
    assert str(log_file) in text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError: division by zero" in logged


def test_saving_into_a_locked_database_says_so_and_keeps_the_input(
    tab: PeopleTab, ctx, dialogs, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    ctx.db.engine.dispose()  # pooled connections keep the long timeout
    tab.new_action.trigger()
    tab.editor.master.last_name.setText("Weber")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        tab.editor.save_action.trigger()
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert only_message(dialogs) == ("warn", "Engagement Desk", MESSAGES[Reason.LOCKED])
    assert tab.editor.master.last_name.text() == "Weber"
    assert tab.editor.is_dirty()
    assert count_people(ctx.db, ListQuery()) == 0


def sqlite_failure(code: int, name: str, text: str) -> OperationalError:
    orig = sqlite3.OperationalError(text)
    orig.sqlite_errorcode = code  # type: ignore[attr-defined]
    orig.sqlite_errorname = name  # type: ignore[attr-defined]
    return OperationalError("INSERT INTO person …", {}, orig)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (sqlite_failure(13, "SQLITE_FULL", "database or disk is full"), Reason.DISK_FULL),
        (
            sqlite_failure(8, "SQLITE_READONLY", "attempt to write a readonly database"),
            Reason.READ_ONLY,
        ),
    ],
)
def test_a_full_disk_or_read_only_database_says_so(
    tab: PeopleTab, dialogs, error: Exception, reason: Reason, monkeypatch
) -> None:
    from engagement_desk.ui.people.editor import editor as editor_module

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(editor_module, "create_person", failing)
    tab.new_action.trigger()
    tab.editor.master.last_name.setText("Weber")
    tab.editor.save_action.trigger()
    assert only_message(dialogs) == ("warn", "Engagement Desk", MESSAGES[reason])
    assert tab.editor.is_dirty()


def test_a_damaged_file_is_refused_at_start_up(dialogs, tmp_path: Path) -> None:
    path = tmp_path / "kaputt.sqlite3"
    path.write_bytes(b"\x00keine Datenbank" * 300)
    before = path.read_bytes()
    assert app.open_database(str(path), demo=False, dialogs=dialogs) is None
    kind, title, text = only_message(dialogs)
    assert (kind, title) == ("critical", "Engagement Desk")
    assert f"Die Datenbankdatei {path} ist beschädigt" in text
    assert path.read_bytes() == before


def test_a_locked_database_is_refused_at_start_up(
    dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "neu.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert app.open_database(str(path), demo=False, dialogs=dialogs) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert only_message(dialogs) == ("critical", "Engagement Desk", MESSAGES[Reason.LOCKED])


def test_a_bug_at_start_up_is_an_internal_error(
    dialogs, languages, tmp_path: Path, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: Database) -> None:
        raise AttributeError("'NoneType' object has no attribute 'revision'")

    monkeypatch.setattr(migrator, "upgrade", broken)
    path = tmp_path / "neu.sqlite3"
    with sqlite3.connect(path) as connection:  # an existing file: no "create?" question
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    assert app.open_database(str(path), demo=False, dialogs=dialogs) is None
    kind, title, text = only_message(dialogs)
    assert (kind, title) == ("critical", "Interner Fehler") and str(log_file) in text
    assert "AttributeError" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot, dialogs, languages, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # logging_to_file's hook passes on to this one instead of printing.
    monkeypatch.setattr(sys, "excepthook", logfile_hook_passing_to(lambda *args: None))
    button = QPushButton()
    qtbot.addWidget(button)

    def clicked() -> None:
        raise ZeroDivisionError("division by zero")

    button.clicked.connect(clicked)
    with uncaught_errors_shown(dialogs, button):
        button.click()
        qtbot.waitUntil(lambda: bool(dialogs.shown))
    kind, title, text = only_message(dialogs)
    assert (kind, title) == ("critical", "Interner Fehler") and str(log_file) in text
    assert "ZeroDivisionError: division by zero" in log_file.read_text(encoding="utf-8")


def logfile_hook_passing_to(after):  # type: ignore[no-untyped-def]
    def hook(kind, error, tb):  # type: ignore[no-untyped-def]
        logfile.log_uncaught(kind, error, tb)
        after(kind, error, tb)

    return hook


def test_qt_messages_go_into_the_log(qapp, log_file: Path) -> None:
    with qt_messages_logged():
        qInfo("Hallo aus Qt")
    assert "Hallo aus Qt" in log_file.read_text(encoding="utf-8")


def test_help_open_log_hands_the_log_file_to_the_desktop(
    qtbot, ctx, dialogs, log_file: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    [action] = [a for a in window.help_menu.actions() if a.objectName() == "open_log_action"]
    assert action.text() == "&Protokoll öffnen"
    action.trigger()
    assert dialogs.opened == [log_file]
    assert dialogs.shown == []


def test_help_open_log_names_the_place_when_there_is_no_log_yet(qtbot, ctx, dialogs) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_log_action.trigger()
    assert dialogs.opened == []
    [(kind, _, text)] = dialogs.shown
    assert kind == "warn"
    assert text.startswith("Das Protokoll lässt sich nicht öffnen.")
    assert str(logfile.default_log_path()) in text
