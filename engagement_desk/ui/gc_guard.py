"""Garbage collection on the GUI thread only.

Python's automatic collector runs in whichever thread happens to allocate when
a threshold is crossed — often a worker of ``ui.operations``. If the garbage
it finds holds a Qt object (a dialog in a reference cycle, say), that object's
C++ side is then destroyed off the GUI thread and the program crashes (seen:
a segmentation fault while a worker compiled an SQL statement). So the window
turns automatic collection off and collects on a timer in the GUI thread,
with the same generation thresholds Python itself uses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 1000


def collect_due() -> None:
    """Collect the generations whose thresholds are crossed, as automatic GC would."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


class GuiThreadCollector(QObject):
    """Owns automatic collection while it lives (parent it to the application)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @Slot()
    def collect(self) -> None:
        collect_due()

    def stop(self) -> None:
        """Give collection back to Python (the window has closed)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
