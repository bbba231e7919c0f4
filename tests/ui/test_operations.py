"""Operations: off-thread work, results on the GUI thread, errors through the dialog seam."""

from __future__ import annotations

import logging
import threading
import time

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from engagement_desk.services.errors import FieldError, ServiceError, ValidationError
from engagement_desk.services.progress import step
from engagement_desk.ui.operations import Generation, Operations


def test_inline_mode_runs_synchronously(ops: Operations) -> None:
    results: list[int] = []
    ops.query(lambda a, b: a + b, 2, 3).success(results.append).run()
    assert results == [5]


def test_query_runs_on_a_worker_and_answers_on_the_gui_thread(qtbot, threaded_ops) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(value: int) -> int:
        seen["worker"] = threading.get_ident()
        return value * 2

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    threaded_ops.query(work, 21).success(done).run()
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread


def test_writes_run_one_after_another_on_one_thread(qtbot, threaded_ops) -> None:
    threads: list[int] = []
    order: list[int] = []

    def write(number: int) -> int:
        threads.append(threading.get_ident())
        time.sleep(0.01)
        return number

    for number in range(5):
        threaded_ops.write(write, number).success(order.append).run()
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]
    assert len(set(threads)) == 1


def test_service_error_shows_its_german_message(qtbot, threaded_ops, dialogs) -> None:
    def refuse() -> None:
        raise ValidationError([FieldError("last_name", "Nachname", "Bitte ausfüllen.")])

    threaded_ops.write(refuse).run()
    qtbot.waitUntil(lambda: bool(dialogs.shown))
    assert dialogs.shown == [("warn", "Engagement Desk", "Nachname: Bitte ausfüllen.")]


def test_unexpected_error_is_reported_and_logged(ops, dialogs, languages, caplog) -> None:
    def broken() -> None:
        raise KeyError("surprise")

    with caplog.at_level(logging.ERROR):
        ops.query(broken).run()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("critical", "Interner Fehler")
    assert text.startswith("Interner Fehler")
    assert "KeyError" not in text and "surprise" not in text
    assert "Traceback" in caplog.text and "KeyError: 'surprise'" in caplog.text


def test_failure_callback_replaces_the_message(ops, dialogs) -> None:
    errors: list[Exception] = []
    ops.query(_raise, ServiceError("Geht nicht.")).failure(errors.append).run()
    assert [str(e) for e in errors] == ["Geht nicht."]
    assert dialogs.shown == []


def _raise(error: Exception) -> None:
    raise error


def test_stale_results_are_dropped(qtbot, threaded_ops) -> None:
    generation = Generation()
    gate = threading.Event()
    results: list[str] = []

    def old() -> str:
        gate.wait(5)
        return "old"

    threaded_ops.query(old).discard_if_stale(generation).success(results.append).run()
    generation.advance()
    threaded_ops.query(lambda: "new").discard_if_stale(generation).success(results.append).run()
    qtbot.waitUntil(lambda: results == ["new"])
    gate.set()
    qtbot.waitUntil(lambda: not threaded_ops.busy)
    assert results == ["new"]


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def take(self, value: str) -> None:
        self.values.append(value)


def test_answer_for_a_deleted_widget_is_dropped(qtbot, threaded_ops) -> None:
    gate = threading.Event()
    receiver = _Receiver()

    def wait() -> str:
        gate.wait(5)
        return "late"

    operation = threaded_ops.query(wait).success(receiver.take).run()
    shiboken6.delete(receiver)
    gate.set()
    qtbot.waitUntil(lambda: operation.done)


def test_progress_dialog_cancel_stops_the_work(qtbot, threaded_ops, dialogs, languages) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    results: list[str] = []
    total = 2000

    def long_work(*, progress) -> str:
        for done in range(total):
            step(progress, done, total, f"Zeile {done}")
            time.sleep(0.005)
        return "fertig"

    operation = threaded_ops.write(long_work).with_progress(parent, "Lange Arbeit …")
    operation.success(results.append).run()
    dialog = operation.watcher.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.maximum() == total, timeout=5000)
    assert dialog.labelText().startswith("Lange Arbeit …")
    button = dialog.findChild(QPushButton)
    assert button.text() == "Abbrechen"
    button.click()
    assert operation.progress.cancelled
    qtbot.waitUntil(lambda: operation.done, timeout=5000)
    assert results == []
    cancelled = "Abgebrochen; es wurde nichts geändert."
    assert dialogs.shown == [("inform", "Engagement Desk", cancelled)]
