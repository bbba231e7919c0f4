"""The list panel every list tab is made of: search field, filter combos, table, count.

A tab describes its list with a ``ListSpec`` (service functions, columns,
filters, how enum values read) and gets a ``ListPanel``; typing and choosing
filters change the model's ``ListQuery`` and the service does the work in SQL.
``ListSpec.tables`` names the tables the list shows: when another workstation
changes one of them, the rows are reloaded in place (``ui.live_updates``),
keeping the selected record and the scroll position.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.listing import Column
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import column_title, enum_label
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.widgets.flow_layout import FlowLayout, filter_group
from engagement_desk.ui.widgets.sql_table_model import Count, Fetch, SqlTableModel
from engagement_desk.ui.widgets.tables import setup_row_table

SEARCH_DELAY_MS = 150
MAX_ROWS_TO_FIND = 2000  # how far ``show_record`` loads a list before it gives up
DEFAULT_COLUMN_CHARS = 14
MAX_COLUMN_CHARS = 40
COMBO_MIN_WIDTH = 80
SEARCH_WIDTH = 220
SEARCH_MAX_WIDTH = 340
COMBO_MAX_WIDTH = 260


@dataclass(frozen=True)
class FilterOption:
    """One entry of a filter combo: its text and the filters it puts into the query."""

    label: Callable[[], str]
    filters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FilterSpec:
    """A filter combo. The first option should restrict nothing ("All …")."""

    name: str
    label: Callable[[], str]
    options: tuple[FilterOption, ...]
    default: int = 0


def enum_filter(
    key: str,
    enum_class: type[StrEnum],
    label: Callable[[], str],
    all_label: Callable[[], str],
) -> FilterSpec:
    """A combo offering every member of ``enum_class`` for the service filter ``key``."""
    options = [FilterOption(all_label)] + [
        FilterOption(_enum_text(enum_class, member), {key: member.value}) for member in enum_class
    ]
    return FilterSpec(key, label, tuple(options))


def _enum_text(enum_class: type[StrEnum], member: StrEnum) -> Callable[[], str]:
    return lambda: enum_label(enum_class, member)


@dataclass(frozen=True)
class ListSpec:
    """Everything a ``ListPanel`` needs to know about one list."""

    name: str
    fetch: Fetch
    columns: Sequence[Column]
    accessible_name: Callable[[], str]
    search_placeholder: Callable[[], str]
    count: Count | None = None
    filters: Sequence[FilterSpec] = ()
    value_labels: Mapping[str, Callable[[Any], str]] = field(default_factory=dict)
    column_widths: Mapping[str, int] = field(default_factory=dict)  # in average characters
    sort_key: str | None = None
    descending: bool = False
    stretch_key: str | None = None  # the column that takes spare width; default: the last
    empty_text: Callable[[], str] | None = None  # shown when the list has no entries at all
    tables: Sequence[str] = ()  # what it shows: a change elsewhere to one reloads the list


class ListPanel(Retranslatable, QWidget):
    """Search, filters, the table and its count; emits ``activated(record_id)``."""

    activated = Signal(int)
    status_changed = Signal()
    filters_changed = Signal()

    def __init__(self, ctx: AppContext, spec: ListSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.setObjectName(f"{spec.name}_panel")

        self.search = QLineEdit()
        self.search.setObjectName(f"{spec.name}_search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_WIDTH)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_entered)

        # Search and filters wrap to a second line rather than overlap in a narrow list.
        self.filter_bar = QWidget()
        self.filter_bar.setObjectName(f"{spec.name}_filter_bar")
        top = FlowLayout(self.filter_bar)
        top.addWidget(self.search)
        self._filter_labels: dict[str, QLabel] = {}
        self._combos: dict[str, QComboBox] = {}
        self._options: dict[str, tuple[FilterOption, ...]] = {}
        for filter_spec in spec.filters:
            label = QLabel()
            combo = QComboBox()
            combo.setObjectName(f"{spec.name}_{filter_spec.name}_filter")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # As wide as the longest choice, but a narrow window may squeeze it.
            combo.setMinimumWidth(COMBO_MIN_WIDTH)
            combo.setMaximumWidth(COMBO_MAX_WIDTH)
            label.setBuddy(combo)
            self._filter_labels[filter_spec.name] = label
            self._combos[filter_spec.name] = combo
            self._options[filter_spec.name] = filter_spec.options
            for option in filter_spec.options:
                combo.addItem(option.label())
            combo.setCurrentIndex(filter_spec.default)
            combo.currentIndexChanged.connect(self._apply_filters)
            top.addWidget(filter_group(label, combo))
        self._tools_box = QWidget()
        self._tools = QHBoxLayout(self._tools_box)
        self._tools.setContentsMargins(0, 0, 0, 0)
        self._tools_box.hide()
        top.addWidget(self._tools_box)

        self.model = SqlTableModel(
            ctx.ops,
            spec.fetch,
            spec.columns,
            count=spec.count,
            value_labels=spec.value_labels,
            sort_key=spec.sort_key,
            descending=spec.descending,
            filters=self.current_filters(),
            parent=self,
        )
        self.table = _table_view(spec.name)
        self._fitted_widths: list[int] = []
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        sort_column = self.model.column_index(self.model.query.sort_key or spec.columns[0].key)
        header.setSortIndicator(
            sort_column,
            Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        if spec.stretch_key is not None:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(
                self.model.column_index(spec.stretch_key), QHeaderView.ResizeMode.Stretch
            )
        self.table.activated.connect(self._row_activated)

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName(f"{spec.name}_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.count_label = QLabel()
        self.count_label.setObjectName(f"{spec.name}_count")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.model.rows_loaded.connect(self._update_count)
        self.model.rows_loaded.connect(self._fit_columns_once)
        self.model.count_changed.connect(self._update_count)
        self.model.loading_changed.connect(self._update_count)
        self._wanted_id: int | None = None
        self.model.rows_loaded.connect(self._look_for_wanted)
        self._scroll_before: tuple[int, int] | None = None
        self.model.layoutAboutToBeChanged.connect(self._remember_scroll)
        self.model.layoutChanged.connect(self._restore_scroll)
        self.follower = follow_changes(ctx, self, spec.tables, self.model.reload_in_place)
        self.retranslate_ui()
        self.model.refresh()

    # --- texts -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.spec.search_placeholder())
        placeholder = self.search.fontMetrics().horizontalAdvance(self.spec.search_placeholder())
        self.search.setMinimumWidth(min(max(SEARCH_WIDTH, placeholder + 40), SEARCH_MAX_WIDTH))
        self.search.setAccessibleName(self.spec.search_placeholder())
        self.table.setAccessibleName(self.spec.accessible_name())
        for filter_spec in self.spec.filters:
            text = filter_spec.label()
            self._filter_labels[filter_spec.name].setText(f"{text}:")
            combo = self._combos[filter_spec.name]
            combo.setAccessibleName(text)
            for i, option in enumerate(self._options[filter_spec.name]):
                combo.setItemText(i, option.label())
        self.model.retranslate()
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Each column as wide as its title and the rows in view (a sample, never all rows);
        before the first rows arrive, as wide as the spec's typical number of characters."""
        header = self.table.horizontalHeader()
        char = self.table.fontMetrics().averageCharWidth()
        header_metrics = header.fontMetrics()
        sample = self.model.rowCount() > 0
        self._fitted_widths = []
        for i, column in enumerate(self.spec.columns):
            title = header_metrics.horizontalAdvance(column_title(column)) + 36
            if sample:
                content = self.table.sizeHintForColumn(i)
            else:
                content = self.spec.column_widths.get(column.key, DEFAULT_COLUMN_CHARS) * char + 16
            self._fitted_widths.append(max(title, min(content, MAX_COLUMN_CHARS * char)))
            header.resizeSection(i, self._fitted_widths[i])
        self._stretch_if_room()

    def _stretch_if_room(self) -> None:
        """The stretch column takes spare width, but never shrinks below its content: when
        the columns do not fit (a narrow window, an open editor) the list scrolls instead."""
        if self.spec.stretch_key is None or not self._fitted_widths:
            return
        header = self.table.horizontalHeader()
        stretch = self.model.column_index(self.spec.stretch_key)
        room = sum(self._fitted_widths) <= self.table.viewport().width()
        mode = QHeaderView.ResizeMode.Stretch if room else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(stretch) != mode:
            header.setSectionResizeMode(stretch, mode)
            if not room:
                header.resizeSection(stretch, self._fitted_widths[stretch])

    @Slot()
    def _fit_columns_once(self) -> None:
        """On the first rows only: after that the widths are the user's."""
        if self.model.rowCount() > 0:
            self.model.rows_loaded.disconnect(self._fit_columns_once)
            self._fit_columns()

    def status_text(self) -> str:
        total = self.model.total
        if total is None:
            if self.model.is_loading and not self.model.rowCount():
                return self.tr("Loading …")
            total = self.model.rowCount()
            if self.model.has_more:
                return self.tr("More than %1 entries").replace("%1", format_int(total))
        if total == 1:
            return self.tr("1 entry")
        return self.tr("%1 entries").replace("%1", format_int(total))

    @Slot()
    def _update_count(self) -> None:
        self.count_label.setText(self.status_text())
        self._update_empty_text()
        self.status_changed.emit()

    def _update_empty_text(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.is_loading
        if empty:
            if self.model.query.text or self.model.query.filters:
                text = self.tr("Nothing matches the search and filters.")
            elif self.spec.empty_text is not None:
                text = self.spec.empty_text()
            else:
                text = self.tr("No entries yet.")
            self.empty_label.setText(text)
            self.empty_label.setGeometry(self.table.viewport().rect())
        self.empty_label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
            self._stretch_if_room()
        return super().eventFilter(watched, event)

    # --- reloads in place keep the view where it was --------------------

    @Slot()
    def _remember_scroll(self) -> None:
        self._scroll_before = (
            self.table.verticalScrollBar().value(),
            self.table.horizontalScrollBar().value(),
        )

    @Slot()
    def _restore_scroll(self) -> None:
        if self._scroll_before is not None:
            vertical, horizontal = self._scroll_before
            self._scroll_before = None
            self.table.verticalScrollBar().setValue(vertical)
            self.table.horizontalScrollBar().setValue(horizontal)

    # --- search and filters ----------------------------------------------

    @Slot()
    def _apply_search(self) -> None:
        self.model.set_text(self.search.text().strip())

    @Slot()
    def _search_entered(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def current_filters(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for name, combo in self._combos.items():
            index = max(combo.currentIndex(), 0)
            merged.update(self._options[name][index].filters)
        return merged

    @Slot()
    def _apply_filters(self) -> None:
        self.model.set_filters(self.current_filters())
        self.filters_changed.emit()

    def combo(self, name: str) -> QComboBox:
        return self._combos[name]

    def select_filters(self, filters: Mapping[str, Any]) -> None:
        """Choose in each filter the option that ``filters`` holds ("All …" if none),
        e.g. for a saved filter; the list reloads once."""
        for name, combo in self._combos.items():
            options = self._options[name]
            index = next(
                (
                    i
                    for i, option in enumerate(options)
                    if option.filters
                    and all(filters.get(k) == v for k, v in option.filters.items())
                ),
                0,
            )
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._apply_filters()

    def set_filter_options(self, name: str, options: Sequence[FilterOption]) -> None:
        """Replace the choices after the first ("All …"), e.g. once the centres are loaded."""
        combo = self._combos[name]
        current = self._options[name][max(combo.currentIndex(), 0)].filters
        self._options[name] = (self._options[name][0], *options)
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for option in options:
                combo.addItem(option.label())
            index = next((i for i, o in enumerate(self._options[name]) if o.filters == current), 0)
            combo.setCurrentIndex(index)
        finally:
            combo.blockSignals(False)
        self._apply_filters()

    def load_filter_options(
        self, name: str, fn: Callable[..., Sequence[FilterOption]], *args: Any
    ) -> None:
        """Fill a combo from the database: ``fn(*args)`` runs off the GUI thread."""
        fill = functools.partial(self.set_filter_options, name)
        self.ctx.ops.query(fn, *args).success(fill).run()

    def add_tool(self, widget: QWidget) -> None:
        """Put a button (e.g. "New …") after the search and filters."""
        self._tools.addWidget(widget)
        self._tools_box.show()

    # --- the tab protocol ------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        self.model.refresh()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    # --- showing one record --------------------------------------------

    def show_record(self, record_id: int, search_text: str = "") -> None:
        """Select the row of ``record_id`` and scroll to it.

        A record not among the loaded rows is looked for with all filters
        cleared and ``search_text`` (e.g. the record's name) in the search
        field, loading further batches as needed.
        """
        self._wanted_id = None
        if self._select_record(record_id):
            return
        for combo in self._combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(search_text)
        self.search.blockSignals(False)
        self.model.set_filters(self.current_filters())
        self.model.set_text(search_text.strip())
        self.filters_changed.emit()
        self._wanted_id = record_id
        self._look_for_wanted()

    @Slot()
    def _look_for_wanted(self) -> None:
        wanted = self._wanted_id
        if wanted is None or self.model.is_loading:
            return
        if self._select_record(wanted):
            self._wanted_id = None
        elif self.model.has_more and self.model.rowCount() < MAX_ROWS_TO_FIND:
            self.model.fetchMore()
        else:
            self._wanted_id = None

    def _select_record(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot(QModelIndex)
    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.record_id(index.row()))


def _table_view(name: str) -> QTableView:
    table = QTableView()
    setup_row_table(table, f"{name}_table", QAbstractItemView.SelectionMode.ExtendedSelection)
    table.horizontalHeader().setSortIndicatorShown(True)
    return table
