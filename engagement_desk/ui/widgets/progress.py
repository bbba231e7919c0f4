"""Progress of a long operation: a thread-safe reporter and the dialog that shows it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

POLL_INTERVAL_MS = 100
SHOW_AFTER_MS = 300


class ThreadSafeProgress:
    """The ``services.progress.Progress`` a worker reports to and the GUI reads from."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._text = ""
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        with self._lock:
            self._done, self._total = done, total
            if text:
                self._text = text

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def snapshot(self) -> tuple[int, int, str]:
        with self._lock:
            return self._done, self._total, self._text


class ProgressWatcher(QObject):
    """Shows a ``QProgressDialog`` for one running operation; Cancel sets ``progress.cancelled``.

    The dialog polls the reporter instead of receiving a signal per step: a
    service may report thousands of times, and polling keeps the GUI event
    queue short whatever the worker does.
    """

    def __init__(self, progress: ThreadSafeProgress, parent: QWidget | None, label: str):
        super().__init__(parent)
        self.progress = progress
        self._label = label
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(
            Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        )
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self._on_canceled)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self.dialog.setValue(0)
        self._timer.start()

    def finish(self) -> None:
        self._timer.stop()
        self.dialog.canceled.disconnect(self._on_canceled)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()

    @Slot()
    def _poll(self) -> None:
        if self.progress.cancelled:
            return
        done, total, text = self.progress.snapshot()
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(f"{self._label}\n{text}")

    @Slot()
    def _on_canceled(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText(self.tr("Cancelling …"))
        self.dialog.setCancelButtonText("")
        self.dialog.show()
