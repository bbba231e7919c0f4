"""Cold start of the window against a bare PySide6 window with one table, in the same run.

Target: window shown ≤ 1.3 × the bare window. Also reports when the first rows of
the people list are visible on the 100,000-person dataset.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dataset import ensure_dataset

PROBE = Path(__file__).resolve().parent / "startup_probe.py"
RUNS = 7


def _timed(args: list[str], marks: tuple[str, ...]) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, text=True, env=env
    )
    times: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        word = line.strip()
        if word in marks:
            times[word] = time.perf_counter() - start
    process.wait(timeout=120)
    missing = set(marks) - times.keys()
    if missing:
        raise RuntimeError(f"probe {args} never reported {missing}")
    return times


def measure(db_path: Path, runs: int = RUNS) -> dict[str, float]:
    _timed(["bare"], ("shown",))  # warm the OS file cache for both sides alike
    _timed(["app", str(db_path)], ("shown", "rows"))
    bare, shown, rows = [], [], []
    for _ in range(runs):  # interleaved, so machine load hits both sides
        bare.append(_timed(["bare"], ("shown",))["shown"])
        app = _timed(["app", str(db_path)], ("shown", "rows"))
        shown.append(app["shown"])
        rows.append(app["rows"])
    result = {
        "bare_window_s": statistics.median(bare),
        "app_window_s": statistics.median(shown),
        "app_first_rows_s": statistics.median(rows),
    }
    result["start_ratio"] = result["app_window_s"] / result["bare_window_s"]
    return result


def main() -> None:
    figures = measure(ensure_dataset())
    for name, value in figures.items():
        print(f"{name:>20}: {value:.3f}")
    print("target start_ratio <= 1.3:", "met" if figures["start_ratio"] <= 1.3 else "NOT met")


if __name__ == "__main__":
    main()
