"""Datenschutz: the retention review (and further data-protection pages) as sub-tabs."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.privacy.audit_page import AuditPage
from engagement_desk.ui.privacy.review_page import ReviewPage


class PrivacyTab(Retranslatable, QWidget):
    """The Datenschutz tab; its first page is the review (Überprüfung)."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("privacy_tab")
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("privacy_subtabs")
        self.tabs.setDocumentMode(True)
        self.review_page = ReviewPage(ctx)
        self.review_page.status_changed.connect(self.status_changed)
        self.tabs.addTab(self.review_page, "")
        self.audit_page = AuditPage(ctx)
        self.audit_page.status_changed.connect(self.status_changed)
        self.tabs.addTab(self.audit_page, "")
        self.tabs.currentChanged.connect(self._page_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()
        self.review_page.ensure_loaded()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.review_page), self.tr("Review"))
        self.tabs.setTabText(self.tabs.indexOf(self.audit_page), self.tr("Audit trail"))

    @Slot(int)
    def _page_shown(self, _index: int) -> None:
        self.status_changed.emit()

    def status_text(self) -> str:
        page = self.tabs.currentWidget()
        status_text = getattr(page, "status_text", None)
        return status_text() if callable(status_text) else ""

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.review_page)
        self.review_page.years.setFocus()
        self.review_page.years.selectAll()

    def refresh(self) -> None:
        self.review_page.load()


def create_privacy_tab(ctx: AppContext, parent: QWidget | None = None) -> PrivacyTab:
    return PrivacyTab(ctx, parent)
