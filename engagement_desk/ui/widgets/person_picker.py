"""Choose a person by typing part of the name: the people found drop down below."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractProxyModel,
    QCoreApplication,
    QModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from engagement_desk.models.enums import Role
from engagement_desk.services.people.persons import PersonChoice, find_people
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.operations import Generation

SEARCH_DELAY_MS = 200
MIN_CHARS = 2
OFFERED = 15


class PersonPicker(Retranslatable, QLineEdit):
    """A line edit whose value is a person; ``person_id`` is None until one is chosen."""

    changed = Signal()

    def __init__(self, ctx: AppContext, *, role: Role | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.role = role
        self._choice: PersonChoice | None = None
        self._found: list[PersonChoice] = []
        self._setting = False
        self._searches = Generation()
        self.setClearButtonEnabled(True)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(10)
        completer.activated[QModelIndex].connect(self._activated)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.textChanged.connect(self._typed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(
            QCoreApplication.translate("PersonPicker", "Type a name, then choose …")
        )

    @property
    def person_id(self) -> int | None:
        return None if self._choice is None else self._choice.id

    @property
    def choice(self) -> PersonChoice | None:
        return self._choice

    def is_unresolved(self) -> bool:
        """Text typed but no person chosen from the list."""
        return self._choice is None and bool(self.text().strip())

    def set_person(self, choice: PersonChoice | None) -> None:
        self._setting = True
        try:
            self.setText(choice.label if choice else "")
        finally:
            self._setting = False
        self._choice = choice
        self.changed.emit()

    def offered(self) -> list[PersonChoice]:
        return list(self._found)

    def choose(self, choice: PersonChoice) -> None:
        self.set_person(choice)

    @Slot(str)
    def _typed(self, text: str) -> None:
        if self._setting:
            return
        if self._choice is not None and text != self._choice.label:
            self._choice = None
            self.changed.emit()
        if len(text.strip()) >= MIN_CHARS and self._choice is None:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def search(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if len(text) < MIN_CHARS or self._choice is not None:
            return
        self._searches.advance()
        self.ctx.ops.query(
            find_people, self.ctx.db, text, role=self.role, limit=OFFERED
        ).discard_if_stale(self._searches).success(self._offer).run()

    def _offer(self, found: Sequence[PersonChoice]) -> None:
        self._found = list(found)
        self._names.setStringList([choice.label for choice in self._found])
        if self.hasFocus() and self._found:
            self.completer().complete()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        model = self.completer().completionModel()
        if isinstance(model, QAbstractProxyModel):
            index = model.mapToSource(index)
        if 0 <= index.row() < len(self._found):
            self.set_person(self._found[index.row()])
