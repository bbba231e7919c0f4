"""Benchmark: build the demo agency; the target for 100,000 people is at most 30 seconds.

    /work/venv/bin/python benchmarks/bench_demo.py [--people 100000] [--seed 2026] [--keep]

Builds into a fresh SQLite file in a temporary directory (migration not
timed), prints the seconds per stage, the total and the rows per table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.services.demo import generate_demo

TARGET_SECONDS = 30.0
TODAY = dt.date(2026, 11, 21)


class StageTimer:
    """A Progress that prints when each stage starts; never cancels."""

    cancelled = False

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.cpu_started = time.process_time()
        self.stage = ""

    def report(self, done: int, total: int, text: str = "") -> None:
        if text != self.stage:
            self.stage = text
            wall = time.perf_counter() - self.started
            cpu = time.process_time() - self.cpu_started
            print(f"  {wall:7.2f} s (CPU {cpu:6.2f} s)  {text}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="bench-demo-"))
    path = directory / "demo.sqlite3"
    db = Database(path)
    migrator.upgrade(db)
    print(f"demo --people {args.people} --seed {args.seed} into {path}")
    started = time.perf_counter()
    cpu_started = time.process_time()
    summary = generate_demo(
        db, people=args.people, seed=args.seed, today=TODAY, progress=StageTimer()
    )
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    db.dispose()

    for table, rows in sorted(summary.counts.items()):
        print(f"  {table:<24} {rows:>9,}")
    total_rows = sum(summary.counts.values())
    size_mb = path.stat().st_size / 1e6
    print(f"rows {total_rows:,}, file {size_mb:.0f} MB, CPU {cpu:.1f} s")
    verdict = "ok" if args.people != 100_000 or seconds <= TARGET_SECONDS else "MISSED"
    print(f"demo_seconds {seconds:.2f}  (target {TARGET_SECONDS:.0f} s for 100,000) {verdict}")
    if not args.keep:
        for leftover in directory.iterdir():
            leftover.unlink()
        directory.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
