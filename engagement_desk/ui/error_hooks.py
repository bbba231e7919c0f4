"""The window's share of the error path: Qt's messages into the log, uncaught errors on screen.

``logfile.logging_to_file`` (set up by the ``engagement-desk`` command) logs
what Python raises and nobody catches; inside the window that mostly means
an exception in a slot, which PySide hands to ``sys.excepthook``. These hooks
add Qt's own warnings to the same log and show such an error to the person,
classified like every other failure, instead of only printing it.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget

from engagement_desk.failures import classify
from engagement_desk.ui.widgets.dialogs import Dialogs

qt_log = logging.getLogger("qt")

QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


@contextmanager
def qt_messages_logged() -> Iterator[None]:
    """Send Qt's messages to the ``qt`` logger, then on to the handler installed before."""
    previous = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(QT_LEVELS.get(mode, logging.WARNING), "%s: %s", context.category, message)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class UncaughtErrors(QObject):
    """Shows an exception nobody caught once the event loop is free again, one at a time."""

    def __init__(self, dialogs: Dialogs, parent: QWidget):
        super().__init__(parent)
        self._dialogs = dialogs
        self._window = parent
        self._showing = False

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(error, Exception) and not self._showing:
            self._showing = True
            # Not from inside the hook: PySide calls it in the middle of a slot.
            QTimer.singleShot(0, self, functools.partial(self._show, error))

    def _show(self, error: Exception) -> None:
        from engagement_desk.ui.operations import show_failure

        try:
            show_failure(self._dialogs, classify(error), self._window)
        finally:
            self._showing = False


@contextmanager
def uncaught_errors_shown(dialogs: Dialogs, window: QWidget) -> Iterator[UncaughtErrors]:
    """While the block runs, an exception escaping a slot is logged (as before) and shown."""
    shower = UncaughtErrors(dialogs, window)
    previous = sys.excepthook

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        previous(kind, error, tb)
        shower.excepthook(kind, error, tb)

    sys.excepthook = excepthook
    try:
        yield shower
    finally:
        sys.excepthook = previous
