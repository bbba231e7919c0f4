"""Benchmark: a verified backup of the 100,000-person database, against a plain file copy.

    python benchmarks/bench_backup.py                    # the shared demo dataset
    python benchmarks/bench_backup.py --sqlite big.sqlite3

A backup is SQLite's online backup API into a temporary file, PRAGMA
integrity_check, the schema revision and three row counts, fsync and rename
(``services.backup.create_backup``). The plain copy is ``shutil.copyfile`` plus
fsync of the same file: what copying the file by hand would cost. Reported: the
median of five runs of each, the ratio, and the restore of that backup.
Target: the backup takes at most a few seconds on an office PC, so the one at
closing time is not a burden.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import ensure_dataset

from engagement_desk.db import Database
from engagement_desk.services.backup import create_backup, restore_backup

RUNS = 5


def _plain_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as copied:
        os.fsync(copied.fileno())


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=Path, help="database file (default: shared dataset)")
    args = parser.parse_args()
    source = args.sqlite or ensure_dataset()
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as folder:
        work = Path(folder)
        database = work / "office.sqlite3"
        _plain_copy(source, database)
        db = Database(database)
        try:
            size = database.stat().st_size
            copies = [
                _timed(lambda i=i: _plain_copy(database, work / f"copy-{i}.sqlite3"))
                for i in range(RUNS)
            ]
            made = []
            backups = []
            for run in range(RUNS):
                target = work / f"backup-{run}.sqlite3"
                made.append(_timed(lambda t=target: backups.append(create_backup(db, out=t))))
            restore = _timed(lambda: restore_backup(db, backups[-1].path))
        finally:
            db.dispose()
    copy_s, backup_s = statistics.median(copies), statistics.median(made)
    counts = backups[-1].counts
    print(
        f"database: {size / 1_048_576:.1f} MB, {counts['people']} people, "
        f"{counts['hours']} hours entries, {counts['rides']} rides"
    )
    print(f"plain copy + fsync:          {copy_s * 1000:8.0f} ms (median of {RUNS})")
    print(f"verified backup:             {backup_s * 1000:8.0f} ms (median of {RUNS})")
    print(f"ratio backup / plain copy:   {backup_s / copy_s:8.1f}")
    print(f"restore (safety copy first): {restore * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
