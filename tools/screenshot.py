"""Open the window on a database, offscreen, and save one PNG per tab (to look at the UI).

    python tools/screenshot.py --db office.sqlite3 --out /tmp/shots [--lang en] [--demo]

With ``--demo`` (and no ``--db``) the demo database is used and, when empty,
filled first, as ``engagement-desk --demo`` would.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WAIT_STEP_MS = 50


def wait_until_idle(ops, timeout_s: float = 120.0) -> None:
    """Let the event loop run until no operation is pending (without a busy loop)."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_s
    QTest.qWait(WAIT_STEP_MS)
    while ops.busy and time.monotonic() < deadline:
        QTest.qWait(WAIT_STEP_MS)
    QTest.qWait(WAIT_STEP_MS * 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database path or URL")
    parser.add_argument("--demo", action="store_true", help="use the demo database")
    parser.add_argument("--out", type=Path, default=Path("/tmp/engagement-desk-shots"))
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    parser.add_argument("--size", default="1280x800", help="window size, WxH")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings

    from engagement_desk.ui.app import application, open_database, show_main_window
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.i18n import LanguageSwitcher
    from engagement_desk.ui.operations import Operations
    from engagement_desk.ui.widgets.dialogs import Dialogs

    app = application()
    languages = LanguageSwitcher(app)
    languages.apply(args.lang)
    dialogs = Dialogs()
    db = open_database(args.db, demo=args.demo, dialogs=dialogs)
    if db is None:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(args.out / "screenshot-settings.ini"), QSettings.Format.IniFormat)
    settings.clear()
    ops = Operations(dialogs)
    ctx = AppContext(
        database=db,
        ops=ops,
        settings=settings,
        dialogs=dialogs,
        languages=languages,
        demo=args.demo,
    )
    try:
        window = show_main_window(ctx)
        width, height = (int(n) for n in args.size.split("x"))
        window.resize(width, height)
        wait_until_idle(ops)
        for index, page in enumerate(window.pages):
            window.show_tab(index)
            wait_until_idle(ops)
            target = args.out / f"{index + 1}-{page.spec.key}-{args.lang}.png"
            window.grab().save(str(target))
            print(target)
        window.close()
    finally:
        ops.shutdown()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
