"""A sub-tab page that builds its widget when first shown, so a tab opens with one page's work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from engagement_desk.ui.widgets.leaving import Then


class LazyPage(QWidget):
    """Placeholder in a ``QTabWidget``; ``ensure()`` builds the real page (once).

    It answers the ``PageGuard`` questions for its page: nothing unsaved while unbuilt.
    """

    def __init__(self, build: Callable[[QWidget], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self._build = build
        self.content: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self.content is not None

    def ensure(self) -> Any:
        if self.content is None:
            self.content = self._build(self)
            self._layout.addWidget(self.content)
        return self.content

    def has_unsaved(self) -> bool:
        check = getattr(self.content, "has_unsaved", None)
        return bool(check()) if check is not None else False

    def leave(self, then: Then = None) -> bool:
        leave = getattr(self.content, "leave", None)
        if leave is not None:
            return leave(then)
        if then is not None:
            then()
        return True
