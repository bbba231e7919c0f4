"""Saved filters above the people list, and its *Serienbrief …* button.

An editable choice: picking a saved name sets the list's search and filters to it;
typing a name and *Save filter* keeps the list's current search and filters under it.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from engagement_desk.services.letters.filters import (
    SavedFilterRecord,
    list_saved_filters,
    save_filter,
)
from engagement_desk.services.letters.recipients import PeopleQuerySource, SavedFilterSource
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.letters.dialog import LetterDialog
from engagement_desk.ui.widgets.list_view import ListPanel


class SavedFiltersBar(Retranslatable, QWidget):
    def __init__(self, ctx: AppContext, panel: ListPanel, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.panel = panel
        self.setObjectName("saved_filters_bar")
        self.filters: tuple[SavedFilterRecord, ...] = ()
        self.applied: SavedFilterRecord | None = None
        self.caption = QLabel()
        self.choice = QComboBox()
        self.choice.setObjectName("saved_filter_choice")
        self.choice.setEditable(True)
        self.choice.setMinimumWidth(180)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.activated.connect(self._chosen)
        self.caption.setBuddy(self.choice)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saved_filter_save")
        self.save_button.clicked.connect(self.save)
        self.letter_button = QPushButton()
        self.letter_button.setObjectName("people_form_letter")
        self.letter_button.clicked.connect(self.open_letters)
        guard_each(ctx, Capability.EDIT_PEOPLE, self.save_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.choice)
        layout.addWidget(self.save_button)
        layout.addWidget(self.letter_button)
        panel.filters_changed.connect(self._list_changed)
        panel.search.textEdited.connect(self._list_changed)
        self.retranslate_ui()
        self.load()

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Saved filter:"))
        self.choice.lineEdit().setPlaceholderText(self.tr("Name of the filter"))
        self.save_button.setText(self.tr("Save filter"))
        self.save_button.setToolTip(
            self.tr("Keep the list's search and filters under the name typed beside it")
        )
        self.letter_button.setText(self.tr("Form letter …"))
        self.letter_button.setToolTip(
            self.tr("Letters, address labels or an e-mail list for the people in the list")
        )

    def load(self) -> None:
        self.ctx.ops.query(list_saved_filters, self.ctx.db).success(self._arrived).run()

    @Slot(object)
    def _arrived(self, filters: tuple[SavedFilterRecord, ...]) -> None:
        text = self.choice.currentText()
        self.filters = filters
        self.choice.blockSignals(True)
        self.choice.clear()
        for record in filters:
            self.choice.addItem(record.name, record.id)
        self.choice.setCurrentIndex(-1)
        self.choice.setEditText(text)
        self.choice.blockSignals(False)

    @Slot(int)
    def _chosen(self, index: int) -> None:
        if not 0 <= index < len(self.filters):
            return
        self.apply(self.filters[index])

    def apply(self, record: SavedFilterRecord) -> None:
        self.panel.search.setText(record.search_text)
        self.panel.model.set_text(record.search_text)
        self.panel.select_filters(record.filters)
        self.choice.setEditText(record.name)
        self.applied = record

    @Slot()
    def _list_changed(self) -> None:
        if self.applied is not None and not self._shows(self.applied):
            self.applied = None

    def _shows(self, record: SavedFilterRecord) -> bool:
        query = self.panel.model.query
        return query.text == record.search_text and dict(query.filters) == dict(record.filters)

    @Slot()
    def save(self) -> None:
        name = self.choice.currentText().strip()
        if not name:
            self.ctx.dialogs.warn(
                self, self.tr("Save filter"), self.tr("Please type a name for the filter first.")
            )
            self.choice.setFocus()
            return
        query = self.panel.model.query
        (
            self.ctx.ops.write(save_filter, self.ctx.db, name, query.text, dict(query.filters))
            .success(self._saved)
            .failure(self._save_failed)
            .run()
        )

    @Slot(object)
    def _saved(self, record: SavedFilterRecord) -> None:
        self.applied = record
        self.choice.setEditText(record.name)
        self.load()

    @Slot(object)
    def _save_failed(self, error: Exception) -> None:
        self.ctx.ops.show_error(error, self)

    @Slot()
    def open_letters(self) -> None:
        query = self.panel.model.query
        if self.applied is not None and self._shows(self.applied):
            source = SavedFilterSource(self.applied.name)
            text = self.tr("Saved filter “%1”").replace("%1", self.applied.name)
        else:
            source = PeopleQuerySource(query.text, dict(query.filters))
            text = self.tr("The people list as filtered now")
        self.dialog = LetterDialog(self.ctx, source, text, self)
        self.dialog.open()
