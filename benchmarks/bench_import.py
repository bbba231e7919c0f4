"""``data import`` of the whole benchmark dataset (over 1M hours entries): peak memory and time.

The dataset is exported once to ``data/demo-<people>.json`` (made again when the
dataset changes); each import runs in a child process of its own under
``/usr/bin/time``, whose "maximum resident set size" is the figure, into a new
SQLite file and, given a PostgreSQL URL, into a database ``<name>_import`` made
for it next to the benchmark database. Target: peak ≤ 400 MB.

    python benchmarks/bench_import.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from dataset import build_lock, ensure_dataset  # noqa: E402
from dataset_pg import dataset_marker, libpq_url  # noqa: E402

URL_ENV = "ENGAGEMENT_DESK_BENCH_PG"
TARGET_MB = 400
_CHILD = """
import sys, time
from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.services.interchange import import_database
db = Database(sys.argv[1])
migrator.upgrade(db)
started = time.perf_counter()
summary = import_database(db, sys.argv[2])
print("IMPORT_SECONDS", time.perf_counter() - started, sum(summary.counts.values()))
db.dispose()
"""
_EXPORT = """
import sys
from engagement_desk.db import Database
from engagement_desk.services.interchange import export_database
db = Database(sys.argv[1])
export_database(db, sys.argv[2])
db.dispose()
"""


def ensure_export(path: Path) -> Path:
    """The dataset's interchange file, made again when the dataset changed."""
    export = path.with_suffix(".json")
    marker = export.with_name(export.name + ".source")
    with build_lock():
        wanted = dataset_marker(path, schema=False)
        if export.exists() and marker.exists() and marker.read_text() == wanted:
            return export
        print(f"exporting {path.name} …", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-c", _EXPORT, str(path), str(export)], check=True)
        marker.write_text(wanted)
    return export


def measured_import(target_url: str, export: Path) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds of the import itself, rows) of one import in a child process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        done = subprocess.run(
            [
                "/usr/bin/time",
                "-f",
                "%M",
                "-o",
                timing.name,
                sys.executable,
                "-c",
                _CHILD,
                target_url,
                str(export),
            ],
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        if done.returncode != 0:
            raise RuntimeError(f"import failed: {done.stderr.strip().splitlines()[-1:]}")
        peak_kb = int(timing.read().strip().splitlines()[-1])
    found = re.search(r"IMPORT_SECONDS (\S+) (\d+)", done.stdout)
    assert found is not None, done.stdout + done.stderr
    return peak_kb / 1024, float(found.group(1)), int(found.group(2))


def _fresh_pg_database(url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_import"
    with psycopg.connect(libpq_url(url), autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg.execute(f'CREATE DATABASE "{name}"')
    return base.set(database=name).render_as_string(hide_password=False)


def import_figures(path: Path, url: str | None) -> dict[str, float]:
    export = ensure_export(path)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "imported.sqlite3"
        peak, seconds, rows = measured_import(str(target), export)
    figures["sqlite_import_peak_mb"] = peak
    figures["sqlite_import_s"] = seconds
    figures["import_rows"] = rows
    if url:
        peak, seconds, _rows = measured_import(_fresh_pg_database(url), export)
        figures["pg_import_peak_mb"] = peak
        figures["pg_import_s"] = seconds
    return figures


def main() -> int:
    load = os.getloadavg()
    figures = import_figures(ensure_dataset(), os.environ.get(URL_ENV))
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (at start)")
    for name, value in figures.items():
        verdict = ""
        if name.endswith("_mb"):
            verdict = "ok" if value <= TARGET_MB else "MISSED"
        print(f"{name:<28} {value:12.1f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
