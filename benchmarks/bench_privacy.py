"""Data protection on 100,000 people, in named sections (``python bench_privacy.py [name …]``).

access report — the DSGVO Art. 15 answer (letter PDF + JSON file, audit entry) for
the person with the longest history: most hours entries, rides driven and taken.
Target ≤ 1 s. Runs on a copy of the dataset, so the audit entries it writes
do not pile up in the shared file.

anonymize one person — ``anonymize_person`` for busy volunteers with nothing
blocking, each run another person, on a copy of the dataset: what the person at
the window waits for. Target ≤ 200 ms. Reported beside it: the search-index
purge that follows on the writer thread (``purge_search_index``), which the
person does not wait for.

review list — ``retention_review`` over all people, read-only. Target ≤ 1 s.

A section is a function ``(db_path) -> dict[str, float]`` in ``SECTIONS``.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import ensure_dataset
from sqlalchemy import func, select, union_all

from engagement_desk import migrator
from engagement_desk.db import Access, Database
from engagement_desk.models import HoursEntry, Ride, RidePassenger
from engagement_desk.services.privacy.access import access_report, write_access_report

RUNS = 7


def longest_history(db: Database) -> tuple[int, int]:
    """The person with the most hours entries, rides driven and rides taken; and that count."""
    activity = union_all(
        select(HoursEntry.person_id.label("person_id")),
        select(Ride.driver_id.label("person_id")).where(Ride.driver_id.is_not(None)),
        select(RidePassenger.person_id.label("person_id")),
    ).subquery()
    statement = (
        select(activity.c.person_id, func.count().label("n"))
        .group_by(activity.c.person_id)
        .order_by(func.count().desc(), activity.c.person_id)
        .limit(1)
    )
    with db.read_session() as session:
        person_id, count = session.execute(statement).one()
    return person_id, count


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _median_ms(action: Callable[[], object]) -> float:
    action()  # warm: fonts, mappers, page cache
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def access_report_section(db_path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        _copy(db_path, copy)
        out = Path(folder) / "out"
        out.mkdir()
        db = Database(copy)
        migrator.upgrade(db)
        try:
            person_id, activity = longest_history(db)
            report = access_report(db, person_id)
            figures = {
                "access_person_rows": float(report.row_count),
                "access_person_activity": float(activity),
                "access_read_p50_ms": _median_ms(lambda: access_report(db, person_id)),
                "access_report_p50_ms": _median_ms(lambda: write_access_report(db, person_id, out)),
            }
        finally:
            db.dispose()
    return figures


def _anonymisable(db: Database, count: int) -> list[int]:
    """Volunteers with the most hours entries that nothing blocks (no future duty)."""
    from engagement_desk.services.privacy.anonymize import preview_anonymization

    statement = (
        select(HoursEntry.person_id)
        .group_by(HoursEntry.person_id)
        .order_by(func.count().desc(), HoursEntry.person_id)
        .limit(count * 20)
    )
    with db.read_session() as session:
        candidates = session.scalars(statement).all()
    chosen = [pid for pid in candidates if preview_anonymization(db, pid).possible]
    return chosen[:count]


def anonymize_section(db_path: Path) -> dict[str, float]:
    """Anonymise one person (target ≤ 200 ms): each run takes another busy volunteer."""
    from engagement_desk.services.privacy.anonymize import anonymize_person, purge_search_index

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        _copy(db_path, copy)
        db = Database(copy)
        migrator.upgrade(db)
        try:
            people = iter(_anonymisable(db, RUNS + 1))
            anonymize_person(db, next(people))  # warm: mappers, page cache
            purge_search_index(db)
            waits, purges = [], []
            for _ in range(RUNS):
                started = time.perf_counter()
                anonymize_person(db, next(people))
                between = time.perf_counter()
                purge_search_index(db)
                waits.append((between - started) * 1000)
                purges.append((time.perf_counter() - between) * 1000)
            figures = {
                "anonymize_one_p50_ms": statistics.median(waits),
                "index_purge_after_p50_ms": statistics.median(purges),
            }
        finally:
            db.dispose()
    return figures


def review_section(db_path: Path) -> dict[str, float]:
    """The retention review list over 100,000 people (target ≤ 1 s)."""
    from engagement_desk.services.privacy.review import retention_review

    db = Database(db_path, access=Access.READ)
    try:
        return {
            "review_people_3y": float(len(retention_review(db, 3))),
            "review_list_3y_p50_ms": _median_ms(lambda: retention_review(db, 3)),
            "review_list_1y_p50_ms": _median_ms(lambda: retention_review(db, 1)),
        }
    finally:
        db.dispose()


SECTIONS: dict[str, Callable[[Path], dict[str, float]]] = {
    "access report": access_report_section,
    "anonymize one person": anonymize_section,
    "review list": review_section,
}


def measure(db_path: Path, names: list[str] | None = None) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name in names or list(SECTIONS):
        figures.update(SECTIONS[name](db_path))
    return figures


def main(argv: list[str] | None = None) -> None:
    names = list(sys.argv[1:] if argv is None else argv) or None
    unknown = [n for n in names or [] if n not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    for name, value in measure(ensure_dataset(), names).items():
        print(f"{name:>26}: {value:9.1f}")


if __name__ == "__main__":
    main()
