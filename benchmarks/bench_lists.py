"""The people list on 100,000 people: first paint, one filter keystroke, one sort.

Each figure is wall time from the user's action to the rows painted: the query
runs on the worker pool exactly as in the window, the answer comes back through
the event loop, the model resets, and the view repaints. Targets ≤ 50 ms each.
"""

from __future__ import annotations

import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataset import ensure_dataset
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.services.people.persons import PEOPLE_COLUMNS, count_people, list_people
from engagement_desk.ui.operations import Operations
from engagement_desk.ui.widgets.dialogs import Dialogs
from engagement_desk.ui.widgets.sql_table_model import SqlTableModel

KEYSTROKES = (
    "M",
    "Mü",
    "Mül",
    "Müll",
    "Mülle",
    "Müller",
    "S",
    "Sc",
    "Sch",
    "Schm",
    "K",
    "Ky",
    "Kyll",
    "0",
    "06",
    "065",
    "0656",
    "ann",
    "anna",
    "xyz",
)
SORTS = ("first_name", "birth_date", "postal_code", "city", "email", "status", "last_name")
TIMEOUT_MS = 10_000


def _until_painted(model: SqlTableModel, view: QTableView, action: Callable[[], None]) -> float:
    loop = QEventLoop()
    model.rows_loaded.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    start = time.perf_counter()
    action()
    loop.exec()
    view.viewport().repaint()
    elapsed = time.perf_counter() - start
    model.rows_loaded.disconnect(loop.quit)
    return elapsed * 1000


def measure(db_path: Path) -> dict[str, float]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = Database(db_path)
    migrator.upgrade(db)
    ops = Operations(Dialogs())
    model = SqlTableModel(
        ops,
        functools.partial(list_people, db),
        PEOPLE_COLUMNS,
        count=functools.partial(count_people, db),
    )
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 720)
    view.show()
    app.processEvents()

    first = [_until_painted(model, view, model.refresh) for _ in range(15)]
    typing = [_until_painted(model, view, functools.partial(model.set_text, t)) for t in KEYSTROKES]
    _until_painted(model, view, functools.partial(model.set_text, ""))
    sorting = []
    for key in SORTS:
        column = model.column_index(key)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorting.append(
                _until_painted(model, view, functools.partial(model.sort, column, order))
            )
    ops.shutdown()
    db.dispose()
    return {
        "list_first_paint_cold_ms": first[0],
        "list_first_paint_ms": statistics.median(first[1:]),
        "filter_keystroke_p50_ms": statistics.median(typing),
        "filter_keystroke_max_ms": max(typing),
        "sort_p50_ms": statistics.median(sorting),
        "sort_max_ms": max(sorting),
    }


def main() -> None:
    figures = measure(ensure_dataset())
    for name, value in figures.items():
        print(f"{name:>26}: {value:8.1f}")


if __name__ == "__main__":
    main()
