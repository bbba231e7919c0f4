"""Engagement-Zentren: the list, the chosen centre's form and what belongs to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import RecordStatus
from engagement_desk.services.organizations.centers import CenterRecord, list_centers
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.organizations.centre_editor import CenterEditor
from engagement_desk.ui.organizations.centre_overview import CenterOverviewPanel

CENTER_ID_ROLE = Qt.ItemDataRole.UserRole
LIST_WIDTH = 240


class CentresPage(Retranslatable, QWidget):
    status_changed = Signal()
    centers_changed = Signal(object)  # all centres (archived too), after one was saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("centres_page")
        self.centers: list[CenterRecord] = []
        self._syncing = False

        self.list_title = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("centres_admin_list")
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_title.setBuddy(self.list)
        self.list.currentRowChanged.connect(self._row_changed)
        self.show_archived = QCheckBox()
        self.show_archived.setObjectName("show_archived_centres")
        self.show_archived.toggled.connect(self.refresh)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_centre")
        guard_each(ctx, Capability.EDIT_RECORDS, self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.show_archived)
        left_layout.addWidget(self.new_button)

        self.editor = CenterEditor(ctx)
        self.new_button.clicked.connect(self.editor.request_new)
        self.overview = CenterOverviewPanel(ctx)
        self.overview.set_center(None)
        self.editor.shown.connect(self._editor_shown)
        self.editor.saved.connect(self._saved)
        self.editor.navigation_cancelled.connect(self._select_editor_record)
        self.addAction(self.editor.save_action)
        self.addAction(self.editor.new_action)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.overview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([LIST_WIDTH, 480, 540])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.list, self.show_archived)
        QWidget.setTabOrder(self.show_archived, self.new_button)
        follow_changes(ctx, self, ("center",), self.reload_list)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.list_title.setText(self.tr("Engagement centres"))
        self.list.setAccessibleName(self.tr("Engagement centres"))
        self.show_archived.setText(self.tr("Sho&w archived ones"))
        self.new_button.setText(self.tr("&New centre"))
        self.new_button.setToolTip(self.tr("Create a new centre (Ctrl+N)"))
        if self.centers:
            self._show_centers(self.centers)

    def status_text(self) -> str:
        count = sum(c.status == RecordStatus.ACTIVE for c in self.centers)
        if count == 1:
            return self.tr("1 centre")
        return self.tr("%Ln centre(s)", "", count)

    def focus_search(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(
            list_centers, self.ctx.db, include_archived=self.show_archived.isChecked()
        ).success(self._show_centers).run()
        if self.editor.record is not None and not self.editor.is_dirty():
            self.editor.open_record(self.editor.record.id)

    def reload_list(self) -> None:
        """The list only (changed elsewhere): the editor keeps what is typed in it."""
        self.ctx.ops.query(
            list_centers, self.ctx.db, include_archived=self.show_archived.isChecked()
        ).success(self._show_centers).run()

    def _show_centers(self, centers: Sequence[CenterRecord]) -> None:
        scrolled = self.list.verticalScrollBar().value()
        self.centers = list(centers)
        self._syncing = True
        try:
            self.list.clear()
            archived_color = self.palette().color(QPalette.ColorRole.PlaceholderText)
            for center in self.centers:
                item = QListWidgetItem(center.name)
                item.setData(CENTER_ID_ROLE, center.id)
                item.setToolTip(f"{center.name}\n{center.theme}" if center.theme else center.name)
                if center.status == RecordStatus.ARCHIVED:
                    item.setText(self.tr("%1 (archived)").replace("%1", center.name))
                    item.setForeground(archived_color)
                self.list.addItem(item)
        finally:
            self._syncing = False
        self._select_editor_record()
        self.list.verticalScrollBar().setValue(scrolled)
        self.status_changed.emit()

    @Slot(int)
    def _row_changed(self, row: int) -> None:
        if self._syncing or row < 0:
            return
        center_id = self.list.item(row).data(CENTER_ID_ROLE)
        self.editor.request_open(center_id)

    @Slot()
    def _select_editor_record(self) -> None:
        wanted = self.editor.record_id
        self._syncing = True
        try:
            for row in range(self.list.count()):
                if self.list.item(row).data(CENTER_ID_ROLE) == wanted:
                    self.list.setCurrentRow(row)
                    break
            else:
                self.list.setCurrentRow(-1)
        finally:
            self._syncing = False

    @Slot(object)
    def _editor_shown(self, record: CenterRecord | None) -> None:
        self.overview.set_center(record.id if record is not None else None)
        self._select_editor_record()

    @Slot(object)
    def _saved(self, _record: CenterRecord) -> None:
        self.ctx.ops.query(
            list_centers, self.ctx.db, include_archived=self.show_archived.isChecked()
        ).success(self._show_centers).run()
        self.ctx.ops.query(list_centers, self.ctx.db, include_archived=True).success(
            self._all_centers_loaded
        ).run()

    def _all_centers_loaded(self, centers: list[CenterRecord]) -> None:
        self.centers_changed.emit(centers)

    def open_center(self, center_id: int) -> None:
        self.editor.request_open(center_id)
