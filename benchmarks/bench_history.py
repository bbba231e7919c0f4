"""The large hours history: totals, Ehrenamtskarte lists, certificate selection, year
report and ``data import`` on the benchmark dataset (100k people, over 1M hours entries).

    python benchmarks/bench_history.py [--no-import]

Runs on the SQLite dataset and, when ``ENGAGEMENT_DESK_BENCH_PG`` names a database
(it is loaded by ``dataset.ensure_pg_dataset``; its contents are replaced), on
PostgreSQL too:

    ENGAGEMENT_DESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/bench \\
        python benchmarks/bench_history.py

Targets: each query ≤ 500 ms (median of a few runs after one warm-up); ``data
import`` of the whole dataset's export peaks at ≤ 400 MB RSS (measured with
``/usr/bin/time``-style ``ru_maxrss`` of a child process). The load average is
printed with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from dataset import ensure_dataset, ensure_pg_dataset  # noqa: E402

from engagement_desk.db import Database  # noqa: E402

URL_ENV = "ENGAGEMENT_DESK_BENCH_PG"
RUNS = 3
QUERY_TARGET_MS = 500
IMPORT_TARGET_MB = 400


CPU_MS: dict[str, float] = {}
"""This process's CPU time per figure (SQLite works in-process): on a machine shared with
other work the wall-clock figure includes waiting for a core; the CPU figure does not."""


def timed(call: Callable[[], object], runs: int = RUNS) -> float:
    """Median milliseconds of ``runs`` calls after one warm-up call (CPU time in ``CPU_MS``)."""
    call()
    samples, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    CPU_MS["last"] = statistics.median(cpu)
    return statistics.median(samples)


def query_figures(db: Database, label: str) -> dict[str, float]:
    from engagement_desk.models.enums import CertificateKind
    from engagement_desk.services.certificates.eligibility import eligibility
    from engagement_desk.services.certificates.selection import Selection, select_recipients
    from engagement_desk.services.hours.totals import hours_totals

    today = dt.date.today()
    year = today.year
    figures: dict[str, float] = {}

    def measure(name: str, call: Callable[[], object]) -> None:
        figures[f"{label}_{name}_ms"] = timed(call)
        if label == "sqlite":
            figures[f"{label}_{name}_cpu_ms"] = CPU_MS["last"]

    measure("totals_year_org_center", lambda: hours_totals(db))
    measure("totals_person_year", lambda: hours_totals(db, group_by=("person",), year=year))
    measure(
        "totals_person_last_12_months",
        lambda: hours_totals(
            db, group_by=("person",), start=today - dt.timedelta(days=365), end=today
        ),
    )
    measure("eligibility_rp", lambda: eligibility(db, "ehrenamtskarte-rp", today))
    measure("eligibility_by", lambda: eligibility(db, "by", today))
    measure(
        "selection_year_min_hours",
        lambda: select_recipients(
            db,
            CertificateKind.RECOGNITION,
            Selection(year=year - 1, min_hours=Decimal(40)),
            today=today,
        ),
    )
    measure(
        "selection_rule",
        lambda: select_recipients(
            db,
            CertificateKind.RECOGNITION,
            Selection(year=year, rule_id="ehrenamtskarte-rp"),
            today=today,
        ),
    )
    report = _year_report(db, year - 1)
    if report is not None:
        measure("year_report", report)
    return figures


def _year_report(db: Database, year: int) -> Callable[[], object] | None:
    """The Auswertung of a year (``reports.period_report``), if this program has it."""
    try:
        from engagement_desk.services.reports.period import Period
        from engagement_desk.services.reports.period_report import period_report
    except ImportError:
        return None
    return lambda: period_report(db, Period.year(year))


def report(figures: dict[str, float]) -> None:
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for name, value in figures.items():
        target = IMPORT_TARGET_MB if name.endswith("_mb") else QUERY_TARGET_MS
        verdict = "ok" if value <= target or not name.endswith(("_ms", "_mb")) else "MISSED"
        if name.endswith("_import_s"):
            verdict = ""
        print(f"{name:<40} {value:10.1f}  target {target:>4}  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-import", action="store_true", help="queries only")
    args = parser.parse_args()
    path = ensure_dataset()
    figures: dict[str, float] = {}
    db = Database(path)
    try:
        figures.update(query_figures(db, "sqlite"))
    finally:
        db.dispose()
    url = os.environ.get(URL_ENV)
    if url:
        pg = Database(ensure_pg_dataset(url))
        try:
            figures.update(query_figures(pg, "pg"))
        finally:
            pg.dispose()
    if not args.no_import:
        from bench_import import import_figures

        figures.update(import_figures(path, url))
    report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
