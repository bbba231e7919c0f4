"""What the Fahrdienst editors share: a record list beside a form, New/Save shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole
T = TypeVar("T")


def editor_actions(
    owner: QWidget,
    new_text: str,
    save_text: str,
    on_new: Callable[[], None],
    on_save: Callable[[], None],
) -> tuple[QAction, QAction]:
    """Ctrl+N and Ctrl+S while the focus is inside ``owner``."""
    actions = []
    for text, key, slot in (
        (new_text, QKeySequence.StandardKey.New, on_new),
        (save_text, QKeySequence.StandardKey.Save, on_save),
    ):
        action = QAction(text, owner)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        actions.append(action)
    return actions[0], actions[1]


def list_beside_form(
    owner: QWidget,
    above_list: QWidget,
    records: QListWidget,
    form_parts: Iterable[QWidget | QLayout],
) -> None:
    """The list on the left (a third), the form parts stacked on the right."""
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(above_list)
    left_layout.addWidget(records, 1)
    right = QWidget()
    right_layout = QVBoxLayout(right)
    for part in form_parts:
        if isinstance(part, QLayout):
            right_layout.addLayout(part)
        else:
            right_layout.addWidget(part)
    right_layout.addStretch(1)
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 2)
    QVBoxLayout(owner).addWidget(splitter)


def refill(records: QListWidget, entries: Iterable[tuple[int, str]], keep: int | None) -> None:
    """Replace the list's entries (id, text), keeping ``keep`` selected, without signals."""
    records.blockSignals(True)
    records.clear()
    for record_id, text in entries:
        item = QListWidgetItem(text)
        item.setData(RECORD_ID_ROLE, record_id)
        records.addItem(item)
        if record_id == keep:
            item.setSelected(True)
    records.blockSignals(False)


def selected_record(records: QListWidget, shown: Sequence[T]) -> T | None:
    """The record behind the list's selected entry (records carry an ``id``)."""
    items = records.selectedItems()
    if not items:
        return None
    record_id = items[0].data(RECORD_ID_ROLE)
    return next((r for r in shown if r.id == record_id), None)  # type: ignore[attr-defined]


def select_record(records: QListWidget, record_id: int | None) -> None:
    """Select the entry of ``record_id`` (none if None) without telling anyone."""
    records.blockSignals(True)
    records.clearSelection()
    for row in range(records.count()):
        item = records.item(row)
        if record_id is not None and item.data(RECORD_ID_ROLE) == record_id:
            item.setSelected(True)
            records.setCurrentItem(item)
    records.blockSignals(False)
