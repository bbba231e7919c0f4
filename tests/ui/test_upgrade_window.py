"""The window's first start after an update: a database of the previous schema revision is
backed up (verified) and upgraded on the writer thread while a progress dialog shows."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from upgrade_support import PEOPLE, office_at_previous_revision, previous_revision, stored_revision

from engagement_desk import migrator
from engagement_desk.services import opening
from engagement_desk.services.backup import backup_folder, list_backups
from engagement_desk.ui import app
from engagement_desk.ui.main_window import MainWindow

SLOW_UPGRADE_S = 0.8  # longer than the progress dialog's delay, so it must show


def test_an_older_database_is_backed_up_and_upgraded_with_progress_off_the_gui_thread(
    qapp, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = office_at_previous_revision(tmp_path / "buero.sqlite3")
    upgrade_threads: list[threading.Thread] = []
    real_upgrade = opening.upgrade_schema

    def slow_upgrade(db, *, progress):  # type: ignore[no-untyped-def]
        upgrade_threads.append(threading.current_thread())
        result = real_upgrade(db, progress=progress)
        time.sleep(SLOW_UPGRADE_S)
        return result

    monkeypatch.setattr(opening, "upgrade_schema", slow_upgrade)
    seen: dict[str, object] = {"progress": set(), "responsive": 0}

    def inspect() -> None:
        seen["responsive"] = int(seen["responsive"]) + 1  # the GUI thread keeps running
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen["progress"].add(widget.labelText().splitlines()[0])  # type: ignore[union-attr]
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        people = windows[0].pages[0].content if windows else None
        if people is None or people.model.rowCount() < PEOPLE or windows[0].ctx.ops.busy:
            QTimer.singleShot(20, inspect)
            return
        windows[0].close()

    QTimer.singleShot(0, inspect)
    assert app.run(db_target=str(path), language="en", dialogs=dialogs) == 0

    assert dialogs.shown == []
    assert [t is threading.main_thread() for t in upgrade_threads] == [False]
    assert "Updating the database for this program version …" in seen["progress"]
    assert int(seen["responsive"]) > 10
    head = migrator.head_revision()
    assert stored_revision(path) == head
    # The window's own backups on opening and closing follow, at the new revision.
    [backup] = [b for b in list_backups(backup_folder(), "buero") if b.revision != head]
    assert backup.revision == previous_revision() and backup.counts["people"] == PEOPLE


def test_a_current_database_opens_without_an_upgrade(
    qapp, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "aktuell.sqlite3"
    opening.open_database(path, opening.Purpose.CREATE).dispose()
    calls: list[object] = []
    monkeypatch.setattr(opening, "upgrade_schema", lambda db, **kw: calls.append(db))

    def close_when_open() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or windows[0].ctx.database is None or windows[0].ctx.ops.busy:
            QTimer.singleShot(20, close_when_open)
            return
        windows[0].close()

    QTimer.singleShot(0, close_when_open)
    assert app.run(db_target=str(path), language="en", dialogs=dialogs) == 0
    assert calls == []
    assert all(b.revision == migrator.head_revision() for b in list_backups(backup_folder()))
