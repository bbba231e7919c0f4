"""Clubs and organizations: centre filter, the list, and the chosen organization's editor.

Choosing a centre on the left and choosing it in the "Centre" combo are the
same filter; the two stay in step. Moving through the list opens each
organization below it, after asking about unsaved changes.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import OrganizationKind, RecordStatus
from engagement_desk.services.organizations.centers import CenterRecord, list_centers
from engagement_desk.services.organizations.clubs import (
    ORGANIZATION_COLUMNS,
    OrganizationRecord,
    count_organizations,
    list_organizations,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.organizations.organization_editor import OrganizationEditor
from engagement_desk.ui.widgets.choices import center_filter_options
from engagement_desk.ui.widgets.list_view import (
    FilterOption,
    FilterSpec,
    ListPanel,
    ListSpec,
    enum_filter,
)

translate = QCoreApplication.translate
CENTER_ID_ROLE = Qt.ItemDataRole.UserRole
LEFT_WIDTH = 220


def organizations_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="organizations",
        tables=("organization", "organization_center", "center", "opportunity"),
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


class ClubsPage(Retranslatable, QWidget):
    status_changed = Signal()
    placement_created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("clubs_page")
        self.centers_title = QLabel()
        self.centers_list = QListWidget()
        self.centers_list.setObjectName("centers_list")
        self.centers_list.setAlternatingRowColors(True)
        self.centers_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.centers_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.centers_list.currentRowChanged.connect(self._center_chosen)
        self.centers_title.setBuddy(self.centers_list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.centers_title)
        left_layout.addWidget(self.centers_list)

        self.panel = ListPanel(ctx, organizations_spec(ctx))
        self.panel.status_changed.connect(self.status_changed)
        self.panel.filters_changed.connect(self._combo_changed)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_organization")
        guard_each(ctx, Capability.EDIT_RECORDS, self.new_button)
        self.panel.add_tool(self.new_button)
        self.editor = OrganizationEditor(ctx)
        self.new_button.clicked.connect(self.editor.request_new)
        self.editor.saved.connect(self._saved)
        self.editor.shown.connect(self._editor_shown)
        self.editor.navigation_cancelled.connect(self._select_editor_record)
        self.editor.placement_created.connect(self.placement_created)
        self.addAction(self.editor.save_action)
        self.addAction(self.editor.new_action)
        selection = self.panel.table.selectionModel()
        selection.currentRowChanged.connect(self._row_changed)
        self.panel.activated.connect(self._activated)
        self.panel.model.rows_loaded.connect(self._select_editor_record)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.panel)
        right.addWidget(self.editor)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([280, 420])
        right.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LEFT_WIDTH, 1000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._centers: list[CenterRecord] = []
        self._syncing = False
        self._selecting = False
        self.retranslate_ui()
        self._load_centers()

    def retranslate_ui(self) -> None:
        # The texts the tab had before it grew sections, in their old context.
        self.centers_title.setText(translate("OrganizationsTab", "Engagement centres"))
        self.centers_list.setAccessibleName(translate("OrganizationsTab", "Engagement centres"))
        if self.centers_list.count():
            self.centers_list.item(0).setText(translate("OrganizationsTab", "All centres"))
        self.new_button.setText(self.tr("Ne&w"))
        self.new_button.setToolTip(self.tr("Create a new organization (Ctrl+N)"))

    # --- centres as a filter ----------------------------------------------------

    def _load_centers(self) -> None:
        self.ctx.ops.query(list_centers, self.ctx.db).success(self._show_centers).run()

    def reload_centers(self, centers: Sequence[CenterRecord]) -> None:
        """All centres (archived too) after one was added, renamed or archived."""
        self._show_centers([c for c in centers if c.status == RecordStatus.ACTIVE])
        self.editor.set_centers(centers)

    def _show_centers(self, centers: Sequence[CenterRecord]) -> None:
        self._centers = list(centers)
        self._syncing = True
        try:
            self.centers_list.clear()
            self.centers_list.addItem(QListWidgetItem(translate("OrganizationsTab", "All centres")))
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

    # --- the list and the editor --------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        self.editor.request_open(self.panel.model.record_id(current.row()))

    @Slot(int)
    def _activated(self, record_id: int) -> None:
        if self.editor.request_open(record_id):
            self.editor.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _select_editor_record(self) -> None:
        record_id = self.editor.record_id
        row = None if record_id is None else self.panel.model.row_of(record_id)
        table = self.panel.table
        current = table.currentIndex()
        if row is not None and current.isValid() and current.row() == row:
            return
        self._selecting = True
        try:
            if row is None:
                table.selectionModel().clearCurrentIndex()
                table.clearSelection()
            else:
                table.selectionModel().setCurrentIndex(
                    self.panel.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._selecting = False

    @Slot(object)
    def _editor_shown(self, _record: OrganizationRecord | None) -> None:
        self._select_editor_record()

    @Slot(object)
    def _saved(self, _record: OrganizationRecord) -> None:
        self.panel.refresh()

    def open_organization(self, organization_id: int) -> None:
        self.editor.request_open(organization_id)

    # --- the tab protocol -----------------------------------------------------------

    def focus_search(self) -> None:
        self.panel.focus_search()

    def status_text(self) -> str:
        return self.panel.status_text()

    def refresh(self) -> None:
        self._load_centers()
        self.panel.refresh()
        if self.editor.record is not None and not self.editor.is_dirty():
            self.editor.open_record(self.editor.record.id)
