"""Run a start-up step once the main window has been painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class FirstPaint(QObject):
    """Calls ``step`` right after ``window``'s first paint (or after a second at the latest).

    Opening the database imports SQLAlchemy and the models, which blocks the
    event loop for a moment; doing it after the first paint means the person
    sees the window at once instead of nothing.
    """

    def __init__(self, window: QWidget, step: Callable[[], None]):
        super().__init__(window)
        self._window = window
        self._step: Callable[[], None] | None = step
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and self._step:
            self._window.removeEventFilter(self)
            # After the paint is on screen, not inside it.
            QTimer.singleShot(0, self, self._run)
        return False

    @Slot()
    def _run(self) -> None:
        step, self._step = self._step, None
        if step is not None:
            self._window.removeEventFilter(self)
            step()
