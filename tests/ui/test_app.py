"""Start-up: a database the program cannot use is refused with a German message, untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.ui import app
from engagement_desk.ui.main_window import MainWindow


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_database_from_a_newer_program_is_refused(qapp, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "neuer.sqlite3"
    database = Database(path)
    migrator.upgrade(database)
    database.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    before = path.read_bytes()

    assert app.run(db_target=str(path), language="en", dialogs=dialogs) == 1

    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("critical", "Engagement Desk")
    assert "neueren Version von Engagement Desk" in text
    assert _revision(path) == "ffff_from_the_future"
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*before-upgrade*"))


def test_a_foreign_database_is_refused(dialogs, tmp_path: Path) -> None:
    path = tmp_path / "fremd.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY)")
    assert app.open_database(str(path), demo=False, dialogs=dialogs) is None
    [(kind, _, text)] = dialogs.shown
    assert kind == "critical"
    assert "stammt nicht von Engagement Desk" in text


def test_a_bad_url_is_refused(dialogs) -> None:
    assert app.open_database("kaputt://", demo=False, dialogs=dialogs) is None
    assert dialogs.shown[0][0] == "critical"


def test_a_new_database_is_created_and_migrated(dialogs, tmp_path: Path) -> None:
    dialogs.answers = [True]
    database = app.open_database(str(tmp_path / "neu.sqlite3"), demo=False, dialogs=dialogs)
    assert database is not None
    try:
        assert [kind for kind, _, _ in dialogs.shown] == ["ask"]
        assert _revision(tmp_path / "neu.sqlite3") == migrator.head_revision()
    finally:
        database.dispose()


def test_the_demo_database_is_marked_and_filled_when_empty(
    qtbot, ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = pytest.importorskip("engagement_desk.services.demo")
    calls: list[dict] = []

    def fake_generate(db, *, progress, **kwargs):
        calls.append(kwargs)
        progress.report(1, 1, "fertig")
        return None

    monkeypatch.setattr(demo, "generate_demo", fake_generate)
    ctx.demo = True
    window = app.show_main_window(ctx)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.windowTitle().endswith("– DEMO")
    assert len(calls) == 1


def test_run_shows_the_window_first_then_fills_it(qapp, dialogs, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from ui_helpers import add_people

    path = tmp_path / "buero.sqlite3"
    database = Database(path)
    migrator.upgrade(database)
    add_people(database, 3)
    database.dispose()
    seen: dict[str, object] = {}

    def inspect() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if windows and "first" not in seen:
            seen["first"] = windows[0].database_status.text()
        people = windows[0].pages[0].content if windows else None
        if people is None or people.model.rowCount() < 3 or windows[0].ctx.ops.busy:
            QTimer.singleShot(20, inspect)
            return
        seen["tabs"] = windows[0].tabs.tabText(0)
        seen["status"] = windows[0].database_status.text()
        windows[0].close()

    QTimer.singleShot(0, inspect)
    assert app.run(db_target=str(path), language="en", dialogs=dialogs) == 0
    assert seen["first"] == "Opening the database …"
    assert seen["tabs"] == "People"
    assert seen["status"] == f"Database: {path}"
    assert dialogs.shown == []
