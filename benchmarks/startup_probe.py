"""One cold start, timed by the parent: prints ``shown`` at the first paint of the main window.

    python benchmarks/startup_probe.py bare         # a bare PySide6 window with one table
    python benchmarks/startup_probe.py app DB_PATH  # engagement-desk --db DB_PATH

With ``app`` it goes on to print ``rows`` once the people list shows rows.
"""

from __future__ import annotations

import sys


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(0, 9)
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)

    # The same application-wide filter as for ``app``: the measuring must cost both alike.
    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QMainWindow)
            ):
                self.done = True
                print("shown", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    window.show()
    return app.exec()


def app(db_path: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from engagement_desk.cli import main

    qapp = QApplication(sys.argv[:1])

    def rows_visible() -> bool:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                for table in widget.findChildren(QTableView):
                    if table.isVisible() and table.model() and table.model().rowCount() > 0:
                        return True
        return False

    def poll() -> None:
        if rows_visible():
            print("rows", flush=True)
            qapp.quit()
        else:
            QTimer.singleShot(2, poll)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QMainWindow)
            ):
                self.done = True
                print("shown", flush=True)
                QTimer.singleShot(0, poll)
            return False

    probe = FirstPaint()
    qapp.installEventFilter(probe)
    return main(["--db", db_path])


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app(sys.argv[2]))
