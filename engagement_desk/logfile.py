"""The program's log file: Python logging and uncaught exceptions, kept in the data directory.

The window and the command line both run inside ``logging_to_file()``; bugs,
environment problems and Qt's own messages (routed here by the window) end up
in one rotating file that support can ask for. The file holds names and
addresses from tracebacks now and then, so it is readable by its owner only.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

LOG_FILENAME = "engagement-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("engagement_desk")

_active: Path | None = None


def default_log_path() -> Path:
    from engagement_desk.paths import data_dir

    return data_dir() / LOG_FILENAME


def active_log_path() -> Path | None:
    """The file logging currently writes to, or None outside ``logging_to_file``."""
    return _active


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A ``RotatingFileHandler`` whose files, the first and every rotated-in one, are 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def log_uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Record an exception nobody caught, with its traceback."""
    if issubclass(kind, KeyboardInterrupt):
        return
    log.critical("Uncaught exception", exc_info=(kind, error, tb))


@contextmanager
def logging_to_file(path: Path | None = None) -> Iterator[Path | None]:
    """Log into ``path`` (default: the data directory) while the block runs; yield the path.

    Uncaught exceptions in the main thread and in other threads are logged
    too, then handed to the hooks that were there before (which print them).
    Everything is put back on exit, so tests can run the program many times.
    """
    global _active
    target = path or default_log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = PrivateRotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        # No log is no reason to refuse work; messages then just name no log file.
        yield None
        return
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    old_level = root.level
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    root.addHandler(handler)
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log_uncaught(kind, error, tb)
        old_hook(kind, error, tb)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)
        old_thread_hook(args)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    previous, _active = _active, target
    try:
        yield target
    finally:
        _active = previous
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
