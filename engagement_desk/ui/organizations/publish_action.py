"""Datei ▸ Webseite veröffentlichen …: the club directory and events website into a folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from engagement_desk.ui.context import AppContext

if TYPE_CHECKING:
    from engagement_desk.services.organizations.publishing.site import PublishResult

FOLDER_SETTING = "publish/website_folder"


class PublishWebsiteAction(QObject):
    """Choose the website folder (remembered), write the site off the GUI thread, say what."""

    def __init__(self, ctx: AppContext, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.action = QAction(self)
        self.action.setObjectName("publish_website_action")
        self.action.triggered.connect(self.publish)

    def retranslate_ui(self) -> None:
        self.action.setText(self.tr("Publish &website …"))
        self.action.setStatusTip(
            self.tr("Write the club directory and the public events as a website into a folder")
        )

    @Slot()
    def publish(self) -> None:
        remembered = self.ctx.settings.value(FOLDER_SETTING, "")
        suggested = str(remembered) if remembered else str(Path.home() / "Webseite")
        folder = self.ctx.dialogs.directory_path(
            self.window, self.tr("Folder for the website"), suggested
        )
        if not folder:
            return
        self.ctx.settings.setValue(FOLDER_SETTING, folder)
        target = Path(folder)
        # Imported here: the publishing service loads the models, which the
        # window must not wait for before its first paint.
        from engagement_desk.services.organizations.publishing import publish_site

        self.ctx.ops.query(publish_site, self.ctx.db, target).with_progress(
            self.window, self.tr("Publishing the website …")
        ).success(self._published).run()

    @Slot(object)
    def _published(self, result: PublishResult) -> None:
        folder = result.files[0].parent if result.files else None
        text = (
            self.tr("The website lists %1 organizations with %2 opportunities and %3 events.")
            .replace("%1", str(result.organizations))
            .replace("%2", str(result.opportunities))
            .replace("%3", str(result.events))
        )
        if folder is not None:
            text += "\n\n" + self.tr("Written to %1.").replace("%1", str(folder))
        choice = self.ctx.dialogs.choose(
            self.window,
            self.tr("Publish website"),
            text,
            [self.tr("Open folder"), self.tr("Close")],
        )
        if choice == 0 and folder is not None:
            self.ctx.dialogs.open_file(folder)
