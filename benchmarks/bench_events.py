"""Benchmark: an event with 2,000 registrations; opening and filtering ≤ 100 ms each.

    /work/venv/bin/python benchmarks/bench_events.py [--registrations 2000] [--runs 15]

Measures the service calls the event window makes, on a fresh SQLite file:
opening = get_event + list_shifts + list_registrations (all rows), filtering =
list_registrations with a name filter, with a status filter, and by shift;
then the same in the window (offscreen): the Veranstaltungen tab opening the
event (form, registrations table, shifts, questions) and the registrations
filter showing its rows; also one check-in of 500 registrations (not a
target, reported for reference).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Person, Registration
from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.services.events.editing import create_event, get_event
from engagement_desk.services.events.records import EventData, RegistrationFilter, ShiftData
from engagement_desk.services.events.registrations import check_in, list_registrations
from engagement_desk.services.events.shifts import add_shift, list_shifts

TARGET_MS = 100.0
FIRST = ("Anna", "Jörg", "Łucja", "Şükrü", "Maria", "Peter", "Fatma", "Olga", "Hans", "Lea")
LAST = ("Müller", "Schmidt", "Wąsowska", "Ağaoğlu", "Becker", "Weber", "Petrova", "Klein")


def build(db: Database, count: int) -> tuple[int, int]:
    start = dt.datetime(2026, 9, 12, 9, 0)
    event = create_event(
        db,
        EventData(
            EventKind.VOLUNTEER_DAY,
            "Freiwilligentag",
            start,
            start + dt.timedelta(hours=9),
            capacity=count - 200,
        ),
    )
    shifts = [
        add_shift(
            db,
            event.id,
            ShiftData(
                f"Schicht {i}", start + dt.timedelta(hours=i), start + dt.timedelta(hours=i + 2), 40
            ),
        )
        for i in range(6)
    ]
    now = dt.datetime(2026, 8, 1, tzinfo=dt.UTC)
    with db.session() as session:
        session.execute(
            insert(Person),
            [
                {"first_name": FIRST[i % len(FIRST)], "last_name": f"{LAST[i % len(LAST)]}{i}"}
                for i in range(count)
            ],
        )
        ids = session.scalars(Person.__table__.select().with_only_columns(Person.id)).all()
        rows = []
        for i, person_id in enumerate(ids):
            helper = i % 10 == 0
            rows.append(
                {
                    "event_id": event.id,
                    "person_id": person_id,
                    "role": RegistrationRole.HELPER if helper else RegistrationRole.PARTICIPANT,
                    "shift_id": shifts[i % len(shifts)].id if helper else None,
                    "status": RegistrationStatus.WAITING_LIST
                    if i >= count - 150
                    else RegistrationStatus.REGISTERED,
                    "registered_at": now + dt.timedelta(seconds=i),
                }
            )
        session.execute(insert(Registration), rows)
    return event.id, shifts[0].id


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    action()  # warm caches, compile statements
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), max(samples)


def window_cases(db: Database, event_id: int) -> dict[str, Callable[[], object]]:
    """The tab's own work, with operations inline so the timing covers query and paint."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.events.tab import EventsTab
    from engagement_desk.ui.i18n import LanguageSwitcher
    from engagement_desk.ui.operations import Operations
    from engagement_desk.ui.widgets.dialogs import Dialogs

    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp()
    ctx = AppContext(
        database=db,
        ops=Operations(Dialogs(), inline=True),
        settings=QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat),
        dialogs=Dialogs(),
        languages=LanguageSwitcher(app),
    )
    tab = EventsTab(ctx)
    tab.resize(1400, 800)
    tab.show()
    tab.details.setCurrentWidget(tab.registrations)
    panel = tab.registrations

    def open_in_window() -> int:
        tab.new_event()
        tab.open_record(event_id)
        app.processEvents()
        return panel.model.rowCount()

    def filter_in_window() -> int:
        panel.filter.setText("müller1" if panel.filter.text() != "müller1" else "müller2")
        panel.reload()
        app.processEvents()
        return panel.model.rowCount()

    open_in_window()
    assert panel.model.rowCount() == len(list_registrations(db, event_id))
    return {
        "window: open the event (all pages)": open_in_window,
        "window: type a name filter": filter_in_window,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "bench.sqlite3")
        migrator.upgrade(db)
        event_id, shift_id = build(db, args.registrations)

        def open_event() -> int:
            get_event(db, event_id)
            list_shifts(db, event_id)
            return len(list_registrations(db, event_id))

        assert open_event() == args.registrations
        cases = {
            "open (event + shifts + all registrations)": open_event,
            "filter by name 'müller1'": lambda: list_registrations(
                db, event_id, RegistrationFilter(text="müller1")
            ),
            "filter waiting list": lambda: list_registrations(
                db, event_id, RegistrationFilter(statuses=(RegistrationStatus.WAITING_LIST,))
            ),
            "filter helpers of one shift": lambda: list_registrations(
                db, event_id, RegistrationFilter(shift_id=shift_id)
            ),
        }
        cases.update(window_cases(db, event_id))
        missed = False
        print(f"{args.registrations} Anmeldungen, Median/Max aus {args.runs} Läufen:")
        for name, action in cases.items():
            median, worst = timed(action, args.runs)
            verdict = "ok" if median <= TARGET_MS else "VERFEHLT"
            missed |= median > TARGET_MS
            print(f"  {name:<44} {median:7.1f} ms  (max {worst:6.1f})  {verdict}")
        registrations = list_registrations(db, event_id)[:500]
        began = time.perf_counter()
        check_in(db, [r.id for r in registrations])
        print(
            f"  check-in of 500 (incl. hours sync)          "
            f"{(time.perf_counter() - began) * 1000:7.1f} ms"
        )
        db.dispose()
    print(f"Ziel ≤ {TARGET_MS:.0f} ms: {'VERFEHLT' if missed else 'erreicht'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
