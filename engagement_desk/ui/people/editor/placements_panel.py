"""A person's placements (Vermittlungen): each with its dated steps, a new one, the next step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import PlacementStatus
from engagement_desk.services.organizations.matching import Match, opportunities_for_person
from engagement_desk.services.organizations.placements import (
    PlacementRecord,
    allowed_next,
    placements_of_person,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.people.editor.form_grid import heading_label
from engagement_desk.ui.people.editor.placement_dialogs import NewPlacementDialog, NextStepDialog

PLACEMENT_ROLE = Qt.ItemDataRole.UserRole


class PlacementsPanel(Retranslatable, QWidget):
    """The placements tree with "New placement …" and "Next step …"."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_placements")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.can_place = False
        self.placements: list[PlacementRecord] = []
        self.dialog: QDialog | None = None
        self._generation = Generation()

        self.title = heading_label()
        self.tree = QTreeWidget()
        self.tree.setObjectName("placements_tree")
        self.tree.setColumnCount(4)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(self.next_step)
        self.title.setBuddy(self.tree)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_placement")
        self.new_button.clicked.connect(self.new_placement)
        self.next_button = QPushButton()
        self.next_button.setObjectName("next_step")
        self.next_button.clicked.connect(self.next_step)
        guard_each(ctx, Capability.EDIT_RECORDS, self.new_button, self.next_button)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        follow_changes(ctx, self, ("placement", "placement_step"), self.reload)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("&Placements"))
        self.tree.setAccessibleName(self.tr("Placements"))
        self.tree.setHeaderLabels(
            [
                self.tr("Opportunity / step"),
                self.tr("Status"),
                self.tr("Date"),
                self.tr("Call back"),
            ]
        )
        self.new_button.setText(self.tr("New placement …"))
        self.next_button.setText(self.tr("Next step …"))
        self.hint.setText(
            self.tr("Interest → first talk → proposed → active → ended; declined at any open step.")
        )
        self.show_placements(self.placements)

    # --- loading ----------------------------------------------------------------

    def set_person(self, person_id: int | None, name: str = "", *, can_place: bool = True) -> None:
        """Show the placements of ``person_id`` (None: a person not saved yet)."""
        self.person_id = person_id
        self.person_name = name
        self.can_place = can_place
        self._generation.advance()
        self.show_placements([])
        if person_id is not None:
            self.reload()
        self._update_buttons()

    def reload(self) -> None:
        if self.person_id is None:
            return
        self.ctx.ops.query(placements_of_person, self.ctx.db, self.person_id).discard_if_stale(
            self._generation
        ).success(self.show_placements).run()

    def show_placements(self, placements: Sequence[PlacementRecord]) -> None:
        current = self.current_placement()
        self.placements = list(placements)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for placement in self.placements:
            item = QTreeWidgetItem(
                [
                    f"{placement.opportunity_title} – {placement.organization_name}",
                    enum_label(PlacementStatus, placement.status),
                    format_date(placement.steps[-1].on_date) if placement.steps else "",
                    format_date(placement.follow_up_on),
                ]
            )
            item.setData(0, PLACEMENT_ROLE, placement.id)
            item.setFont(0, bold)
            for step in placement.steps:
                child = QTreeWidgetItem(
                    [step.note, enum_label(PlacementStatus, step.status), format_date(step.on_date)]
                )
                child.setData(0, PLACEMENT_ROLE, placement.id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(allowed_next(placement.status)))
            if current is not None and placement.id == current.id:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def current_placement(self) -> PlacementRecord | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        placement_id = item.data(0, PLACEMENT_ROLE)
        return next((p for p in self.placements if p.id == placement_id), None)

    def select_placement(self, placement_id: int) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, PLACEMENT_ROLE) == placement_id:
                self.tree.setCurrentItem(item)

    @Slot()
    def _update_buttons(self) -> None:
        saved = self.person_id is not None
        self.new_button.setEnabled(saved and self.can_place)
        current = self.current_placement()
        self.next_button.setEnabled(
            saved and current is not None and bool(allowed_next(current.status))
        )

    # --- actions ----------------------------------------------------------------

    @Slot()
    def new_placement(self) -> None:
        if self.person_id is None:
            return
        self.ctx.ops.query(opportunities_for_person, self.ctx.db, self.person_id).success(
            self._offer
        ).run()

    def _offer(self, suggestions: Sequence[Match]) -> None:
        if self.person_id is None:
            return
        dialog = NewPlacementDialog(
            self.ctx, self.person_id, self.person_name, suggestions, self.window()
        )
        self._open(dialog)

    @Slot()
    def next_step(self) -> None:
        current = self.current_placement()
        if current is None or not allowed_next(current.status):
            return
        self._open(NextStepDialog(self.ctx, current, self.window()))

    def _open(self, dialog: NewPlacementDialog | NextStepDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    @Slot(object)
    def _saved(self, record: PlacementRecord | None) -> None:
        self.reload()
        if record is not None:
            self.select_placement(record.id)
        self.changed.emit()

    @Slot()
    def _closed(self) -> None:
        self.dialog = None
