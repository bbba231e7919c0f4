"""The people list on 100,000 people: first paint, filter keystrokes, sorts, batches deep in it.

Each window figure is wall time from the user's action to the rows painted: the
query runs on the worker pool exactly as in the window, the answer comes back
through the event loop, the model resets, and the view repaints. Targets ≤ 50 ms
each (first paint, keystroke p95, sort p95, a 200-row batch anywhere).

A batch anywhere: the 200 rows after row 99,000 for every sort column, read as
the list reads them (keyset: after the last row's sort key), with the same batch
read by OFFSET — the way before keyset paging — as the baseline in the same run.
The count is asked after the rows; ``count_*`` says how long it took to fill in.

Runs on the SQLite dataset and, when ``ENGAGEMENT_DESK_BENCH_PG`` names a database
(loaded by ``dataset.ensure_pg_dataset``; its contents are replaced), on PostgreSQL:

    ENGAGEMENT_DESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/bench \\
        python benchmarks/bench_lists.py
"""

from __future__ import annotations

import dataclasses
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
from sqlalchemy import select

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.services.listing import ListQuery, fetch_window, sort_order
from engagement_desk.services.people.persons import (
    PEOPLE_COLUMNS,
    PEOPLE_SORT,
    count_people,
    list_people,
)
from engagement_desk.ui.operations import Operations
from engagement_desk.ui.widgets.dialogs import Dialogs
from engagement_desk.ui.widgets.sql_table_model import SqlTableModel

URL_ENV = "ENGAGEMENT_DESK_BENCH_PG"
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
    "Z",
    "0",
    "06",
    "065",
    "0656",
    "ann",
    "anna",
    "xyz",
)
SORTS = ("first_name", "birth_date", "postal_code", "city", "email", "status", "last_name")
FILTERS = ({"consent": "missing"}, {"status": "active"}, {"role": "driver"}, {})
DEEP_ROW = 99_000
TIMEOUT_MS = 10_000


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _until(model: SqlTableModel, view: QTableView, action: Callable[[], None], signal) -> float:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    start = time.perf_counter()
    action()
    loop.exec()
    view.viewport().repaint()
    elapsed = time.perf_counter() - start
    signal.disconnect(loop.quit)
    return elapsed * 1000


def _until_painted(model: SqlTableModel, view: QTableView, action: Callable[[], None]) -> float:
    return _until(model, view, action, model.rows_loaded)


def _deep_batches(db: Database) -> tuple[list[float], list[float]]:
    """ms for the 200 rows after row DEEP_ROW, per sort and direction: keyset, OFFSET."""
    keyset, offset = [], []
    for key in PEOPLE_SORT:
        for descending in (False, True):
            query = ListQuery(sort_key=key, descending=descending)
            ordering = sort_order(query, PEOPLE_SORT, "last_name", Person.id)
            with db.read_session() as session:
                window = fetch_window(
                    session,
                    select(Person.id),
                    dataclasses.replace(query, offset=DEEP_ROW - 1, limit=1),
                    ordering,
                )
            deep = dataclasses.replace(query, after=window.last_key)
            started = time.perf_counter()
            page = list_people(db, deep)
            keyset.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            same = list_people(db, dataclasses.replace(query, offset=DEEP_ROW))
            offset.append((time.perf_counter() - started) * 1000)
            assert page.ids == same.ids, (key, descending)
    return keyset, offset


def measure_database(db: Database, prefix: str = "") -> dict[str, float]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_before = os.getloadavg()[0]
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
    # A fast typist: three letters without waiting; the stale queries are cancelled.
    burst = []
    for word in ("Sch", "Mül", "Kyl"):
        _until_painted(model, view, functools.partial(model.set_text, ""))

        def type_fast(word: str = word) -> None:
            for end in range(1, len(word) + 1):
                model.set_text(word[:end])

        burst.append(_until_painted(model, view, type_fast))
    _until_painted(model, view, functools.partial(model.set_text, ""))
    sorting = []
    for key in SORTS:
        column = model.column_index(key)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorting.append(
                _until_painted(model, view, functools.partial(model.sort, column, order))
            )
    _until_painted(model, view, functools.partial(model.sort, 0, Qt.SortOrder.AscendingOrder))
    batches = []
    for _ in range(10):
        batches.append(_until_painted(model, view, model.fetchMore))
    filtering, counting = [], []
    for filters in FILTERS:
        filtering.append(_until_painted(model, view, functools.partial(model.set_filters, filters)))
        if model.total is None:
            counting.append(_until(model, view, lambda: None, model.count_changed))
    deep_keyset, deep_offset = _deep_batches(db)
    ops.shutdown()
    figures = {
        "list_first_paint_cold_ms": first[0],
        "list_first_paint_ms": statistics.median(first[1:]),
        "filter_keystroke_p50_ms": statistics.median(typing),
        "filter_keystroke_p95_ms": _p95(typing),
        "filter_keystroke_max_ms": max(typing),
        "typing_burst_max_ms": max(burst),
        "sort_p50_ms": statistics.median(sorting),
        "sort_p95_ms": _p95(sorting),
        "batch_in_window_p95_ms": _p95(batches),
        "filter_rows_max_ms": max(filtering),
        "count_after_rows_max_ms": max(counting) if counting else 0.0,
        "batch_at_99000_p95_ms": _p95(deep_keyset),
        "batch_at_99000_max_ms": max(deep_keyset),
        "batch_at_99000_offset_baseline_p95_ms": _p95(deep_offset),
        "load_average": (load_before + os.getloadavg()[0]) / 2,
    }
    return {f"{prefix}{name}": value for name, value in figures.items()}


def measure(db_path: Path) -> dict[str, float]:
    """The figures on SQLite, and on PostgreSQL (``pg_`` prefix) when it is configured."""
    db = Database(db_path)
    migrator.upgrade(db)
    try:
        figures = measure_database(db)
    finally:
        db.dispose()
    url = os.environ.get(URL_ENV)
    if url:
        from dataset import ensure_pg_dataset

        pg = Database(ensure_pg_dataset(url))
        try:
            figures.update(measure_database(pg, "pg_"))
        finally:
            pg.dispose()
    return figures


def main() -> None:
    figures = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else ensure_dataset())
    for name, value in figures.items():
        target = (
            50 if name.endswith(("p95_ms", "first_paint_ms")) and "baseline" not in name else None
        )
        verdict = "" if target is None else ("  ok" if value <= target else "  MISSED (50)")
        print(f"{name:>42}: {value:8.1f}{verdict}")


if __name__ == "__main__":
    main()
