"""The *Settings* dialog: a list of pages on the left, the chosen page on the right.

A page is any widget with ``title() -> str`` (translated) and ``retranslate_ui()``;
``add_page`` appends one, so later areas (the agency's data) slot in beside the
staff page without touching it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable


class SettingsPage(Protocol):
    def title(self) -> str: ...

    def retranslate_ui(self) -> None: ...


class SettingsDialog(Retranslatable, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.ctx = ctx
        self.pages_list = QListWidget()
        self.pages_list.setObjectName("settings_pages")
        self.pages_list.setMaximumWidth(170)
        self.stack = QStackedWidget()
        self.pages_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.pages_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 480)

        from engagement_desk.ui.settings.agency_pages import AgencyPage, SignaturesPage
        from engagement_desk.ui.settings.backup_page import BackupPage
        from engagement_desk.ui.settings.staff_page import StaffPage

        self.staff_page = self.add_page(StaffPage(ctx))
        self.agency_page = self.add_page(AgencyPage(ctx))
        self.signatures_page = self.add_page(SignaturesPage(ctx))
        self.backup_page = self.add_page(BackupPage(ctx))
        self.agency_page.saved.connect(self.signatures_page.adopt)
        self.signatures_page.saved.connect(self.agency_page.adopt)
        self.pages_list.setCurrentRow(0)
        self.retranslate_ui()

    def reject(self) -> None:
        """Close, asking first about unsaved changes on a page (one after the other)."""
        pending = [
            page
            for page in (self.agency_page, self.signatures_page)
            if page.is_dirty()  # type: ignore[attr-defined]
        ]
        if not pending:
            super().reject()
            return
        self.show_page(pending[0])
        pending[0].leave(self.reject)  # type: ignore[attr-defined]

    def add_page(self, page: QWidget) -> QWidget:
        self.stack.addWidget(page)
        self.pages_list.addItem("")
        return page

    def show_page(self, page: QWidget) -> None:
        self.pages_list.setCurrentRow(self.stack.indexOf(page))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            page.retranslate_ui()  # type: ignore[attr-defined]
            item = self.pages_list.item(index)
            item.setText(page.title())  # type: ignore[attr-defined]
            item.setData(Qt.ItemDataRole.AccessibleTextRole, page.title())  # type: ignore[attr-defined]
