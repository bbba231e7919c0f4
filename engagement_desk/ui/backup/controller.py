"""Backups from the window: Datei ▸ Sicherung jetzt / Wiederherstellen / Sicherungsordner,
automatic backups (daily while the window is open, and on closing), and the status bar.

Automatic backups are made of an office's own SQLite file only: a demo database is
practice data, and a PostgreSQL server is backed up by whoever runs it (README).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_datetime, format_int

if TYPE_CHECKING:
    from engagement_desk.services.backup import BackupInfo, FolderState, RestoreResult
    from engagement_desk.ui.backup.restore_dialog import RestoreDialog
    from engagement_desk.ui.main_window import MainWindow


def _backup() -> Any:
    """The backup services, imported on first use rather than before the first paint."""
    from engagement_desk.services import backup

    return backup


CHECK_INTERVAL_MS = 30 * 60 * 1000
DUE_AFTER = dt.timedelta(days=1)
WARN_AFTER = dt.timedelta(days=7)


class BackupController(QObject):
    """Owns the backup actions and the status-bar label of one main window."""

    def __init__(self, ctx: AppContext, window: MainWindow):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.state: FolderState | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.last_restore: RestoreResult | None = None
        self._closing_backup = "none"  # none → running → done
        self._automatic_paused = False
        self._close_pending = False

        self.backup_action = QAction(self)
        self.backup_action.setObjectName("backup_now_action")
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = QAction(self)
        self.restore_action.setObjectName("restore_action")
        self.restore_action.triggered.connect(self.show_restore)
        self.folder_action = QAction(self)
        self.folder_action.setObjectName("backup_folder_action")
        self.folder_action.triggered.connect(self.choose_folder)

        self.status_label = QLabel()
        self.status_label.setObjectName("backup_status")
        self.status_label.setContentsMargins(0, 0, 12, 0)  # apart from the database's name
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.refresh_state)

    @property
    def actions(self) -> tuple[QAction, ...]:
        return (self.backup_action, self.restore_action, self.folder_action)

    @property
    def automatic(self) -> bool:
        return self.ctx.is_open and not self.ctx.demo and self.ctx.db.is_sqlite

    def _source(self) -> str:
        return _backup().source_name(self.ctx.db.url)

    def retranslate_ui(self) -> None:
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("&Restore …"))
        self.folder_action.setText(self.tr("Backup &folder …"))
        self._show_state()

    def database_ready(self) -> None:
        self.refresh_state()
        self.timer.start()

    # --- status -------------------------------------------------------------

    @Slot()
    def refresh_state(self) -> None:
        """Read the folder off the GUI thread (a network share may be slow), then show it;
        back up automatically when the last backup is a day old."""
        if not self.ctx.is_open:
            return
        self.ctx.ops.query(
            _backup().folder_state, _backup().backup_folder(), self._source()
        ).success(self._state_loaded).failure(self._state_failed).run()

    def _state_loaded(self, state: FolderState) -> None:
        self.state = state
        self._show_state()
        latest = state.latest
        due = latest is None or dt.datetime.now() - latest.created_at >= DUE_AFTER
        paused, self._automatic_paused = self._automatic_paused, False
        if self.automatic and due and state.reachable and not paused:
            self.ctx.ops.write(_backup().create_backup, self.ctx.db).success(
                self._backed_up
            ).failure(self._automatic_failed).run()

    def _state_failed(self, _error: Exception) -> None:
        self.state = None
        self._show_state()

    def status(self) -> tuple[str, bool]:
        """The status-bar text and whether it is a warning."""
        state = self.state
        if state is None:
            return "", False
        if not state.reachable:
            text = self.tr("Backup folder not reachable: %1").replace("%1", str(state.folder))
            return text, True
        latest = state.latest
        # A server is backed up by its administrator (pg_dump), not by this window:
        # only a file this window backs up itself is a reason to warn.
        warns = self.ctx.db.is_sqlite
        if latest is None:
            return (self.tr("No backup yet"), True) if warns else ("", False)
        age = dt.datetime.now() - latest.created_at
        if age > WARN_AFTER:
            return self.tr("Last backup %n day(s) ago", "", age.days), warns
        return self.tr("Backed up: %1").replace("%1", format_datetime(latest.created_at)), False

    def _show_state(self) -> None:
        # Here, not at the top: the field-error module builds PySide's Qt namespace,
        # which the window's first paint should not wait for.
        from engagement_desk.ui.widgets.field_errors import ERROR_COLOR

        text, warning = self.status()
        self.status_label.setText(text)
        palette = self.window.palette()
        if warning:
            palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.status_label.setPalette(palette)
        if self.state is not None:
            self.status_label.setToolTip(str(self.state.folder))

    # --- backing up ---------------------------------------------------------

    @Slot()
    def backup_now(self) -> None:
        self.ctx.ops.write(_backup().create_backup, self.ctx.db).with_progress(
            self.window, self.tr("Backing up the database …")
        ).success(self._backed_up_by_hand).run()

    def _backed_up(self, _info: BackupInfo) -> None:
        self.refresh_state()

    def _backed_up_by_hand(self, info: BackupInfo) -> None:
        self.refresh_state()
        text = self.tr(
            "The backup was checked and saved:\n%1\n\n%2 people, %3 hours entries, %4 rides."
        )
        for number, value in (
            ("%1", str(info.path)),
            ("%2", format_int(info.counts.get("people", 0))),
            ("%3", format_int(info.counts.get("hours", 0))),
            ("%4", format_int(info.counts.get("rides", 0))),
        ):
            text = text.replace(number, value)
        self.ctx.dialogs.inform(self.window, self.tr("Backup"), text)

    def _automatic_failed(self, error: Exception) -> None:
        from engagement_desk.failures import report

        report(error, context="automatic backup")  # logged; the status bar shows the age
        self._automatic_paused = True  # until the next timer tick, not in a loop
        self.refresh_state()

    def holds_close(self, close: Callable[[], Any]) -> bool:
        """Closing the window backs up first; True while that keeps the window open."""
        if self._closing_backup == "running":
            return True
        if self._closing_backup == "done" or not self.automatic:
            return False
        self._closing_backup = "running"
        self._close_pending = False
        self.ctx.ops.write(_backup().create_backup, self.ctx.db).with_progress(
            self.window, self.tr("Backing up before closing …")
        ).success(functools.partial(self._closing_backed_up, close)).failure(
            functools.partial(self._closing_backup_failed, close)
        ).run()
        # Operations run inline (tests) are decided already: close now, or stay open.
        self._close_pending = self._closing_backup == "running"
        return self._closing_backup != "done"

    def _closing_backed_up(self, close: Callable[[], Any], _info: BackupInfo) -> None:
        self._closing_backup = "done"
        if self._close_pending:
            QTimer.singleShot(0, close)

    def _closing_backup_failed(self, close: Callable[[], Any], error: Exception) -> None:
        from engagement_desk.failures import report

        failure = report(error, context="backup on closing")
        question = self.tr("The backup before closing failed:\n%1\n\nClose anyway?")
        if self.ctx.dialogs.ask(
            self.window, self.tr("Backup"), question.replace("%1", failure.message)
        ):
            self._closing_backup = "done"
            if self._close_pending:
                QTimer.singleShot(0, close)
        else:
            self._closing_backup = "none"

    # --- restoring ----------------------------------------------------------

    @Slot()
    def show_restore(self) -> None:
        if not self.ctx.db.is_sqlite:
            self.ctx.dialogs.inform(
                self.window,
                self.tr("Restore"),
                self.tr(
                    "A PostgreSQL database is restored on the server: load the snapshot "
                    "into an empty database with 'engagement-desk db restore FILE'."
                ),
            )
            return
        folder = _backup().backup_folder()
        self.ctx.ops.query(_backup().list_backups, folder, self._source()).success(
            functools.partial(self._open_restore_dialog, folder)
        ).run()

    def _open_restore_dialog(self, folder: Path, backups: list[BackupInfo]) -> None:
        from engagement_desk.ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(backups, folder, self.window)
        dialog.chosen.connect(self._confirm_restore)
        dialog.other_file_wanted.connect(self._choose_other_file)
        self.restore_dialog = dialog
        dialog.open()

    @Slot()
    def _choose_other_file(self) -> None:
        path = self.ctx.dialogs.open_path(
            self.restore_dialog,
            self.tr("Choose a backup"),
            str(_backup().backup_folder()),
            self.tr("Engagement Desk backups (*.sqlite3)"),
        )
        if path:
            self.ctx.ops.query(_backup().inspect_backup, Path(path)).success(
                self._confirm_restore
            ).run()

    @Slot(object)
    def _confirm_restore(self, info: BackupInfo) -> None:
        question = self.tr(
            "Restore the backup of %1 (%2 people, %3 hours entries, %4 rides)?\n\n"
            "All current data is replaced. The current database is kept as a copy first."
        )
        for number, value in (
            ("%1", format_datetime(info.created_at)),
            ("%2", format_int(info.counts.get("people", 0))),
            ("%3", format_int(info.counts.get("hours", 0))),
            ("%4", format_int(info.counts.get("rides", 0))),
        ):
            question = question.replace(number, value)
        parent: QWidget = self.restore_dialog or self.window
        if not self.ctx.dialogs.ask(parent, self.tr("Restore"), question):
            return
        self.window.leave_tabs(functools.partial(self._restore, info.path))

    def _restore(self, path: Path) -> None:
        self.ctx.ops.write(_backup().restore_backup, self.ctx.db, path).with_progress(
            self.restore_dialog or self.window, self.tr("Restoring …")
        ).success(self._restored).run()

    def _restored(self, result: RestoreResult) -> None:
        self.last_restore = result
        if self.restore_dialog is not None:
            self.restore_dialog.accept()
        self.window.refresh_all()
        self.refresh_state()
        text = self.tr("The backup of %1 is restored.").replace(
            "%1", format_datetime(result.restored.created_at)
        )
        if result.safety_copy is not None:
            text += "\n\n" + self.tr("The database as it was before is kept as:\n%1").replace(
                "%1", str(result.safety_copy)
            )
        self.ctx.dialogs.inform(self.window, self.tr("Restore"), text)

    # --- folder -------------------------------------------------------------

    @Slot()
    def choose_folder(self) -> None:
        chosen = self.ctx.dialogs.directory_path(
            self.window, self.tr("Backup folder"), str(_backup().backup_folder())
        )
        if chosen:
            _backup().set_backup_folder(Path(chosen))
            self.refresh_state()
