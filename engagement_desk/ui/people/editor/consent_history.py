"""The consents as they stand per purpose, and how they came about (given, withdrawn, again).

Shows what was last loaded (the stored state and its history). "Give again"
prepares the form's line of a withdrawn purpose for a renewed consent; saving
the person records it as a new step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import ConsentEventKind, ConsentPurpose, ConsentSource
from engagement_desk.services.people.consents import ConsentStep
from engagement_desk.services.people.sections import ConsentEntry
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.people.editor.form_grid import heading_label, separator
from engagement_desk.ui.widgets.field_errors import FRAME

PURPOSE_ROLE = Qt.ItemDataRole.UserRole


def _day(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


class ConsentHistory(Retranslatable, QWidget):
    """One line per purpose with its current state; below it each step, oldest first."""

    give_again_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consent_history")
        self.consents: tuple[ConsentEntry, ...] = ()
        self.steps: tuple[ConsentStep, ...] = ()
        self._withdrawn_in_form: set[ConsentPurpose] = set()
        self.title = heading_label()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("consent_history_tree")
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The page scrolls, not the tree; a long note is cut short (full in its tooltip).
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.give_again_button = QPushButton()
        self.give_again_button.setObjectName("consent_give_again")
        self.give_again_button.clicked.connect(self._give_again)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.give_again_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(FRAME, FRAME, FRAME, FRAME)  # in line with the rows above
        layout.addLayout(top)
        layout.addWidget(separator())
        layout.addWidget(self.hint)
        layout.addWidget(self.tree)
        self.retranslate_ui()
        self._update_button()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Current state and history"))
        self.hint.setText(
            self.tr(
                "As last saved. To record consent given again after a withdrawal, select "
                "the purpose and choose “Give again”, or clear “Withdrawn on” and enter the "
                "new date; the steps before stay in the history."
            )
        )
        self.tree.setHeaderLabels(
            [
                self.tr("Purpose / date"),
                self.tr("State / step"),
                self.tr("How"),
                self.tr("Recorded by"),
                self.tr("Note"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Consents: current state and history"))
        self.give_again_button.setText(self.tr("Give again"))
        self.give_again_button.setToolTip(
            self.tr("Prepare the line of the selected, withdrawn purpose for a renewed consent")
        )
        self._fill()

    # --- showing -------------------------------------------------------------

    def show_history(self, consents: Sequence[ConsentEntry], steps: Sequence[ConsentStep]) -> None:
        """The stored consents and their steps, as the last load returned them."""
        self.consents = tuple(consents)
        self.steps = tuple(steps)
        self._fill()

    def form_changed(self, entries: Sequence[ConsentEntry]) -> None:
        """The form's lines: which purposes could be given again there."""
        self._withdrawn_in_form = {
            ConsentPurpose(e.purpose) for e in entries if e.withdrawn_on is not None
        }
        self._update_button()

    def state_text(self, entry: ConsentEntry | None) -> str:
        if entry is None:
            return self.tr("Not recorded")
        if entry.withdrawn_on is not None:
            return self.tr("Withdrawn on %1").replace("%1", _day(entry.withdrawn_on))
        return self.tr("Given since %1").replace("%1", _day(entry.given_on))

    def _fill(self) -> None:
        current = self.tree.currentItem()
        selected = current.data(0, PURPOSE_ROLE) if current is not None else None
        self.tree.clear()
        by_purpose = {ConsentPurpose(c.purpose): c for c in self.consents}
        for purpose in ConsentPurpose:
            entry = by_purpose.get(purpose)
            item = QTreeWidgetItem(
                [
                    enum_label(ConsentPurpose, purpose),
                    self.state_text(entry),
                    enum_label(ConsentSource, entry.source)
                    if entry is not None and entry.withdrawn_on is None
                    else "",
                    "",
                    "",
                ]
            )
            item.setData(0, PURPOSE_ROLE, purpose.value)
            if entry is None:
                item.setForeground(1, self.palette().placeholderText())
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            withdrawn_before = False
            for step in (s for s in self.steps if s.purpose == purpose):
                item.addChild(self._step_item(step, withdrawn_before))
                withdrawn_before = step.kind == ConsentEventKind.WITHDRAWN
            if purpose.value == selected:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._fit_height()
        self._update_button()

    def _step_item(self, step: ConsentStep, again: bool) -> QTreeWidgetItem:
        if step.kind == ConsentEventKind.WITHDRAWN:
            kind = self.tr("Withdrawn")
        elif again:
            kind = self.tr("Given again")
        else:
            kind = self.tr("Given")
        local = step.recorded_at.astimezone()
        by = ", ".join(part for part in (step.recorded_by, f"{local:%d.%m.%Y}") if part)
        item = QTreeWidgetItem(
            [
                _day(step.on_date),
                kind,
                enum_label(ConsentSource, step.source) if step.source is not None else "",
                by,
                step.note,
            ]
        )
        item.setData(0, PURPOSE_ROLE, step.purpose.value)
        item.setToolTip(
            3,
            self.tr("Entered by %1 on %2")
            .replace("%1", step.recorded_by or "–")
            .replace("%2", f"{local:%d.%m.%Y %H:%M}"),
        )
        item.setToolTip(4, step.note)
        return item

    def _fit_height(self) -> None:
        """Tall enough for every line: the page scrolls, not the tree."""
        rows = self.tree.topLevelItemCount() + sum(
            self.tree.topLevelItem(i).childCount() for i in range(self.tree.topLevelItemCount())
        )
        row_height = self.tree.sizeHintForRow(0) if rows else self.fontMetrics().height()
        frame = 2 * self.tree.frameWidth()
        self.tree.setFixedHeight(self.tree.header().sizeHint().height() + rows * row_height + frame)

    # --- give again ------------------------------------------------------------

    def selected_purpose(self) -> ConsentPurpose | None:
        item = self.tree.currentItem()
        return ConsentPurpose(item.data(0, PURPOSE_ROLE)) if item is not None else None

    def select_purpose(self, purpose: ConsentPurpose) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, PURPOSE_ROLE) == purpose.value:
                self.tree.setCurrentItem(item)

    def _current_changed(self, *_: object) -> None:
        self._update_button()

    def _update_button(self) -> None:
        purpose = self.selected_purpose()
        self.give_again_button.setEnabled(purpose in self._withdrawn_in_form)

    @Slot()
    def _give_again(self) -> None:
        purpose = self.selected_purpose()
        if purpose in self._withdrawn_in_form:
            self.give_again_requested.emit(purpose.value)
