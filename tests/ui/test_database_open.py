"""The window opening a database: asks before making a new one, refuses damaged files.

Answers come from the recording dialog seam (``ui_helpers.RecordingDialogs``).
As root ``chmod`` stops no write, so a read-only file is an ``os.access`` that
says "not writable"; SQLite's ``mode=ro`` then refuses writes for real.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from damaged_files import damage
from ui_helpers import RecordingDialogs, add_people

from engagement_desk import migrator, paths
from engagement_desk.db import Database, WritesRefusedError
from engagement_desk.services.backup import create_backup
from engagement_desk.ui import app


def _revision(path: Path) -> str:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _office(folder: Path, migrated_template: Path, people: int = 150) -> Path:
    path = folder / "office.sqlite3"
    shutil.copy(migrated_template, path)
    database = Database(path)
    add_people(database, people)
    migrator.stored_revision(database)  # a read-write connection: disposing cleans the WAL
    database.dispose()
    with closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.mark.parametrize("empty_file", [False, True], ids=["missing", "zero-length"])
def test_no_database_asks_and_creates_nothing_on_no(
    dialogs: RecordingDialogs, languages, tmp_path: Path, empty_file: bool
) -> None:
    path = tmp_path / "neu.sqlite3"
    if empty_file:
        path.touch()
    dialogs.answers = [False]
    assert app.open_database(str(path), demo=False, dialogs=dialogs) is None
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("ask", "Engagement Desk")
    assert str(path) in text and "Neue Datenbank anlegen?" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == (["neu.sqlite3"] if empty_file else [])
    assert not empty_file or path.stat().st_size == 0


@pytest.mark.parametrize("empty_file", [False, True], ids=["missing", "zero-length"])
def test_no_database_is_created_on_yes(
    dialogs: RecordingDialogs, languages, tmp_path: Path, empty_file: bool
) -> None:
    path = tmp_path / "neu.sqlite3"
    if empty_file:
        path.touch()
    dialogs.answers = [True]
    database = app.open_database(str(path), demo=False, dialogs=dialogs)
    assert database is not None
    try:
        assert [kind for kind, _, _ in dialogs.shown] == ["ask"]
        assert _revision(path) == migrator.head_revision()
        assert not database.read_only
    finally:
        database.dispose()


def test_the_demo_database_is_made_without_asking(dialogs: RecordingDialogs) -> None:
    database = app.open_database(None, demo=True, dialogs=dialogs)
    assert database is not None
    try:
        assert dialogs.shown == []
        assert _revision(paths.demo_database_path()) == migrator.head_revision()
    finally:
        database.dispose()


def test_an_existing_database_opens_without_a_question(
    dialogs: RecordingDialogs, tmp_path: Path, migrated_template: Path
) -> None:
    path = _office(tmp_path, migrated_template, people=3)
    database = app.open_database(str(path), demo=False, dialogs=dialogs)
    assert database is not None
    database.dispose()
    assert dialogs.shown == []


def test_a_damaged_file_is_refused_with_the_latest_backup(
    dialogs: RecordingDialogs, tmp_path: Path, migrated_template: Path
) -> None:
    path = _office(tmp_path, migrated_template)
    database = Database(path)
    migrator.stored_revision(database)
    backup = create_backup(database)
    database.dispose()
    damage(path)
    before = path.read_bytes()
    dialogs.answers = [False]  # the offer to restore is declined

    assert app.open_database(str(path), demo=False, dialogs=dialogs) is None

    [(asked, _, offer), (kind, title, text)] = dialogs.shown
    assert asked == "ask" and str(backup.path) in offer
    assert (kind, title) == ("critical", "Engagement Desk")
    assert f"Die Datenbankdatei {path} ist beschädigt" in text
    assert f"{backup.created_at:%d.%m.%Y %H:%M}" in text and str(backup.path) in text
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3"]


def test_a_newer_database_is_refused(
    dialogs: RecordingDialogs, tmp_path: Path, migrated_template: Path
) -> None:
    path = _office(tmp_path, migrated_template, people=1)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_aus_der_zukunft'")
        connection.commit()
    before = path.read_bytes()
    assert app.open_database(str(path), demo=False, dialogs=dialogs) is None
    [(kind, _, text)] = dialogs.shown
    assert kind == "critical" and "neueren Version von Engagement Desk" in text
    assert path.read_bytes() == before


def test_a_read_only_file_opens_for_reading(
    dialogs: RecordingDialogs,
    tmp_path: Path,
    migrated_template: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from engagement_desk.services.listing import ListQuery
    from engagement_desk.services.people.persons import count_people

    path = _office(tmp_path, migrated_template, people=4)
    real_access = os.access

    def access(target, mode, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(target) in (path, path.parent):
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = path.read_bytes()
    database = app.open_database(str(path), demo=False, dialogs=dialogs)
    assert database is not None
    try:
        assert dialogs.shown == []
        assert database.read_only
        assert count_people(database, ListQuery()) == 4
        with pytest.raises(WritesRefusedError, match="schreibgeschützt"):
            add_people(database, 1)
    finally:
        database.dispose()
    assert path.read_bytes() == before


def test_a_damaged_file_is_replaced_by_the_latest_backup_when_wanted(
    dialogs: RecordingDialogs, tmp_path: Path, migrated_template: Path
) -> None:
    path = _office(tmp_path, migrated_template, people=150)
    database = Database(path)
    migrator.stored_revision(database)
    backup = create_backup(database)
    database.dispose()
    damage(path)
    damaged = path.read_bytes()
    dialogs.answers = [True]

    db = app.open_database(str(path), demo=False, dialogs=dialogs)

    assert db is not None
    try:
        with db.read_session() as session:
            from sqlalchemy import text

            assert session.execute(text("SELECT count(*) FROM person")).scalar() == 150
    finally:
        db.dispose()
    assert [kind for kind, _, _ in dialogs.shown] == ["ask"]
    (kept,) = tmp_path.glob("office.before-restore-*.sqlite3")
    # The damaged pages are kept for the support (the header differs: not in WAL mode).
    assert kept.read_bytes()[100:] == damaged[100:]
    assert backup.counts["people"] == 150


def test_the_window_checks_and_restores_off_the_gui_thread(
    qapp, dialogs: RecordingDialogs, tmp_path: Path, migrated_template: Path, monkeypatch
) -> None:
    """The quick check (seconds on a big file) and the restore run on a worker thread."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from engagement_desk.services import opening
    from engagement_desk.ui.main_window import MainWindow

    path = _office(tmp_path, migrated_template, people=150)
    database = Database(path)
    migrator.stored_revision(database)
    create_backup(database)
    database.dispose()
    damage(path)
    checked_on: list[bool] = []
    quick_check = opening.quick_check

    def recording_quick_check(where: Path) -> list[str]:
        checked_on.append(threading.current_thread() is threading.main_thread())
        return quick_check(where)

    monkeypatch.setattr(opening, "quick_check", recording_quick_check)
    dialogs.answers = [True]  # restore the latest backup
    seen: dict[str, object] = {}

    def close_when_open() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows or not windows[0].ctx.is_open or windows[0].ctx.ops.busy:
            QTimer.singleShot(20, close_when_open)
            return
        seen["status"] = windows[0].database_status.text()
        windows[0].close()

    QTimer.singleShot(0, close_when_open)
    assert app.run(db_target=str(path), language="en", dialogs=dialogs) == 0
    assert checked_on and not any(checked_on)  # never on the GUI thread
    assert len(checked_on) == 2  # damaged, then the restored file
    assert seen["status"] == f"Database: {path}"
    assert [kind for kind, _, _ in dialogs.shown] == ["ask"]
