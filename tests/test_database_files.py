"""Damaged, missing and unusual database files: what every command may do with them.

A damaged file is a copy of a real database with bytes overwritten in the
middle (not the header), so SQLite opens it and only ``PRAGMA quick_check``
finds the damage. Tests run as root, where ``chmod`` stops no write: a
read-only file is simulated by an ``os.access`` that says "not writable" (the
program's own test for it); SQLite's ``mode=ro`` then refuses every write for
real, which the tests check on the bytes of the file.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from damaged_files import damage
from sqlalchemy import text

from engagement_desk import migrator
from engagement_desk.cli import main
from engagement_desk.db import Access, Database, WritesRefusedError, sqlite_engine_url
from engagement_desk.services.backup import BackupInfo, backup_folder, latest_verified
from engagement_desk.services.opening import Purpose, open_database, quick_check


@pytest.fixture(scope="module")
def filled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo agency in one self-contained file (WAL checkpointed)."""
    from engagement_desk.services.demo import generate_demo

    path = tmp_path_factory.mktemp("filled") / "office.sqlite3"
    database = Database(path)
    migrator.upgrade(database)
    generate_demo(database, people=120, seed=7)
    database.dispose()
    with closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def office(tmp_path: Path, filled_template: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    shutil.copy(filled_template, path)
    return path


@pytest.fixture
def damaged(office: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[tuple[Path, BackupInfo]]:
    """``office`` with a verified backup of it taken first (``db backup``), then damaged."""
    assert main(["--db", str(office), "db", "backup"]) == 0
    capsys.readouterr()
    backup = latest_verified(backup_folder(), "office")
    assert backup is not None
    damage(office, "hours_entry")  # the people stay readable for the export
    yield office, backup


class closing_database:
    def __init__(self, path: Path, **kwargs: object) -> None:
        self.database = Database(path, **kwargs)  # type: ignore[arg-type]

    def __enter__(self) -> Database:
        return self.database

    def __exit__(self, *_: object) -> None:
        self.database.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def revision(path: Path) -> str:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


# -- damaged ------------------------------------------------------------------------------


def test_a_damaged_file_is_refused_for_writes_and_offers_the_latest_backup(
    damaged, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = damaged
    before = path.read_bytes()
    code, _, err = run(
        capsys, "--db", str(path), "hours", "add", "--person", "1", "--date", "01.12.2026",
        "--hours", "2",
    )  # fmt: skip
    assert code == 1
    assert err.count("\n") == 1
    assert f"Die Datenbankdatei {path} ist beschädigt" in err
    assert f"{backup.created_at:%d.%m.%Y %H:%M}" in err and str(backup.path) in err
    assert "db restore" in err
    assert path.read_bytes() == before
    assert leftovers(path) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["hours", "list", "--person", "1"],
        ["rides", "plan", "--week", "2026-W50"],
        ["db", "upgrade"],
        ["db", "backup"],
        ["demo", "--people", "5"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_damaged_file_is_refused_by_other_commands(
    damaged, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = damaged
    before = path.read_bytes()
    code, _, err = run(capsys, "--db", str(path), *argv)
    assert code == 1
    assert "beschädigt" in err
    assert path.read_bytes() == before


def test_a_damaged_file_can_still_be_exported(
    damaged, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = damaged
    before = path.read_bytes()
    out_csv = tmp_path / "personen.csv"
    code, _, err = run(capsys, "--db", str(path), "people", "export", str(out_csv))
    assert (code, err) == (0, "")
    assert out_csv.read_text(encoding="utf-8-sig").count("\n") > 1
    out_json = tmp_path / "alles.json"
    code, _, err = run(capsys, "--db", str(path), "data", "export", str(out_json))
    # The export reads every table; whether the damaged page's rows come out is
    # SQLite's business, but nothing is written either way.
    assert path.read_bytes() == before
    assert leftovers(path) == []


def test_writes_to_a_damaged_file_opened_for_export_are_refused(damaged) -> None:
    path, _ = damaged
    before = path.read_bytes()
    database = open_database(path, Purpose.EXPORT)
    try:
        assert database.read_only
        with (
            pytest.raises(WritesRefusedError, match="beschädigt"),
            database.session() as session,
        ):
            session.execute(text("SELECT 1"))
            session.add(_person())
    finally:
        database.dispose()
    assert path.read_bytes() == before


def _person():
    from engagement_desk.models import Person

    return Person(last_name="Neu", first_name="Nina")


def test_db_check_reports_the_damage_with_the_backup(
    damaged, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = damaged
    before = path.read_bytes()
    code, out, err = run(capsys, "--db", str(path), "db", "check")
    assert code == 1
    assert "Problem:" in out
    assert err.count("\n") == 1 and "beschädigt" in err and str(backup.path) in err
    assert path.read_bytes() == before
    assert leftovers(path) == []


def test_db_restore_replaces_a_damaged_file(damaged, capsys: pytest.CaptureFixture[str]) -> None:
    path, backup = damaged
    code, _, err = run(capsys, "--db", str(path), "db", "restore", str(backup.path), "--yes")
    assert (code, err) == (0, ""), err
    assert quick_check(path) == []
    assert list(path.parent.glob("office.before-restore-*.sqlite3"))


# -- missing and zero-length ------------------------------------------------------------------


READING_COMMANDS = [
    ["db", "check"],
    ["db", "backup"],
    ["data", "export", "{out}/alles.json"],
    ["people", "export", "{out}/personen.csv"],
    ["rides", "plan", "--week", "2026-W50"],
    ["hours", "list", "--person", "1"],
    ["certificates", "verify", "2026-0001"],
]


@pytest.mark.parametrize("empty_file", [False, True], ids=["missing", "zero-length"])
@pytest.mark.parametrize("argv", READING_COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_no_database_is_refused_and_nothing_is_created(
    tmp_path: Path, argv: list[str], empty_file: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "daten"
    folder.mkdir()
    path = folder / "office.sqlite3"
    if empty_file:
        path.touch()
    out = tmp_path / "ausgabe"
    out.mkdir()
    argv = [part.replace("{out}", str(out)) for part in argv]
    code, _, err = run(capsys, "--db", str(path), *argv)
    assert code == 1
    assert err.count("\n") == 1
    assert f"Unter {path} gibt es keine Datenbank" in err
    assert sorted(p.name for p in folder.iterdir()) == (["office.sqlite3"] if empty_file else [])
    if empty_file:
        assert path.stat().st_size == 0
    assert list(out.iterdir()) == []


def test_a_missing_folder_is_not_created_by_a_reading_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gibt-es-nicht" / "office.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "db", "check")
    assert code == 1 and "keine Datenbank" in err
    assert not path.parent.exists()


@pytest.mark.parametrize("empty_file", [False, True], ids=["missing", "zero-length"])
def test_db_upgrade_creates_a_database(
    tmp_path: Path, empty_file: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "neu" / "office.sqlite3"
    if empty_file:
        path.parent.mkdir()
        path.touch()
    code, out, err = run(capsys, "--db", str(path), "db", "upgrade")
    assert (code, err) == (0, "")
    assert "Datenbank angelegt" in out
    assert revision(path) == migrator.head_revision()
    assert path.stat().st_mode & 0o077 == 0 or empty_file


def test_demo_creates_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "demo", "--people", "5")
    assert (code, err) == (0, "")
    assert revision(path) == migrator.head_revision()


def test_data_import_creates_a_database(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "alles.json"
    assert run(capsys, "--db", str(office), "data", "export", str(document))[0] == 0
    path = tmp_path / "neu.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "data", "import", str(document))
    assert (code, err) == (0, ""), err
    counts = json.loads(document.read_text(encoding="utf-8"))["tables"]
    with closing(sqlite3.connect(path)) as connection:
        people = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    assert people == len(counts["person"]) > 0


# -- db check changes nothing ------------------------------------------------------------------


def test_db_check_leaves_a_wal_file_as_it_was(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (office.read_bytes(), office.stat().st_mtime_ns)
    code, out, err = run(capsys, "--db", str(office), "db", "check")
    assert (code, err) == (0, ""), err
    assert "Integrität: in Ordnung" in out
    assert (office.read_bytes(), office.stat().st_mtime_ns) == before
    assert leftovers(office) == []


def test_db_check_does_not_switch_a_file_to_wal(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(office, isolation_level=None)) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    before = office.read_bytes()
    assert before[18:20] == b"\x01\x01"
    code, _, err = run(capsys, "--db", str(office), "db", "check")
    assert (code, err) == (0, ""), err
    assert office.read_bytes() == before
    assert leftovers(office) == []


# -- newer version -------------------------------------------------------------------------


@pytest.fixture
def from_the_future(office: Path) -> Path:
    with closing(sqlite3.connect(office)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_aus_der_zukunft'")
        connection.commit()
    return office


@pytest.mark.parametrize(
    "argv",
    [
        ["hours", "list", "--person", "1"],
        ["hours", "add", "--person", "1", "--date", "01.12.2026", "--hours", "2"],
        ["people", "export", "{out}/personen.csv"],
        ["data", "export", "{out}/alles.json"],
        ["rides", "plan", "--week", "2026-W50"],
        ["db", "upgrade"],
        ["db", "backup"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_newer_database_is_refused_by_every_command(
    from_the_future: Path, tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = from_the_future.read_bytes()
    argv = [part.replace("{out}", str(tmp_path)) for part in argv]
    code, _, err = run(capsys, "--db", str(from_the_future), *argv)
    assert code == 1
    assert err.count("\n") == 1
    assert "neueren Version von Engagement Desk" in err
    assert from_the_future.read_bytes() == before
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.json"))


def test_db_check_on_a_newer_database_does_not_advise_an_upgrade(
    from_the_future: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(from_the_future), "db", "check")
    assert code == 1
    assert "neueren Version von Engagement Desk" in out + err
    assert "db upgrade" not in out + err


# -- read-only file, folder or medium ------------------------------------------------------


@pytest.fixture
def read_only(office: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``office`` as a read-only file in a read-only folder, as ``os.access`` reports it."""
    real_access = os.access

    def access(path, mode, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(path) in (office, office.parent):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return office


def test_a_read_only_file_can_be_read_and_exported(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only.read_bytes()
    out_csv = tmp_path / "personen.csv"
    code, _, err = run(capsys, "--db", str(read_only), "people", "export", str(out_csv))
    assert (code, err) == (0, ""), err
    assert out_csv.exists()
    code, _, err = run(capsys, "--db", str(read_only), "hours", "list", "--person", "1")
    assert (code, err) == (0, ""), err
    assert read_only.read_bytes() == before


def test_a_write_to_a_read_only_file_says_so(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only.read_bytes()
    code, _, err = run(
        capsys, "--db", str(read_only), "hours", "add", "--person", "1", "--date", "01.12.2026",
        "--hours", "2",
    )  # fmt: skip
    assert code == 1
    assert err.count("\n") == 1 and "schreibgeschützt" in err
    assert read_only.read_bytes() == before


def test_a_read_only_database_refuses_writes_in_sqlite_too(read_only: Path) -> None:
    """Not only the session's check: a write past it fails in SQLite (mode=ro)."""
    before = read_only.read_bytes()
    database = open_database(read_only)
    try:
        assert database.read_only
        with database.engine.connect() as connection, pytest.raises(Exception) as raised:
            connection.exec_driver_sql("DELETE FROM person")
        assert "readonly" in str(raised.value)
    finally:
        database.dispose()
    assert read_only.read_bytes() == before


def test_a_wal_file_on_a_read_only_medium_is_opened_immutable(read_only: Path) -> None:
    """SQLite cannot make the -shm file there; ``immutable`` needs none."""
    assert sqlite_engine_url(read_only, Access.READ).query == {
        "uri": "true",
        "mode": "ro",
        "immutable": "1",
    }
    assert sqlite_engine_url(read_only, Access.WRITE).query == {"uri": "true", "mode": "rw"}


def test_an_older_read_only_database_cannot_be_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "alt.sqlite3"
    with closing_database(path) as database:
        migrator.upgrade(database, target="0001")
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, *a, **k: (
            False if mode & os.W_OK and Path(p) == path else real_access(p, mode, *a, **k)
        ),
    )
    code, _, err = run(capsys, "--db", str(path), "hours", "list", "--person", "1")
    assert code == 1
    assert "schreibgeschützt" in err and "ältere Schema-Version" in err
    assert revision(path) == "0001"


# -- the copy before an upgrade ----------------------------------------------------------------


def test_a_failed_backup_before_an_upgrade_aborts_it_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "alt.sqlite3"
    with closing_database(path) as database:
        migrator.upgrade(database, target="0001")
    before = path.read_bytes()

    def disk_full(source: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # half a copy
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(migrator, "copy_sqlite", disk_full)
    code, _, err = run(capsys, "--db", str(path), "db", "upgrade")
    assert code == 1
    assert err.count("\n") == 1
    assert "Sicherungskopie vor dem Aktualisieren" in err
    assert "Der Datenträger ist voll" in err and "nicht aktualisiert" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.sqlite3"]
    assert path.read_bytes() == before
    assert revision(path) == "0001"


def test_a_full_disk_in_sqlite_during_the_backup_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "alt.sqlite3"
    with closing_database(path) as database:
        migrator.upgrade(database, target="0001")

    def sqlite_full(source: Path, target: Path) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13  # SQLITE_FULL
        raise error

    monkeypatch.setattr(migrator, "copy_sqlite", sqlite_full)
    with closing_database(path) as database, pytest.raises(migrator.UpgradeBackupError) as raised:
        migrator.upgrade(database)
    assert "Der Datenträger ist voll" in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.sqlite3"]


def test_the_backup_before_an_upgrade_is_a_whole_private_database(tmp_path: Path) -> None:
    path = tmp_path / "alt.sqlite3"
    with closing_database(path) as database:
        migrator.upgrade(database, target="0001")
        result = migrator.upgrade(database)
    assert result.backup_path is not None
    assert result.backup_path.stat().st_mode & 0o077 == 0
    assert quick_check(result.backup_path) == []
    assert revision(result.backup_path) == "0001"
    assert not list(tmp_path.glob(".*.part"))
