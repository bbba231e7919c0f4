"""Every tab and sub-page of the window on the 100,000-person dataset: time to content, SQL, RSS.

    python benchmarks/bench_tabs.py                  # SQLite (the shared dataset)
    python benchmarks/bench_tabs.py --db URL_OR_PATH # one database only
    ENGAGEMENT_DESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/bench \\
        python benchmarks/bench_tabs.py              # SQLite, then PostgreSQL

For PostgreSQL the database must hold the dataset already (``engagement-desk data
export`` from the SQLite file, ``data import`` into the empty server database).

Each page is opened the way a person does (the main tab, then its sub-tab) and
timed until its content is there: every query it started has answered, the
answers are shown, and the window has repainted ("rows visible", not "widget
shown"). The SQL statements each opening sends are counted. After every page
has been visited once, the process's resident memory is read. Each database runs
in a process of its own. Targets: each page ≤ 300 ms, RSS ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

PAGE_TARGET_MS = 300
RSS_TARGET_MB = 400
URL_ENV = "ENGAGEMENT_DESK_BENCH_PG"
SIZE = (1366, 768)
IDLE_STEP_MS = 2
TIMEOUT_S = 120.0


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; peak on other systems)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sub_tabs(content):
    """The sub-page tab widget of a tab, as the manual's F1 finds it (or None)."""
    from PySide6.QtWidgets import QTabWidget

    if isinstance(content, QTabWidget):
        return content
    for name in ("tabs", "sections"):
        candidate = getattr(content, name, None)
        if isinstance(candidate, QTabWidget):
            return candidate
    return None


def _until_shown(app, ops) -> None:
    """Run the event loop until no query is pending twice in a row, then paint."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + TIMEOUT_S
    quiet = 0
    while quiet < 2 and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        if ops.busy:
            quiet = 0
            QTest.qWait(IDLE_STEP_MS)
        else:
            quiet += 1
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.repaint()
    app.processEvents()


def measure(target: str, only: str = "") -> dict:
    """Open the window on ``target`` and visit every page (or the tabs named ``only``)."""
    from PySide6.QtCore import QSettings
    from sqlalchemy import event

    from engagement_desk.ui.app import application, open_database
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.i18n import LanguageSwitcher
    from engagement_desk.ui.main_window import MainWindow
    from engagement_desk.ui.operations import Operations
    from engagement_desk.ui.widgets.dialogs import Dialogs

    app = application()
    languages = LanguageSwitcher(app)
    languages.apply("de")
    dialogs = Dialogs()
    db = open_database(target, demo=False, dialogs=dialogs)
    if db is None:
        raise SystemExit(f"cannot open {target}")
    statements = [0]

    def count(*_args) -> None:
        statements[0] += 1

    event.listen(db.engine, "before_cursor_execute", count)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat)
        ops = Operations(dialogs)
        ctx = AppContext(
            database=db, ops=ops, settings=settings, dialogs=dialogs, languages=languages
        )
        rss_before = rss_mb()
        pages: list[dict] = []

        def visit(name: str, switch) -> None:
            statements[0] = 0
            started = time.perf_counter()
            switch()
            _until_shown(app, ops)
            elapsed = (time.perf_counter() - started) * 1000
            rss = rss_mb()
            pages.append(
                {"page": name, "ms": round(elapsed, 1), "statements": statements[0], "rss_mb": rss}
            )
            print(
                f"  {name:<42} {elapsed:8.1f} ms {statements[0]:6d} SQL {rss:6.0f} MB", flush=True
            )

        opened: list[MainWindow] = []

        def open_window() -> None:
            opened.append(MainWindow(ctx))
            opened[0].resize(*SIZE)
            opened[0].show()

        visit("window (opens on its first tab)", open_window)
        window = opened[0]
        for index, page in enumerate(window.pages):
            tab_name = window.tabs.tabText(index).replace("&&", "&").replace("&", "")
            if only and only.casefold() not in tab_name.casefold():
                continue
            if index != window.tabs.currentIndex():
                visit(tab_name, lambda i=index: window.show_tab(i))
            sub = _sub_tabs(page.content)
            if sub is None:
                continue
            for sub_index in range(sub.count()):
                if sub_index == sub.currentIndex() or not sub.isTabEnabled(sub_index):
                    continue
                visit(
                    f"{tab_name} ▸ {sub.tabText(sub_index).replace('&', '')}",
                    lambda s=sub, j=sub_index: s.setCurrentIndex(j),
                )
        rss_after = rss_mb()
        window.close()
        ops.shutdown()
    db.dispose()
    return {
        "database": "PostgreSQL" if "://" in target else "SQLite",
        "pages": pages,
        "rss_before_window_mb": round(rss_before, 1),
        "rss_after_all_pages_mb": round(rss_after, 1),
    }


def report(figures: dict) -> None:
    print(f"\n{figures['database']}: page, ms to content (target ≤ {PAGE_TARGET_MS}), SQL")
    for page in figures["pages"]:
        verdict = "ok" if page["ms"] <= PAGE_TARGET_MS else "MISSED"
        print(
            f"  {page['page']:<42} {page['ms']:8.1f} {page['statements']:6d}  {verdict:<6}"
            f"  RSS {page['rss_mb']:.0f} MB"
        )
    rss = figures["rss_after_all_pages_mb"]
    verdict = "ok" if rss <= RSS_TARGET_MB else "MISSED"
    print(
        f"  RSS after every page: {rss:.0f} MB (target ≤ {RSS_TARGET_MB}; "
        f"{figures['rss_before_window_mb']:.0f} MB before the window)  {verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="one database (path or URL), measured in this process")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--only", default="", help="only the tabs whose name contains this")
    args = parser.parse_args()
    if args.db:
        figures = measure(args.db, args.only)
        print(json.dumps(figures) if args.json else "", flush=True)
        if not args.json:
            report(figures)
        return 0
    from dataset import ensure_dataset

    targets = [str(ensure_dataset())]
    if os.environ.get(URL_ENV):
        targets.append(os.environ[URL_ENV])
    for target in targets:
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        done = subprocess.run(
            [sys.executable, __file__, "--db", target, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        report(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
