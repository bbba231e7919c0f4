"""Run every benchmark and report the figures against their targets.

    python benchmarks/run.py [--quick]

Builds the 100,000-person demo dataset once (benchmarks/data/, not committed)
and writes the figures to benchmarks/results/latest.json as well.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_lists  # noqa: E402
import bench_startup  # noqa: E402
from dataset import ensure_dataset  # noqa: E402

TARGETS = {
    "start_ratio": 1.3,
    "app_longest_stall_ms": 100,
    **{
        f"{prefix}{name}": 50
        for prefix in ("", "pg_")
        for name in (
            "list_first_paint_ms",
            "filter_keystroke_p95_ms",
            "sort_p95_ms",
            "batch_in_window_p95_ms",
            "batch_at_99000_p95_ms",
        )
    },
}
OTHER_BENCHMARKS = (
    "bench_demo.py",
    "bench_search.py",
    "bench_sort.py",  # and on PostgreSQL with ENGAGEMENT_DESK_BENCH_PG
    "bench_rides.py",
    "bench_certificates.py",
    "bench_events.py",
    "bench_person_open.py",
    "bench_backup.py",
    "bench_live_refresh.py",  # PostgreSQL only: ENGAGEMENT_DESK_BENCH_PG
    "bench_tabs.py",  # and on PostgreSQL with ENGAGEMENT_DESK_BENCH_PG
    "bench_annual_report.py",
    "bench_reports.py",  # and on PostgreSQL with ENGAGEMENT_DESK_BENCH_PG
    "bench_letters.py",
    "bench_history.py",  # totals, eligibility, selection, data import RSS; and on PostgreSQL
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only start-up and lists")
    args = parser.parse_args()
    db_path = ensure_dataset()
    figures: dict[str, float] = {}
    figures.update(bench_startup.measure(db_path))
    figures.update(bench_lists.measure(db_path))
    print("\nfigure                          value   target")
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if value <= target else "  MISSED")
        print(f"{name:<28} {value:9.3f}  {target if target is not None else '':>6}{verdict}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps(figures, indent=2) + "\n")
    if not args.quick:
        for script in OTHER_BENCHMARKS:
            if (HERE / script).exists():
                print(f"\n== {script}", flush=True)
                subprocess.run([sys.executable, str(HERE / script)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
