"""The large demo dataset the benchmarks share: built once, reused while the schema matches.

Several benchmark processes may call ``ensure_dataset`` at the same time, so:

* the whole check/upgrade/build runs under an exclusive ``fcntl.flock`` on
  ``data/.dataset.lock``: one process builds, the others wait and then reuse it;
* an existing file with an older schema is upgraded in place with the migrator
  (minutes of generation are not thrown away for a new index);
* a migration slot filled after the file was built (same revision id, new
  content) is detected by the fingerprints of the migration files kept beside
  the dataset (``<name>.migrations.json``): the revision is set back to just
  before the changed migration and upgraded again;
* a new file is built under a temporary name and renamed into place only when
  complete, so nobody ever opens a half-built dataset.

The dataset is the 100k-person demo (``engagement-desk demo``: people,
organizations, a ride service with drivers, standing orders and a year of rides
with their statuses, three years of hours) plus a *history step* done here, not
in the demo: 33,000 more volunteers who log their time, so the hours table holds
more than a million entries (``HISTORY_PEOPLE``). The demo keeps the size a
person trying the program expects (8 % of people logging hours, counts the
tests rely on); the benchmarks get the volume of a long-standing agency whose
volunteers record their time. The step writes plain tuples with ``executemany``
in batches of 50,000 inside one transaction (about half a minute) and is
recorded in ``<name>.migrations.json``, so an existing file gets it once, in
place.

``ensure_pg_dataset(url)`` loads the same dataset into a PostgreSQL database
(for the PostgreSQL benchmarks): schema by the migrator, rows by ``COPY`` via
psycopg with triggers off, sequences set, ``VACUUM (ANALYZE)``. A database that already
holds this dataset (its comment names the source file's fingerprint) is reused.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from dataset_history import HISTORY_VERSION, add_history

DATA_DIR = Path(__file__).resolve().parent / "data"
LOCK_FILE = DATA_DIR / ".dataset.lock"
PEOPLE = 100_000
SEED = 2026
# Files built before fingerprints were kept had these migration slots still empty.
LAST_BEFORE_SLOTS = "0011"


def dataset_path(people: int = PEOPLE) -> Path:
    return DATA_DIR / f"demo-{people}.sqlite3"


@contextlib.contextmanager
def build_lock() -> Iterator[None]:
    """Exclusive lock shared by every process that checks, upgrades or builds a dataset."""
    DATA_DIR.mkdir(exist_ok=True)
    with open(LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_dataset(people: int = PEOPLE, *, rebuild: bool = False) -> Path:
    """``demo-<people>.sqlite3`` at the current schema: reused, upgraded in place, or built."""
    path = dataset_path(people)
    with build_lock():
        if path.exists() and not rebuild and _bring_up_to_date(path):
            _ensure_history(path)
            return path
        _build(path, people)
    return path


def migration_fingerprints() -> dict[str, str]:
    """Revision id → hash of its migration file."""
    from engagement_desk import migrations

    versions = Path(migrations.__file__).resolve().parent / "versions"
    prints = {}
    for file in sorted(versions.glob("[0-9]*.py")):
        prints[file.name.split("_", 1)[0]] = hashlib.sha256(file.read_bytes()).hexdigest()
    return prints


def _fingerprint_file(path: Path) -> Path:
    return path.with_name(path.name + ".migrations.json")


def _recorded(path: Path) -> dict:
    """What the sidecar file says about the dataset: migration fingerprints, history step."""
    try:
        recorded = json.loads(_fingerprint_file(path).read_text())
    except (OSError, ValueError):
        return {}
    return recorded if "migrations" in recorded else {"migrations": recorded}


def _record(path: Path, prints: dict[str, str], **changes: object) -> None:
    """Note the migrations as they were when the schema was made: taken before the work,
    so one filled in meanwhile shows up as changed next time."""
    recorded = {**_recorded(path), "migrations": prints, **changes}
    _fingerprint_file(path).write_text(json.dumps(recorded, indent=1))


def _first_changed_revision(path: Path, revision: str) -> str | None:
    """The first applied migration whose file changed since the dataset was made."""
    now = migration_fingerprints()
    then = _recorded(path).get("migrations")
    applied = [rev for rev in sorted(now) if rev <= revision]
    for rev in applied:
        if then is None:
            if rev > LAST_BEFORE_SLOTS:
                return rev
        elif then.get(rev) != now[rev]:
            return rev
    return None


def _ensure_history(path: Path) -> None:
    if _recorded(path).get("history") == HISTORY_VERSION:
        return
    print(f"{path.name}: adding the hours history …", file=sys.stderr, flush=True)
    written = add_history(path, SEED)
    print(f"{path.name}: {written} hours entries added", file=sys.stderr)
    _record(path, _recorded(path).get("migrations", {}), history=HISTORY_VERSION)


def _bring_up_to_date(path: Path) -> bool:
    """Upgrade ``path`` in place to the current schema; False if it must be rebuilt."""
    from alembic.script import ScriptDirectory

    from engagement_desk import migrator
    from engagement_desk.db import Database

    prints = migration_fingerprints()
    db = Database(path)
    try:
        revision = migrator.stored_revision(db)
        if revision is None or not migrator.is_known_revision(revision):
            return False
        changed = _first_changed_revision(path, revision)
        if changed is not None:
            before = ScriptDirectory.from_config(migrator.alembic_config()).get_revision(changed)
            print(f"{path.name}: migration {changed} changed, redoing it", file=sys.stderr)
            _set_back(db, before.down_revision or "base")
        result = migrator.upgrade(db)
        if result.backup_path is not None:
            result.backup_path.unlink(missing_ok=True)  # generated data: no backup needed
        if result.action == "upgraded":
            print(f"{path.name}: upgraded {result.from_revision} → {result.to_revision}")
            with db.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")  # statistics for new indexes
    except Exception as error:  # any failure: build afresh
        print(f"{path.name}: cannot upgrade ({error}); rebuilding", file=sys.stderr)
        for backup in path.parent.glob(f"{path.stem}.before-upgrade-*{path.suffix}"):
            backup.unlink()
        return False
    finally:
        db.dispose()
    _record(path, prints)
    return True


def _set_back(db, target: str) -> None:
    """Undo the migrations after ``target`` with today's downgrade code; where that fails
    (the migration was empty when applied), only set the revision back."""
    from alembic import command

    from engagement_desk import migrator

    for action in (command.downgrade, command.stamp):
        with db.engine.connect() as connection:
            raw = connection.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = OFF")  # batch migrations recreate tables
            try:
                with connection.begin():
                    config = migrator.alembic_config()
                    config.attributes["connection"] = connection
                    action(config, target)
                return
            except Exception as error:  # the next action, or a rebuild, follows
                print(f"{action.__name__} to {target} failed: {error}", file=sys.stderr)
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    raise RuntimeError(f"cannot set the schema back to {target}")


def _build(path: Path, people: int) -> None:
    temporary = path.with_name(f".{path.stem}.building-{os.getpid()}{path.suffix}")
    for stale in DATA_DIR.glob(f".{path.stem}.building-*"):
        stale.unlink()
    prints = migration_fingerprints()
    print(f"building {path.name} ({people} people) …", file=sys.stderr, flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "engagement_desk",
            "demo",
            "--db",
            str(temporary),
            "--people",
            str(people),
            "--seed",
            str(SEED),
        ],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for leftover in (Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
        if leftover.exists():
            raise RuntimeError(f"{leftover.name} left behind: the build did not close cleanly")
    for old in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)  # they belong to the file being replaced
    add_history(temporary, SEED)
    os.replace(temporary, path)
    _fingerprint_file(path).unlink(missing_ok=True)
    _record(path, prints, history=HISTORY_VERSION, built=time.strftime("%Y-%m-%d %H:%M:%S"))


def ensure_pg_dataset(url: str, people: int = PEOPLE) -> str:
    """The PostgreSQL database at ``url`` holding the benchmark dataset; returns ``url``.

    Its contents are replaced (schema ``public`` dropped and made anew) unless it
    already holds the current dataset; the load takes a few minutes, a reuse
    one query. Shared by every PostgreSQL benchmark.
    """
    from dataset_pg import load_into_postgres

    path = ensure_dataset(people)
    with build_lock():
        load_into_postgres(path, url)
    return url
