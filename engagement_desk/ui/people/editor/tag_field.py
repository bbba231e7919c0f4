"""Free words (interests, skills, languages) typed as one comma-separated line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

_SEPARATORS = re.compile(r"[,;]")


def split_tags(text: str) -> tuple[str, ...]:
    """Words between commas (or semicolons), trimmed, each once whatever its case."""
    seen: set[str] = set()
    words = []
    for part in _SEPARATORS.split(text):
        word = " ".join(part.split())
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return tuple(words)


class TagField(QLineEdit):
    """``tags()`` gives the words; the text is tidied to ``"a, b, c"`` when the field is left."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.changed)
        self.editingFinished.connect(self._tidy)

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        self.setText(", ".join(tags))

    @Slot()
    def _tidy(self) -> None:
        tidy = ", ".join(self.tags())
        if tidy != self.text():
            self.setText(tidy)
