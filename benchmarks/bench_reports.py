"""Benchmark: the Auswertung for one year (with the year before) on the 100k-person dataset.

    python benchmarks/bench_reports.py [--runs 3] [--year YYYY]

``period_report`` as the Auswertung page and ``engagement-desk report`` call it:
every section for the year and for the year before, no filter; then the same
for one Engagement-Zentrum. SQLite always; PostgreSQL too when
``ENGAGEMENT_DESK_BENCH_PG`` names a database (loaded by
``dataset.ensure_pg_dataset``; its contents are replaced). Target: ≤ 500 ms
(median of the runs after one warm-up), printed with the load average and the
time per section; exit code 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from dataset import ensure_dataset, ensure_pg_dataset  # noqa: E402

from engagement_desk.db import Database  # noqa: E402
from engagement_desk.services.reports import period_report as reports  # noqa: E402
from engagement_desk.services.reports.choices import report_choices  # noqa: E402
from engagement_desk.services.reports.period_report import (  # noqa: E402
    Period,
    ReportFilter,
    period_report,
)

URL_ENV = "ENGAGEMENT_DESK_BENCH_PG"
TARGET_MS = 500.0


def timed(call: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls after one warm-up call."""
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def sections(db: Database, period: Period) -> dict[str, float]:
    """Milliseconds per section for one period (one run each, after the full report warmed up)."""
    figures = {}
    with db.read_session() as session:
        for name, call in (
            ("people", lambda: reports.people_section(session, period, None)),
            ("placements", lambda: reports.placements_section(session, period, None)),
            ("events", lambda: reports.events_section(session, period, None)),
            ("rides", lambda: reports.rides_section(session, period, None, None)),
            ("hours", lambda: reports.hours_section(session, period, None)),
        ):
            started = time.perf_counter()
            call()
            figures[name] = (time.perf_counter() - started) * 1000
    return figures


def measure(db: Database, label: str, year: int, runs: int) -> dict[str, float]:
    period = Period.year(year)
    figures = {f"{label}_year_ms": timed(lambda: period_report(db, period), runs)}
    centers = report_choices(db).centers
    if centers:
        one = ReportFilter(center_id=centers[0][0], center_name=centers[0][1])
        figures[f"{label}_year_one_centre_ms"] = timed(lambda: period_report(db, period, one), runs)
    for name, ms in sections(db, period).items():
        figures[f"{label}_section_{name}_ms"] = ms
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int, default=dt.date.today().year)
    args = parser.parse_args()
    load_before = os.getloadavg()
    figures: dict[str, float] = {}
    db = Database(ensure_dataset())
    try:
        figures.update(measure(db, "sqlite", args.year, args.runs))
    finally:
        db.dispose()
    url = os.environ.get(URL_ENV)
    if url:
        pg = Database(ensure_pg_dataset(url))
        try:
            figures.update(measure(pg, "pg", args.year, args.runs))
        finally:
            pg.dispose()
    load_after = os.getloadavg()
    print(f"Auswertung {args.year} (with {args.year - 1}), median of {args.runs} runs")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    missed = False
    for name, value in figures.items():
        targeted = "_section_" not in name
        verdict = ("ok" if value <= TARGET_MS else "MISSED") if targeted else ""
        missed |= verdict == "MISSED"
        target = f"{TARGET_MS:.0f}" if targeted else ""
        print(f"{name:<36} {value:9.1f} ms  {target:>4}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
