"""Datei ▸ Daten exportieren / importieren: the actions and what they do in the window."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from engagement_desk import APP_NAME
from engagement_desk.ui.context import AppContext

if TYPE_CHECKING:
    from engagement_desk.ui.main_window import MainWindow


class InterchangeActions(QObject):
    """Export the whole database to an interchange file, or load one into an empty database."""

    def __init__(self, ctx: AppContext, window: MainWindow):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.export_action = QAction(self)
        self.export_action.setObjectName("export_action")
        self.export_action.triggered.connect(self.export_data)
        self.import_action = QAction(self)
        self.import_action.setObjectName("import_action")
        self.import_action.triggered.connect(self.import_data)

    def retranslate_ui(self) -> None:
        self.export_action.setText(self.tr("&Export data …"))
        self.import_action.setText(self.tr("&Import data …"))

    @Slot()
    def export_data(self) -> None:
        import datetime as dt

        suggested = str(Path.home() / f"engagement-desk-{dt.date.today():%Y-%m-%d}.json")
        path = self.ctx.dialogs.save_path(
            self.window, self.tr("Export data"), suggested, self.tr("Interchange files (*.json)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        interchange = self._interchange()
        if interchange is None:
            return
        self.ctx.ops.write(interchange.export_database, self.ctx.db, target).with_progress(
            self.window, self.tr("Exporting all data …")
        ).success(functools.partial(self._exported, target)).run()

    def _exported(self, target: Path, summary: Any) -> None:

        total = sum(summary.counts.values())
        self.ctx.dialogs.inform(
            self.window,
            self.tr("Export data"),
            self.tr("%Ln record(s) written to %1.", "", total).replace("%1", str(target)),
        )

    @Slot()
    def import_data(self) -> None:
        path = self.ctx.dialogs.open_path(
            self.window,
            self.tr("Import data"),
            str(Path.home()),
            self.tr("Interchange files (*.json)"),
        )
        if not path:
            return
        question = self.tr(
            "Load all records of %1 into this database?\n\n"
            "This works only into an empty database; if anything goes wrong, "
            "nothing is loaded."
        ).replace("%1", path)
        if not self.ctx.dialogs.ask(self.window, self.tr("Import data"), question):
            return
        interchange = self._interchange()
        if interchange is None:
            return
        self.ctx.ops.write(interchange.import_database, self.ctx.db, Path(path)).with_progress(
            self.window, self.tr("Importing data …")
        ).success(functools.partial(self._imported, Path(path))).run()

    def _imported(self, source: Path, summary: Any) -> None:

        total = sum(summary.counts.values())
        self.window.refresh_all()
        self.ctx.dialogs.inform(
            self.window,
            self.tr("Import data"),
            self.tr("%Ln record(s) loaded from %1.", "", total).replace("%1", str(source)),
        )

    def _interchange(self) -> Any:
        try:
            from engagement_desk.services import interchange
        except ImportError:
            self.ctx.dialogs.warn(
                self.window,
                APP_NAME,
                self.tr("Export and import are not available in this version."),
            )
            return None
        return interchange
