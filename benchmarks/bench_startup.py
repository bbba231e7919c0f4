"""Cold start to the first people rows, against a bare PySide6 program in the same run.

The baseline (``startup_probe.py bare``) opens the same SQLite file, reads the
same first 200 rows of the people list and shows them in a QTableView. Target:
process start → first people rows painted ≤ 1.3 × the baseline's; and the GUI
thread never stalls > 100 ms from its first turn to 1.5 s after the rows (a 5 ms
heartbeat measures the longest gap). Each side has a temporary HOME of its own
for the whole run, so the benchmark never reads the user's settings or
connection profiles; the warm-up start makes the day's automatic backup, as the
first start of a working day does, and the timed starts are the day's later ones.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dataset import ensure_dataset

PROBE = Path(__file__).resolve().parent / "startup_probe.py"
RUNS = 7
TARGET_RATIO = 1.3
TARGET_STALL_MS = 100


def _timed(args: list[str], marks: tuple[str, ...], home: str) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "HOME": home,
        "XDG_CONFIG_HOME": str(Path(home) / ".config"),
        "XDG_DATA_HOME": str(Path(home) / ".local" / "share"),
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, text=True, env=env
    )
    times: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        word, _, value = line.strip().partition(" ")
        if word in marks:
            times[word] = float(value) / 1000 if value else time.perf_counter() - start
    process.wait(timeout=120)
    missing = set(marks) - times.keys()
    if missing:
        raise RuntimeError(f"probe {args} never reported {missing}")
    return times


def measure(db_path: Path, runs: int = RUNS) -> dict[str, float]:
    with (
        tempfile.TemporaryDirectory(prefix="ed-bench-bare-") as bare_home,
        tempfile.TemporaryDirectory(prefix="ed-bench-app-") as app_home,
    ):
        return _measure(db_path, runs, bare_home, app_home)


def _measure(db_path: Path, runs: int, bare_home: str, app_home: str) -> dict[str, float]:
    marks = ("shown", "rows", "stall")
    load_before = os.getloadavg()[0]
    bare_args, app_args = ["bare", str(db_path)], ["app", str(db_path)]
    _timed(bare_args, marks, bare_home)  # warm the OS file cache for both sides alike
    _timed(app_args, marks, app_home)
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    for _ in range(runs):  # interleaved, so machine load hits both sides
        bare.append(_timed(bare_args, marks, bare_home))
        app.append(_timed(app_args, marks, app_home))

    def median(side: list[dict[str, float]], mark: str) -> float:
        return statistics.median(run[mark] for run in side)

    result = {
        "bare_window_s": median(bare, "shown"),
        "bare_first_rows_s": median(bare, "rows"),
        "app_window_s": median(app, "shown"),
        "app_first_rows_s": median(app, "rows"),
        "bare_longest_stall_ms": 1000 * max(run["stall"] for run in bare),
        "app_longest_stall_ms": 1000 * max(run["stall"] for run in app),
        "app_longest_stall_median_ms": 1000 * median(app, "stall"),
    }
    result["window_ratio"] = result["app_window_s"] / result["bare_window_s"]
    result["start_ratio"] = result["app_first_rows_s"] / result["bare_first_rows_s"]
    result["start_load_average"] = (load_before + os.getloadavg()[0]) / 2
    return result


def main() -> None:
    figures = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else ensure_dataset())
    for name, value in figures.items():
        print(f"{name:>28}: {value:.3f}")
    ratio, stall = figures["start_ratio"], figures["app_longest_stall_ms"]
    print(f"target start_ratio <= {TARGET_RATIO}:", "met" if ratio <= TARGET_RATIO else "NOT met")
    print(
        f"target longest stall <= {TARGET_STALL_MS} ms:",
        "met" if stall <= TARGET_STALL_MS else "NOT met",
    )


if __name__ == "__main__":
    main()
