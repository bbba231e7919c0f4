"""A list asked again before it answered: only the newest answer shows; the count comes last.

Real worker threads (``threaded_ops``): the service calls are stand-ins that
wait for the test to let them answer, so the order of answers is the test's.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex

from engagement_desk.services.listing import Column, ListQuery, Page
from engagement_desk.ui.widgets.sql_table_model import SqlTableModel

COLUMNS = (Column("name", "Name"),)
WAIT_S = 10  # a safety net for a broken test, not a measurement


class Service:
    """Answers each query with rows named after its text, once the test releases that text."""

    def __init__(self, rows: int = 3) -> None:
        self.rows = rows
        self.released: dict[str, threading.Event] = {}
        self.entered: list[str] = []
        self.answered: list[str] = []
        self.counted: list[str] = []
        self.count_release = threading.Event()
        self.count_release.set()

    def gate(self, text: str) -> threading.Event:
        return self.released.setdefault(text, threading.Event())

    def fetch(self, query: ListQuery) -> Page:
        self.entered.append(query.text)
        assert self.gate(query.text).wait(WAIT_S)
        self.answered.append(query.text)
        names = [(f"{query.text}-{i}",) for i in range(self.rows)]
        return Page(tuple(range(1, self.rows + 1)), tuple(names), has_more=True, last_key=(9,))

    def count(self, query: ListQuery) -> int:
        assert self.count_release.wait(WAIT_S)
        self.counted.append(query.text)
        return 1234


def _names(model: SqlTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_stale_answer_never_reaches_the_model(qtbot, threaded_ops) -> None:
    service = Service()
    model = SqlTableModel(threaded_ops, service.fetch, COLUMNS, count=service.count)
    shown: list[list[str]] = []
    model.rows_loaded.connect(lambda _n: shown.append(_names(model)))

    model.set_text("Sch")  # the slow one: still waiting when the next letter is typed
    qtbot.waitUntil(lambda: "Sch" in service.entered, timeout=WAIT_S * 1000)
    with qtbot.waitSignal(model.rows_loaded, timeout=WAIT_S * 1000):
        model.set_text("Schm")
        service.gate("Schm").set()
    service.gate("Sch").set()  # the stale answer comes after the fresh one
    qtbot.waitUntil(lambda: "Sch" in service.answered, timeout=WAIT_S * 1000)
    qtbot.waitUntil(lambda: not threaded_ops.busy, timeout=WAIT_S * 1000)

    assert shown == [["Schm-0", "Schm-1", "Schm-2"]]
    assert _names(model) == ["Schm-0", "Schm-1", "Schm-2"]
    assert service.counted == ["Schm"]  # nobody counts for a query already replaced


def test_the_count_comes_after_the_rows_and_leaves_them_alone(qtbot, threaded_ops) -> None:
    service = Service()
    service.gate("").set()
    service.count_release.clear()
    model = SqlTableModel(threaded_ops, service.fetch, COLUMNS, count=service.count)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    with qtbot.waitSignal(model.rows_loaded, timeout=WAIT_S * 1000):
        model.refresh()
    assert _names(model) == ["-0", "-1", "-2"]
    assert model.total is None  # rows first; the count is still on its way
    selected = model.index(1, 0)

    with qtbot.waitSignal(model.count_changed, timeout=WAIT_S * 1000) as counted:
        service.count_release.set()
    assert counted.args == [1234]
    assert model.total == 1234
    assert _names(model) == ["-0", "-1", "-2"]
    assert resets == [True]  # the rows' own reset only
    assert selected.isValid() and selected.data() == "-1"


def test_batches_after_the_first_ask_after_the_last_rows_key(qtbot, threaded_ops) -> None:
    asked: list[ListQuery] = []

    def fetch(query: ListQuery) -> Page:
        asked.append(query)
        first = len(asked) * 10
        return Page((first,), ((f"row {first}",),), has_more=True, last_key=("key", first))

    model = SqlTableModel(threaded_ops, fetch, COLUMNS)
    with qtbot.waitSignal(model.rows_loaded, timeout=WAIT_S * 1000):
        model.refresh()
    with qtbot.waitSignal(model.rows_loaded, timeout=WAIT_S * 1000):
        model.fetchMore(QModelIndex())
    assert [q.after for q in asked] == [None, ("key", 10)]
    assert _names(model) == ["row 10", "row 20"]
