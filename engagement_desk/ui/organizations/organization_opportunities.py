"""The opportunities of one organization; each opens in its own dialog with the matches."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from engagement_desk.models.enums import OpportunityStatus
from engagement_desk.services.listing import ListQuery, Page
from engagement_desk.services.organizations.clubs import OrganizationRecord
from engagement_desk.services.organizations.opportunities import (
    OpportunityRecord,
    list_opportunities,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.organizations.opportunity_editor import OpportunityDialog
from engagement_desk.ui.organizations.rows import Row, RowsModel, RowsView, headers

MOST = 1000
COLUMNS = (
    QT_TRANSLATE_NOOP("OrganizationOpportunities", "Title"),
    QT_TRANSLATE_NOOP("OrganizationOpportunities", "Centre"),
    QT_TRANSLATE_NOOP("OrganizationOpportunities", "Wanted"),
    QT_TRANSLATE_NOOP("OrganizationOpportunities", "Status"),
)


class OrganizationOpportunities(Retranslatable, QWidget):
    count_changed = Signal(int)
    placement_created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("organization_opportunities")
        self.organization: OrganizationRecord | None = None
        self.dialog: OpportunityDialog | None = None
        self._loads = Generation()
        self._select_after: int | None = None
        self.table = RowsView(
            RowsModel(headers("OrganizationOpportunities", COLUMNS), self),
            "organization_opportunities_table",
        )
        self.table.set_widths((34, 30, 8, 10), stretch=0)
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_opportunity")
        self.new_button.clicked.connect(self.new_opportunity)
        guard_each(ctx, Capability.EDIT_RECORDS, self.new_button)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_opportunity")
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        follow_changes(ctx, self, ("opportunity", "placement"), self.reload)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.table.rows_model.retranslate()
        self.table.setAccessibleName(self.tr("Opportunities of the organization"))
        self.new_button.setText(self.tr("New oppor&tunity …"))
        self.open_button.setText(self.tr("Open with &matching people …"))
        self.open_button.setToolTip(self.tr("Edit the opportunity and place people who fit it"))

    def set_organization(self, record: OrganizationRecord | None) -> None:
        self.organization = record
        if record is None:
            self._loads.advance()
            self._show(Page(ids=(), rows=(), has_more=False))
        else:
            self.reload()
        self._update_buttons()

    def reload(self) -> None:
        if self.organization is None:
            return
        self._loads.advance()
        query = ListQuery(filters={"organization_id": self.organization.id}, limit=MOST)
        self.ctx.ops.query(list_opportunities, self.ctx.db, query).discard_if_stale(
            self._loads
        ).success(self._show).run()

    def _show(self, page: Page) -> None:
        rows = []
        for record_id, (title, _organization, center, _place, wanted, status) in zip(
            page.ids, page.rows, strict=True
        ):
            rows.append(
                Row(
                    record_id,
                    (title, center, format_int(wanted), enum_label(OpportunityStatus, status)),
                    numeric=frozenset({2}),
                )
            )
        self.table.rows_model.set_rows(rows)
        if self._select_after is not None:
            self.table.select_id(self._select_after)
            self._select_after = None
        self._update_buttons()
        self.count_changed.emit(len(rows))

    @Slot()
    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self.organization is not None)
        self.open_button.setEnabled(self.table.current_id() is not None)

    @Slot(QModelIndex)
    def _row_activated(self, _index: QModelIndex) -> None:
        self.open_current()

    @Slot()
    def new_opportunity(self) -> None:
        if self.organization is None:
            return
        centers = self.organization.center_ids
        self._open_dialog(None, centers[0] if centers else None)

    @Slot()
    def open_current(self) -> None:
        opportunity_id = self.table.current_id()
        if opportunity_id is not None:
            self._open_dialog(opportunity_id, None)

    def _open_dialog(self, opportunity_id: int | None, center_id: int | None) -> None:
        assert self.organization is not None
        self.dialog = OpportunityDialog(
            self.ctx,
            opportunity_id=opportunity_id,
            organization_id=self.organization.id,
            organization_name=self.organization.name,
            default_center_id=center_id,
            parent=self,
        )
        self.dialog.saved.connect(self._saved)
        self.dialog.placement_created.connect(self.placement_created)
        self.dialog.open()

    @Slot(object)
    def _saved(self, record: OpportunityRecord) -> None:
        self._select_after = record.id
        self.reload()
