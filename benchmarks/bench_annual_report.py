"""Benchmark: the Jahresbericht of the 100,000-person database as PDF and as XLSX, ≤ 5 s each.

    python benchmarks/bench_annual_report.py [--year 2026] [--runs 3]

Each run is what the window and ``engagement-desk report --out`` do: count the
figures of the year and the year before (``period_report``), then write the
file (``write_annual_report``). Both steps are reported apart, as wall time
and as this process's CPU time (the fair figure on a machine shared with
others), with the load average before and after. The target applies to the
whole (figures + file). The exit code is 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from dataset import ensure_dataset  # noqa: E402

from engagement_desk.db import Database  # noqa: E402
from engagement_desk.services.reports.annual_report import write_annual_report  # noqa: E402
from engagement_desk.services.reports.period import Period  # noqa: E402
from engagement_desk.services.reports.period_report import PeriodReport, period_report  # noqa: E402

TARGET_S = 5.0


def timed(action: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=dt.date.today().year)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    db = Database(ensure_dataset())
    load_before = os.getloadavg()
    figures_wall: list[float] = []
    figures_cpu: list[float] = []
    files: dict[str, tuple[list[float], list[float], int]] = {
        ".pdf": ([], [], 0),
        ".xlsx": ([], [], 0),
    }
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.runs):
            wall, cpu, report = timed(lambda: period_report(db, Period.year(args.year)))
            figures_wall.append(wall)
            figures_cpu.append(cpu)
            assert isinstance(report, PeriodReport)
            for suffix, (walls, cpus, _) in files.items():
                path = Path(folder) / f"Jahresbericht{suffix}"
                wall, cpu, _written = timed(lambda p=path, r=report: write_annual_report(db, r, p))
                walls.append(wall)
                cpus.append(cpu)
                files[suffix] = (walls, cpus, path.stat().st_size)
    db.dispose()
    load_after = os.getloadavg()
    figures_median = statistics.median(figures_wall)
    print(f"Jahresbericht {args.year}, 100,000 people, median of {args.runs} runs")
    print(
        f"  figures (period_report, year and year before): {figures_median:6.2f} s wall, "
        f"{statistics.median(figures_cpu):6.2f} s CPU"
    )
    missed = False
    for suffix, (walls, cpus, size) in files.items():
        total = figures_median + statistics.median(walls)
        verdict = "ok" if total <= TARGET_S else "MISSED"
        missed |= total > TARGET_S
        print(
            f"  {suffix[1:].upper():<4} file: {statistics.median(walls):6.2f} s wall, "
            f"{statistics.median(cpus):6.2f} s CPU, {size / 1024:.0f} KiB; "
            f"with figures {total:6.2f} s (target ≤ {TARGET_S:.0f} s) {verdict}"
        )
    print(
        "  load average before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f}".format(
            *load_before, *load_after
        )
    )
    print("  (CPU time is this process only: the fair figure on a machine shared with others)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
