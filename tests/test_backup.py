"""Backups are consistent copies checked before they count; restoring brings the data back."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from builders import add_person
from hours_builders import add_entry

from engagement_desk import migrator
from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.services.backup import (
    BackupError,
    backup_folder,
    create_backup,
    inspect_backup,
    list_backups,
    restore_backup,
    set_backup_folder,
)
from engagement_desk.services.backup.rotation import backups_to_keep
from engagement_desk.services.interchange import export_bytes


def office(db: Database, people: int = 3) -> Database:
    for number in range(people):
        person = add_person(db, f"Vorname{number}", f"Nachname{number}")
        add_entry(db, person, dt.date(2026, 3, 1) + dt.timedelta(days=number % 200), "2.5")
    return db


def test_a_backup_is_verified_owner_only_and_counts_what_it_holds(
    db: Database, tmp_path: Path
) -> None:
    office(db)
    info = create_backup(db, tmp_path / "Sicherungen")
    assert info.counts == {"people": 3, "hours": 3, "rides": 0}
    assert info.revision == migrator.head_revision()
    assert inspect_backup(info.path).counts == info.counts
    if os.name == "posix":
        assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "Sicherungen").stat().st_mode) == 0o700
    assert [b.path for b in list_backups(tmp_path / "Sicherungen")] == [info.path]
    assert sorted(p.name for p in (tmp_path / "Sicherungen").iterdir()) == sorted(
        [info.path.name, info.path.name + ".manifest.json"]
    )


def test_backup_is_consistent_while_another_connection_writes(db: Database, tmp_path: Path) -> None:
    office(db, people=200)
    stop = threading.Event()

    def keep_writing() -> None:
        number = 0
        while not stop.is_set():
            add_person(db, "Schreib", f"Weiter{number}")
            number += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        infos = [create_backup(db, tmp_path, rotate=False) for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    for info in infos:
        assert inspect_backup(info.path).counts == info.counts  # integrity_check passed too


def test_restore_round_trip_gives_the_same_export(db: Database, tmp_path: Path) -> None:
    office(db)
    before = export_bytes(db)
    info = create_backup(db, tmp_path / "Sicherungen")
    add_person(db, "Nach", "Sicherung")

    result = restore_backup(db, info.path)

    assert export_bytes(db) == before
    assert result.safety_copy is not None and result.safety_copy.exists()
    with sqlite3.connect(result.safety_copy) as kept:
        assert kept.execute("SELECT count(*) FROM person").fetchone() == (4,)


def test_an_older_backup_is_upgraded_after_restoring(db: Database, tmp_path: Path) -> None:
    old = Database(tmp_path / "alt.sqlite3")
    migrator.upgrade(old, target="0001")
    old.dispose()
    result = restore_backup(db, tmp_path / "alt.sqlite3")
    assert result.upgraded_from == "0001"
    with db.engine.connect() as connection:
        assert migrator.current_revision(connection) == migrator.head_revision()


def test_a_backup_from_a_newer_program_is_refused(db: Database, tmp_path: Path) -> None:
    office(db)
    info = create_backup(db, tmp_path)
    newer = tmp_path / "neuer.sqlite3"
    shutil.copy(info.path, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    before = export_bytes(db)
    with pytest.raises(BackupError, match="neueren Version"):
        restore_backup(db, newer)
    assert export_bytes(db) == before


def test_a_damaged_backup_is_refused_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    office(db)
    info = create_backup(db, tmp_path)
    damaged = tmp_path / "kaputt.sqlite3"
    data = bytearray(info.path.read_bytes())
    data[5000:9000] = b"\x00" * 4000
    damaged.write_bytes(bytes(data))
    before = export_bytes(db)
    with pytest.raises(BackupError):
        restore_backup(db, damaged)
    assert export_bytes(db) == before


def test_rotation_keeps_days_weeks_months_and_the_newest() -> None:
    now = dt.datetime(2026, 12, 7, 18, 0)
    stamps = [now - dt.timedelta(days=day, hours=hour) for day in range(400) for hour in (0, 5)]
    kept = backups_to_keep(stamps, lambda t: t)
    days = {t.date() for t in kept}
    assert kept[:3] == sorted(stamps, reverse=True)[:3]  # the newest, even on one day
    assert {now.date() - dt.timedelta(days=d) for d in range(7)} <= days
    assert len({t.isocalendar()[:2] for t in kept}) >= 5
    assert len({(t.year, t.month) for t in kept}) == 12
    assert len(kept) <= 3 + 7 + 5 + 12
    assert backups_to_keep([now], lambda t: t) == [now]  # the only one is never dropped


def test_rotation_deletes_old_backups_in_the_folder(db: Database, tmp_path: Path) -> None:
    office(db)
    start = dt.datetime(2026, 1, 1, 17, 0)
    for day in range(20):
        create_backup(db, tmp_path / "S", now=start + dt.timedelta(days=day))
    kept = list_backups(tmp_path / "S")
    assert kept[0].created_at == start + dt.timedelta(days=19)
    assert len(kept) < 20
    assert len(list((tmp_path / "S").glob("*.sqlite3"))) == len(kept)


def test_the_backup_folder_is_a_setting_of_the_workstation(tmp_path: Path) -> None:
    set_backup_folder(tmp_path / "USB-Stick")
    assert backup_folder() == (tmp_path / "USB-Stick").resolve()
    set_backup_folder(None)
    assert backup_folder().name == "Sicherungen"


def test_an_unreachable_backup_folder_says_so(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    with pytest.raises(BackupError, match="nicht erreichbar"):
        create_backup(db, blocker / "Sicherungen")


# -- command line --------------------------------------------------------------------------


def test_cli_backup_list_and_restore(db: Database, db_path: Path, tmp_path: Path, capsys) -> None:
    office(db)
    folder = tmp_path / "Sicherungen"
    target = str(db_path)
    assert main(["db", "backup", "--db", target, "--folder", str(folder), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["counts"]["people"] == 3

    assert main(["db", "backups", "--db", target, "--folder", str(folder), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["file"] for b in listed["backups"]] == [made["file"]]

    add_person(db, "Nach", "Sicherung")
    db.dispose()
    assert main(["db", "restore", made["file"], "--db", target]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--yes" in error

    assert main(["db", "restore", made["file"], "--db", target, "--yes"]) == 0
    assert "Wiederhergestellt" in capsys.readouterr().out
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM person").fetchone() == (3,)


def _grow(db_path: Path, doublings: int) -> None:
    """Make the file large enough that a backup takes a while: copies of the audit log."""
    with sqlite3.connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(audit_entry)")]
        names = ", ".join(c for c in columns if c != "id")
        for _ in range(doublings):
            connection.execute(f"INSERT INTO audit_entry ({names}) SELECT {names} FROM audit_entry")


def test_killing_a_backup_never_harms_the_earlier_ones(db: Database, db_path: Path, tmp_path):
    """kill -9 at moments spread over `db backup`: every listed backup stays valid."""
    office(db, people=400)
    db.dispose()
    _grow(db_path, 9)
    folder = tmp_path / "Sicherungen"
    command = [sys.executable, "-m", "engagement_desk", "db", "backup", "--db", str(db_path)]
    command += ["--folder", str(folder)]
    create_backup(Database(db_path), folder)
    killed_mid_write = 0
    for attempt in range(10):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not any(folder.glob(".*.part*")) and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.002)
        time.sleep(0.01 * attempt)  # from the first page written to verification and rename
        process.send_signal(signal.SIGKILL) if os.name == "posix" else process.kill()
        process.wait()
        killed_mid_write += any(folder.glob(".*.part*"))
    backups = list_backups(folder)
    assert backups
    for info in backups:
        assert inspect_backup(info.path).counts == info.counts
    assert killed_mid_write, "no kill landed while a backup was being written"


@pytest.mark.postgres
def test_postgresql_snapshot_restores_into_an_empty_database(pg_db: Database, tmp_path) -> None:
    office(pg_db)
    before = export_bytes(pg_db)
    info = create_backup(pg_db, tmp_path)
    assert info.kind == "snapshot" and info.path.name.endswith(".json.gz")
    assert info.counts["people"] == 3

    with pg_db.engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    restore_backup(pg_db, info.path)
    assert export_bytes(pg_db) == before
