"""Urkunden: issue certificates, the register, templates and hours entry, as sub-tabs."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from engagement_desk.models.enums import CertificateKind, CertificateStatus
from engagement_desk.services.certificates.register_list import (
    CERTIFICATE_COLUMNS,
    count_certificates,
    list_certificates,
)
from engagement_desk.ui.certificates.issue_page import IssuePage
from engagement_desk.ui.certificates.register_page import RegisterPage
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.widgets.leaving import Leavable, PageGuard, Then
from engagement_desk.ui.widgets.list_view import ListPanel, ListSpec, enum_filter
from engagement_desk.ui.widgets.pdf_output import PdfOutput

translate = QCoreApplication.translate


def register_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="certificates",
        tables=("certificate", "person"),
        fetch=functools.partial(list_certificates, ctx.db),
        count=functools.partial(count_certificates, ctx.db),
        columns=CERTIFICATE_COLUMNS,
        accessible_name=lambda: translate("CertificatesTab", "Register of certificates"),
        search_placeholder=lambda: translate("CertificatesTab", "Search number or name …"),
        filters=(
            enum_filter(
                "kind",
                CertificateKind,
                lambda: translate("CertificatesTab", "Kind"),
                lambda: translate("CertificatesTab", "All kinds"),
            ),
            enum_filter(
                "status",
                CertificateStatus,
                lambda: translate("CertificatesTab", "Status"),
                lambda: translate("CertificatesTab", "All statuses"),
            ),
        ),
        value_labels={"kind": labeller(CertificateKind), "status": labeller(CertificateStatus)},
        column_widths={"number": 16, "kind": 26, "person": 28, "issued_on": 12, "status": 12},
        descending=True,
        empty_text=lambda: translate("CertificatesTab", "No certificates have been issued yet."),
    )


class CertificatesTab(Retranslatable, QWidget):
    """The Urkunden tab; ``output`` is the printing seam (tests swap it)."""

    status_changed = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, output: PdfOutput | None = None
    ):
        super().__init__(parent)
        self.setObjectName("certificates_tab")
        self.ctx = ctx
        self.output = output or PdfOutput()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("certificates_subtabs")
        self.tabs.setDocumentMode(True)
        self.issue_page = IssuePage(ctx, self.output)
        self.panel = ListPanel(ctx, register_spec(ctx))
        self.register_page = RegisterPage(ctx, self.panel, self.output)
        self.tabs.addTab(self.issue_page, "")
        self.tabs.addTab(self.register_page, "")
        self.templates_page: QWidget | None = None
        self.hours_page: QWidget | None = None
        self._add_optional_pages()
        PageGuard(self.tabs)
        self.tabs.currentChanged.connect(self._page_shown)
        self.panel.status_changed.connect(self.status_changed)
        self.issue_page.certificate_issued.connect(lambda _certificate: self.panel.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def _add_optional_pages(self) -> None:
        try:
            from engagement_desk.ui.certificates.templates_page import TemplatesPage
        except ImportError:
            pass
        else:
            self.templates_page = TemplatesPage(self.ctx, self.output)
            self.tabs.addTab(self.templates_page, "")
        try:
            from engagement_desk.ui.hours.hours_page import HoursPage
        except ImportError:
            pass
        else:
            self.hours_page = HoursPage(self.ctx)
            self.tabs.addTab(self.hours_page, "")
        from engagement_desk.ui.hours.ledger_page import HoursLedgerPage

        self.ledger_page = HoursLedgerPage(self.ctx)
        self.tabs.addTab(self.ledger_page, "")

    def retranslate_ui(self) -> None:
        titles = [self.tr("Issue"), self.tr("Register")]
        if self.templates_page is not None:
            titles.append(self.tr("Templates"))
        if self.hours_page is not None:
            titles.append(self.tr("Enter hours"))
        titles.append(self.tr("Hours ledger"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)

    def has_unsaved(self) -> bool:
        return isinstance(self.hours_page, Leavable) and self.hours_page.has_unsaved()

    def leave(self, then: Then = None) -> bool:
        if isinstance(self.hours_page, Leavable) and self.hours_page.has_unsaved():
            self.tabs.setCurrentWidget(self.hours_page)
            return self.hours_page.leave(then)
        if then is not None:
            then()
        return True

    @Slot(int)
    def _page_shown(self, index: int) -> None:
        if self.tabs.currentIndex() != index:  # the switch was refused (unsaved changes)
            return
        if self.tabs.widget(index) is self.register_page:
            self.panel.refresh()
        self.status_changed.emit()

    def status_text(self) -> str:
        if self.tabs.currentWidget() is self.register_page:
            return self.panel.status_text()
        return ""

    # --- the tab protocol (as ListPanel offers it) ------------------------

    @property
    def model(self):
        return self.panel.model

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.register_page)
        self.panel.focus_search()

    def refresh(self) -> None:
        self.panel.refresh()
        if self.issue_page._choices_loaded:
            self.issue_page.load()

    def show_record(self, record_id: int, search_text: str = "") -> None:
        self.tabs.setCurrentWidget(self.register_page)
        self.panel.show_record(record_id, search_text)


def create_certificates_tab(ctx: AppContext, parent: QWidget | None = None) -> CertificatesTab:
    return CertificatesTab(ctx, parent)
