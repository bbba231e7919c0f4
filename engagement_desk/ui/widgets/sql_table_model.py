"""A table model over a list service: rows in batches, sorted and filtered in SQL.

The model never sorts or filters itself (calibre): ``sort()``, ``set_text()``
and ``set_filters()`` make a new ``ListQuery`` and ask the service again. Rows
arrive in batches of ``BATCH_SIZE`` through ``canFetchMore``/``fetchMore``
(Spyder), each batch fetched by ``ops.query`` off the GUI thread and found by
keyset paging (after the last row's sort key, ``ListQuery.after``). A new query
keeps showing the old rows until its first page arrives, then resets the
model; answers to older queries are dropped (``Generation``) and their running
statements cancelled (``Canceller``), so a fast typist never waits for the
queries of the letters before. The count is asked only once the rows are
there: it never delays them, and the label says "more than …" until it comes.

``reload_in_place()`` (another workstation changed the rows) asks again for
as many rows as are loaded and puts the answer in place as a layout change:
views keep the selected records and the current one by id, nothing is reset.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from engagement_desk.cancelling import Canceller
from engagement_desk.services.listing import Column, ListQuery, Page
from engagement_desk.ui.formatting import format_value, is_numeric, join_values
from engagement_desk.ui.labels import column_title
from engagement_desk.ui.operations import Generation, Operations

log = logging.getLogger(__name__)

BATCH_SIZE = 200
MAX_RELOAD_ROWS = 5000  # a reload in place asks for at most this many rows
ID_ROLE = Qt.ItemDataRole.UserRole
RAW_ROLE = Qt.ItemDataRole.UserRole + 1

Fetch = Callable[[ListQuery], Page]
Count = Callable[[ListQuery], int]
AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class SqlTableModel(QAbstractTableModel):
    """Rows of one list service. ``UserRole`` (``ID_ROLE``) gives a row's record id."""

    rows_loaded = Signal(int)  # rows now loaded, after every page
    count_changed = Signal(int)  # total rows matching the query, when ``count`` is given
    loading_changed = Signal(bool)

    def __init__(
        self,
        ops: Operations,
        fetch: Fetch,
        columns: Sequence[Column],
        *,
        count: Count | None = None,
        value_labels: Mapping[str, Callable[[Any], str]] | None = None,
        sort_key: str | None = None,
        descending: bool = False,
        filters: Mapping[str, Any] | None = None,
        batch_size: int = BATCH_SIZE,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._ops = ops
        self._fetch = fetch
        self._count = count
        self.columns = tuple(columns)
        self._labels = dict(value_labels or {})
        self._batch_size = batch_size
        self._query = ListQuery(
            filters={k: v for k, v in (filters or {}).items() if v is not None},
            sort_key=sort_key if sort_key is not None else self.columns[0].key,
            descending=descending,
            limit=batch_size,
        )
        self._ids: list[int] = []
        self._rows: list[tuple[Any, ...]] = []
        self._has_more = False
        self._last_key: tuple[Any, ...] | None = None
        self._loading = False
        self._generation = Generation()
        self._cancellers: list[Canceller] = []
        self._reload_waiting = False
        self.total: int | None = None

    # --- the query -------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._has_more

    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self._query = dataclasses.replace(self._query, text=text)
            self.refresh()

    def set_filters(self, filters: Mapping[str, Any]) -> None:
        cleaned = {k: v for k, v in filters.items() if v is not None}
        if cleaned != dict(self._query.filters):
            self._query = dataclasses.replace(self._query, filters=cleaned)
            self.refresh()

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        key = self.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort_key, self._query.descending):
            self._query = dataclasses.replace(self._query, sort_key=key, descending=descending)
            self.refresh()

    def refresh(self) -> None:
        """Ask again from the first row; the rows shown stay until the answer is there."""
        self._advance()
        self._reload_waiting = False
        self._set_loading(True)
        first = dataclasses.replace(self._query, offset=0, limit=self._batch_size)
        self._ops.query(self._cancellable(), self._fetch, first).discard_if_stale(
            self._generation
        ).success(self._replace_rows).failure(self._failed).run()

    def _advance(self) -> None:
        """Answers on their way are stale from now on: drop them and stop their statements."""
        self._generation.advance()
        for canceller in self._cancellers:
            canceller.cancel()
        self._cancellers.clear()

    def _cancellable(self) -> Callable[..., Any]:
        canceller = Canceller()
        self._cancellers.append(canceller)
        return canceller.run

    def _ask_count(self, query: ListQuery) -> None:
        if self._count is not None:
            self._ops.query(self._cancellable(), self._count, query).discard_if_stale(
                self._generation
            ).success(self._counted).failure(self._count_failed).run()

    def reload_in_place(self) -> None:
        """Ask again for the rows loaded now and show them without a reset (keeps selection)."""
        if self._loading:
            # The answer on its way may predate the change: reload once it is in.
            self._reload_waiting = True
            return
        self._advance()
        self._set_loading(True)
        loaded = max(len(self._rows), self._batch_size)
        limit = min(-(-loaded // self._batch_size) * self._batch_size, MAX_RELOAD_ROWS)
        query = dataclasses.replace(self._query, offset=0, limit=limit)
        self._ops.query(self._cancellable(), self._fetch, query).discard_if_stale(
            self._generation
        ).success(self._merge_rows).failure(self._reload_failed).run()
        self._ask_count(query)

    def _merge_rows(self, page: Page) -> None:
        ids, rows = list(page.ids), list(page.rows)
        if ids != self._ids or rows != self._rows:
            self.layoutAboutToBeChanged.emit()
            positions = {record_id: row for row, record_id in enumerate(ids)}
            persistent = self.persistentIndexList()
            moved = [
                (positions.get(self._ids[index.row()]), index.column())
                if index.row() < len(self._ids)
                else (None, 0)
                for index in persistent
            ]
            self._ids, self._rows = ids, rows
            self.changePersistentIndexList(
                persistent,
                [
                    QModelIndex() if row is None else self.index(row, column)
                    for row, column in moved
                ],
            )
            self.layoutChanged.emit()
        self._has_more = page.has_more
        self._last_key = page.last_key
        self._set_loading(False)
        self.rows_loaded.emit(len(self._rows))

    def _reload_failed(self, error: Exception) -> None:
        # Nobody asked for this reload: the rows shown stay, the next change tries again.
        log.info("list reload after a change elsewhere failed: %s", error)
        self._set_loading(False)

    # --- answers from the service ----------------------------------------

    def _replace_rows(self, page: Page) -> None:
        self.beginResetModel()
        self._ids = list(page.ids)
        self._rows = list(page.rows)
        self._has_more = page.has_more
        self._last_key = page.last_key
        # The total of the query before is wrong now; a short list is its own count.
        self.total = None if page.has_more else len(self._rows)
        self.endResetModel()
        if page.has_more:
            self._ask_count(dataclasses.replace(self._query, offset=0, limit=self._batch_size))
        self._set_loading(False)
        self.rows_loaded.emit(len(self._rows))
        if not page.has_more and self._count is not None:
            self.count_changed.emit(len(self._rows))

    def _append_rows(self, page: Page) -> None:
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._ids.extend(page.ids)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._has_more = page.has_more
        self._last_key = page.last_key
        self._set_loading(False)
        self.rows_loaded.emit(len(self._rows))

    def _counted(self, total: int) -> None:
        self.total = total
        self.count_changed.emit(total)

    def _failed(self, error: Exception) -> None:
        self._has_more = False
        self._set_loading(False)
        self._ops.show_error(error)

    def _count_failed(self, error: Exception) -> None:
        self.total = None

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
        if not loading and self._reload_waiting:
            self._reload_waiting = False
            self.reload_in_place()

    # --- batches ---------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        batch = dataclasses.replace(
            self._query, offset=len(self._rows), limit=self._batch_size, after=self._last_key
        )
        self._ops.query(self._cancellable(), self._fetch, batch).discard_if_stale(
            self._generation
        ).success(self._append_rows).failure(self._failed).run()

    # --- Qt model interface ----------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(index.column(), value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, tuple) and value:
            return self.display_text(index.column(), value)
        if role == Qt.ItemDataRole.TextAlignmentRole and is_numeric(value):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == RAW_ROLE:
            return value
        return None

    def display_text(self, column: int, value: Any) -> str:
        label = self._labels.get(self.columns[column].key)
        if label is None:
            return format_value(value)
        if isinstance(value, tuple | list | frozenset):
            return join_values(label(v) for v in value)
        return label(value) if value is not None else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(self.columns[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemNeverHasChildren)
        )

    # --- lookups for widgets ---------------------------------------------

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def retranslate(self) -> None:
        """Headers and enum labels follow a language switch."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(self.columns) - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )
