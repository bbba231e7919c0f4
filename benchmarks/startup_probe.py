"""One cold start, timed by the parent: prints ``shown`` at the first paint of the main window
and ``rows`` at the first paint of the people rows.

    python benchmarks/startup_probe.py bare DB_PATH  # bare PySide6: the same rows, QTableView
    python benchmarks/startup_probe.py app DB_PATH   # engagement-desk --db DB_PATH

After ``rows`` both go on for ``AFTER_ROWS_MS`` and then print ``stall <ms>``: the
longest time the GUI thread did not turn its event loop (a 5 ms heartbeat timer
measures it) from the first turn until then — the window's "frozen" time.
"""

from __future__ import annotations

import sys
import time

HEARTBEAT_MS = 5
AFTER_ROWS_MS = 1500
# The people list's first batch, as the bare program reads it.
FIRST_ROWS = (
    "SELECT id, last_name, first_name, birth_date, postal_code, city, phone, email, status "
    "FROM person ORDER BY last_name_key, first_name_key, id LIMIT 200"
)


class StallProbe:
    """The longest gap between two heartbeats of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last: float | None = None
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last - HEARTBEAT_MS / 1000)
        self._last = now

    def report_later(self, app) -> None:
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"stall {self.longest * 1000:.1f}", flush=True)
            app.quit()

        QTimer.singleShot(AFTER_ROWS_MS, report)


def _paint_filter(app, matches, on_paint):
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):
            if not self.done and event.type() == QEvent.Type.Paint and matches(watched):
                self.done = True
                on_paint()
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    return probe


def bare(db_path: str) -> int:
    import sqlite3

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    stalls = StallProbe()
    window = QMainWindow()
    model = QStandardItemModel(0, 9)
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1366, 768)

    def rows_painted() -> None:
        print("rows", flush=True)
        stalls.report_later(app)

    def fill() -> None:
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        for row in connection.execute(FIRST_ROWS):
            model.appendRow([QStandardItem("" if v is None else str(v)) for v in row[1:]])
        connection.close()
        keep.append(
            _paint_filter(app, lambda w: w is table.viewport() and model.rowCount(), rows_painted)
        )

    keep = [_paint_filter(app, lambda w: isinstance(w, QMainWindow), lambda: print("shown"))]
    QTimer.singleShot(0, fill)
    window.show()
    return app.exec()


def app(db_path: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from engagement_desk.cli import main

    qapp = QApplication(sys.argv[:1])
    stalls = StallProbe()

    def people_rows(widget) -> bool:
        table = widget.parent() if widget.objectName() == "qt_scrollarea_viewport" else None
        return (
            isinstance(table, QTableView)
            and table.objectName() == "people_table"
            and table.model() is not None
            and table.model().rowCount() > 0
        )

    def rows_painted() -> None:
        print("rows", flush=True)
        stalls.report_later(qapp)

    def shown() -> None:
        print("shown", flush=True)

    keep = [
        _paint_filter(qapp, lambda w: isinstance(w, QMainWindow), shown),
        _paint_filter(qapp, people_rows, rows_painted),
    ]
    QTimer.singleShot(0, lambda: keep)
    return main(["--db", db_path])


if __name__ == "__main__":
    sys.exit(bare(sys.argv[2]) if sys.argv[1] == "bare" else app(sys.argv[2]))
