"""Zentren & Vereine: the Engagement-Zentren on the left, the organizations on the right.

Choosing a centre on the left and choosing it in the "Centre" combo are the
same filter; the two stay in step.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import OrganizationKind, RecordStatus
from engagement_desk.services.centers import CenterRecord, list_centers
from engagement_desk.services.organizations import (
    ORGANIZATION_COLUMNS,
    count_organizations,
    list_organizations,
)
from engagement_desk.ui.choices import center_filter_options
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.list_view import FilterOption, FilterSpec, ListPanel, ListSpec, enum_filter

translate = QCoreApplication.translate
CENTER_ID_ROLE = Qt.ItemDataRole.UserRole
LEFT_WIDTH = 290


def organizations_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="organizations",
        fetch=functools.partial(list_organizations, ctx.db),
        count=functools.partial(count_organizations, ctx.db),
        columns=ORGANIZATION_COLUMNS,
        accessible_name=lambda: translate("OrganizationsTab", "List of organizations"),
        search_placeholder=lambda: translate(
            "OrganizationsTab", "Search name, town, e-mail or description …"
        ),
        filters=(
            enum_filter(
                "kind",
                OrganizationKind,
                lambda: translate("OrganizationsTab", "Kind"),
                lambda: translate("OrganizationsTab", "All kinds"),
            ),
            enum_filter(
                "status",
                RecordStatus,
                lambda: translate("OrganizationsTab", "Status"),
                lambda: translate("OrganizationsTab", "All statuses"),
            ),
            FilterSpec(
                "center",
                lambda: translate("OrganizationsTab", "Centre"),
                (FilterOption(lambda: translate("OrganizationsTab", "All centres")),),
            ),
        ),
        value_labels={"kind": labeller(OrganizationKind), "status": labeller(RecordStatus)},
        column_widths={
            "name": 34,
            "kind": 12,
            "postal_code": 6,
            "city": 14,
            "centers": 28,
            "opportunities": 8,
            "status": 10,
        },
    )


class OrganizationsTab(Retranslatable, QWidget):
    """Centres list plus the organizations list panel."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("organizations_tab")
        self.centers_title = QLabel()
        self.centers_list = QListWidget()
        self.centers_list.setObjectName("centers_list")
        self.centers_list.setAlternatingRowColors(True)
        self.centers_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.centers_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.centers_list.currentRowChanged.connect(self._center_chosen)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.centers_title)
        left_layout.addWidget(self.centers_list)
        self.centers_title.setBuddy(self.centers_list)

        self.panel = ListPanel(ctx, organizations_spec(ctx))
        self.panel.status_changed.connect(self.status_changed)
        self.panel.filters_changed.connect(self._combo_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LEFT_WIDTH, 1000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._centers: list[CenterRecord] = []
        self._syncing = False
        self.retranslate_ui()
        self._load_centers()

    def retranslate_ui(self) -> None:
        self.centers_title.setText(self.tr("Engagement centres"))
        self.centers_list.setAccessibleName(self.tr("Engagement centres"))
        if self.centers_list.count():
            self.centers_list.item(0).setText(self.tr("All centres"))

    def _load_centers(self) -> None:
        self.ctx.ops.query(list_centers, self.ctx.db).success(self._show_centers).run()

    def _show_centers(self, centers: Sequence[CenterRecord]) -> None:
        self._centers = list(centers)
        self._syncing = True
        try:
            self.centers_list.clear()
            self.centers_list.addItem(QListWidgetItem(self.tr("All centres")))
            for center in self._centers:
                item = QListWidgetItem(center.name)
                item.setData(CENTER_ID_ROLE, center.id)
                item.setToolTip(f"{center.name}\n{center.theme}" if center.theme else center.name)
                self.centers_list.addItem(item)
        finally:
            self._syncing = False
        self.panel.set_filter_options("center", center_filter_options(self._centers))
        self._combo_changed()

    @Slot(int)
    def _center_chosen(self, row: int) -> None:
        if self._syncing or row < 0:
            return
        self._syncing = True
        try:
            self.panel.combo("center").setCurrentIndex(row)
        finally:
            self._syncing = False

    @Slot()
    def _combo_changed(self) -> None:
        if self._syncing:
            return
        row = max(self.panel.combo("center").currentIndex(), 0)
        self._syncing = True
        try:
            self.centers_list.setCurrentRow(row)
        finally:
            self._syncing = False

    def select_center(self, center_id: int | None) -> None:
        """Show the organizations of one centre (None: all)."""
        for row in range(self.centers_list.count()):
            if self.centers_list.item(row).data(CENTER_ID_ROLE) == center_id:
                self.centers_list.setCurrentRow(row)
                return

    def focus_search(self) -> None:
        self.panel.focus_search()

    def status_text(self) -> str:
        return self.panel.status_text()

    def refresh(self) -> None:
        self._load_centers()
        self.panel.refresh()
