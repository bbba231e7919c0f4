"""Words as removable chips ("Lesen ✕", "Kinder ✕") followed by a field for the next one.

Enter or a comma turns the typed word into a chip; Backspace in the empty
field removes the last chip; clicking a chip removes it. A word still in the
field counts too, so nothing typed is lost on saving.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from engagement_desk.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate
SEPARATORS = (",", ";")


class TagEdit(QFrame):
    """Edits a tuple of words; ``changed`` after every added or removed word."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        self.input = QLineEdit()
        self.input.setFrame(False)
        self.input.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.input.installEventFilter(self)
        self.input.returnPressed.connect(self.commit)
        self.input.textEdited.connect(self._typed)
        self._flow = FlowLayout(self, spacing=4, line_spacing=4, last_fills_line=True)
        self._flow.setContentsMargins(4, 3, 4, 3)
        self._flow.addWidget(self.input)
        self.setFocusProxy(self.input)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.input.setPlaceholderText(translate("TagEdit", "Add a word, then Enter"))
        for chip, tag in zip(self._chips, self._tags, strict=True):
            self._label_chip(chip, tag)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.input.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:
        super().setAccessibleDescription(description)
        self.input.setAccessibleDescription(description)

    def tags(self) -> tuple[str, ...]:
        return tuple(_unique([*self._tags, *_split(self.input.text())]))

    def set_tags(self, tags: Iterable[str]) -> None:
        for chip in self._chips:
            self._flow.removeWidget(chip)
            chip.deleteLater()
        self._chips, self._tags = [], []
        self.input.clear()
        for tag in _unique(tags):
            self._add_chip(tag)
        self.changed.emit()

    def add(self, word: str) -> None:
        word = " ".join(word.split())
        if word and word.casefold() not in {t.casefold() for t in self._tags}:
            self._add_chip(word)
            self.changed.emit()

    def remove(self, tag: str) -> None:
        if tag not in self._tags:
            return
        index = self._tags.index(tag)
        chip = self._chips.pop(index)
        self._tags.pop(index)
        self._flow.removeWidget(chip)
        chip.deleteLater()
        self.input.setFocus()
        self.changed.emit()

    def commit(self) -> None:
        """Turn the typed word into a chip."""
        text = self.input.text()
        self.input.clear()
        for part in _split(text):
            self.add(part)

    def _typed(self, text: str) -> None:
        if any(sep in text for sep in SEPARATORS):
            self.commit()
        else:
            self.changed.emit()

    def _add_chip(self, tag: str) -> None:
        chip = QToolButton()
        chip.setObjectName("tag_chip")
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.setAutoRaise(False)
        chip.clicked.connect(functools.partial(self.remove, tag))
        self._label_chip(chip, tag)
        self._flow.insert_widget(len(self._chips), chip)
        chip.show()
        self._chips.append(chip)
        self._tags.append(tag)

    def _label_chip(self, chip: QToolButton, tag: str) -> None:
        chip.setText(f"{tag}  ✕")
        removal = translate("TagEdit", "Remove “%1”").replace("%1", tag)
        chip.setToolTip(removal)
        chip.setAccessibleName(removal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.input.text()
            and self._tags
        ):
            self.remove(self._tags[-1])
            return True
        return super().eventFilter(watched, event)


def _split(text: str) -> list[str]:
    for sep in SEPARATORS[1:]:
        text = text.replace(sep, SEPARATORS[0])
    return [part.strip() for part in text.split(SEPARATORS[0]) if part.strip()]


def _unique(words: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for word in words:
        clean = " ".join(word.split())
        if clean:
            seen.setdefault(clean.casefold(), clean)
    return list(seen.values())
