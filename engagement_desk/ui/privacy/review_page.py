"""Überprüfung: people due for a retention review, and anonymising several at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.privacy.anonymize import (
    BulkPreview,
    BulkResult,
    anonymize_people,
    preview_bulk,
)
from engagement_desk.services.privacy.review import (
    DEFAULT_YEARS,
    MAX_YEARS,
    MIN_YEARS,
    ReviewEntry,
    retention_review,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.tables import SelectionMode, setup_row_table

YEARS_KEY = "privacy/review_years"
LISTED = 10
Index = QModelIndex | QPersistentModelIndex


class ReviewModel(QAbstractTableModel):
    """The review list: number, name, status, reason."""

    COLUMNS = ("id", "name", "status", "reason")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[ReviewEntry] = []

    def set_entries(self, entries: list[ReviewEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "id":
                return str(entry.person_id)
            if column == "name":
                return entry.name
            if column == "status":
                return enum_label(PersonStatus, entry.status)
            return entry.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason":
            return "\n".join(entry.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("No."), self.tr("Name"), self.tr("Status"), self.tr("Reason"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.entries:
            self.dataChanged.emit(
                self.index(0, 2),
                self.index(len(self.entries) - 1, 2),
                [Qt.ItemDataRole.DisplayRole],
            )


class ReviewPage(Retranslatable, QWidget):
    """The list of ``retention_review``, a years spin box and the bulk anonymisation."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("privacy_review_page")
        self._generation = Generation()
        self._loading = False
        self._loaded = False
        self.last_preview: BulkPreview | None = None

        self.years_label = QLabel()
        self.years = QSpinBox()
        self.years.setObjectName("review_years")
        self.years.setRange(MIN_YEARS, MAX_YEARS)
        self.years.setValue(_stored_years(ctx))
        self.years.valueChanged.connect(self._years_changed)
        self.years_label.setBuddy(self.years)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("review_refresh")
        self.refresh_button.clicked.connect(self.load)
        self.anonymize_button = QPushButton()
        self.anonymize_button.setObjectName("review_anonymize")
        self.anonymize_button.setEnabled(False)
        self.anonymize_button.clicked.connect(self.anonymize_selected)
        guard_each(ctx, Capability.PRIVACY, self.anonymize_button)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("review_count")

        self.model = ReviewModel(self)
        self.table = QTableView()
        setup_row_table(self.table, "review_table", SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 220)
        header.resizeSection(2, 110)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        top = QHBoxLayout()
        top.addWidget(self.years_label)
        top.addWidget(self.years)
        top.addWidget(self.refresh_button)
        top.addSpacing(18)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.anonymize_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    # --- loading -----------------------------------------------------------

    @Slot()
    def load(self) -> None:
        self._generation.advance()
        self._loading = True
        self.status_changed.emit()
        self.ctx.ops.query(retention_review, self.ctx.db, self.years.value()).discard_if_stale(
            self._generation
        ).success(self._show).failure(self._failed).run()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def _show(self, entries: list[ReviewEntry]) -> None:
        self._loading = False
        self._loaded = True
        self.model.set_entries(entries)
        self._update_count()
        self._selection_changed()
        self.status_changed.emit()

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.status_changed.emit()
        self.ctx.ops.show_error(error, self)

    @Slot(int)
    def _years_changed(self, years: int) -> None:
        self.ctx.settings.setValue(YEARS_KEY, years)
        self._update_explanation()
        self.load()

    # --- selection and the bulk action ---------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.entries[row].person_id for row in rows]

    @Slot()
    def _selection_changed(self) -> None:
        self.anonymize_button.setEnabled(bool(self.selected_ids()))
        self._update_count()

    @Slot()
    def anonymize_selected(self) -> None:
        """Preview the selected people, ask, then anonymise them with progress and cancel."""
        ids = self.selected_ids()
        if not ids:
            return
        self.ctx.ops.query(preview_bulk, self.ctx.db, ids).success(self._bulk_previewed).run()

    def _bulk_previewed(self, preview: BulkPreview) -> None:
        self.last_preview = preview
        blocked = [
            f"{p.name or p.new_name}: {' '.join(p.blockers)}" for p in preview.blocked[:LISTED]
        ]
        if len(preview.blocked) > LISTED:
            more = len(preview.blocked) - LISTED
            blocked.append(_dotted(self.tr("… and %n more", "", more), more))
        count = len(preview.possible)
        title = self.tr("Anonymize")
        if not count:
            none = self.tr("None of the selected people can be anonymized yet:")
            self.ctx.dialogs.inform(self, title, "\n".join([none, *blocked]))
            return
        lines = [
            _dotted(
                self.tr(
                    "The personal data of %n people will be erased for good (Art. 17 GDPR); "
                    "hours, rides, attendance and placements stay in the statistics. "
                    "This cannot be undone.",
                    "",
                    count,
                ),
                count,
            )
        ]
        if blocked:
            lines += ["", self.tr("Not possible yet for:"), *blocked]
        lines += ["", self.tr("Anonymize now?")]
        if not self.ctx.dialogs.ask(self, title, "\n".join(lines)):
            return
        ids = [p.person_id for p in preview.possible]
        self.ctx.ops.write(anonymize_people, self.ctx.db, ids).with_progress(
            self, self.tr("Anonymizing …")
        ).success(self._bulk_done).failure(self._bulk_failed).run()

    def _bulk_done(self, result: BulkResult) -> None:
        count = len(result.anonymized)
        self.load()
        self.ctx.dialogs.inform(
            self,
            self.tr("Anonymized"),
            _dotted(self.tr("%n people were anonymized.", "", count), count),
        )

    def _bulk_failed(self, error: Exception) -> None:
        # After a cancel the people done so far stay anonymised: show the list as it is now.
        self.load()
        self.ctx.ops.show_error(error, self)

    # --- texts -------------------------------------------------------------

    def _update_count(self) -> None:
        if not self._loaded:
            self.count_label.setText("")
            return
        total = len(self.model.entries)
        selected = len(self.selected_ids())
        text = _dotted(self.tr("%n people to review", "", total), total)
        if selected:
            text += " · " + _dotted(self.tr("%n selected", "", selected), selected)
        self.count_label.setText(text)

    def _update_explanation(self) -> None:
        self.explanation.setText(
            self.tr(
                "People without any activity for %1 years, whose consent to storage was "
                "withdrawn, or archived and unchanged for %1 years. Anonymised people are "
                "not listed."
            ).replace("%1", str(self.years.value()))
        )

    def retranslate_ui(self) -> None:
        self.years_label.setText(self.tr("&Retention period (years):"))
        self.years.setAccessibleName(self.tr("Retention period in years"))
        self.refresh_button.setText(self.tr("Re&load"))
        self.anonymize_button.setText(self.tr("&Anonymize …"))
        self.table.setAccessibleName(self.tr("People to review"))
        self._update_explanation()
        self._update_count()
        self.model.retranslate()

    def status_text(self) -> str:
        return self.tr("Reviewing …") if self._loading else ""


def _dotted(text: str, count: int) -> str:
    """A plural text with its number as Qt put it in (plain) given the German thousands dot."""
    return text.replace(str(count), format_int(count), 1)


def _stored_years(ctx: AppContext) -> int:
    try:
        value = int(ctx.settings.value(YEARS_KEY, DEFAULT_YEARS))
    except (TypeError, ValueError):
        return DEFAULT_YEARS
    return min(max(value, MIN_YEARS), MAX_YEARS)
