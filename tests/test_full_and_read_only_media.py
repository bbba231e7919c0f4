"""A full disk and a read-only medium: one German sentence, nothing half-written.

Needs root to mount a small tmpfs or a read-only bind (as .ci/run has); elsewhere these skip,
unless ENGAGEMENT_DESK_REQUIRE_TMPFS is set (then they fail).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import add_person

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.failures import Kind, classify
from engagement_desk.services.backup import create_backup, list_backups
from engagement_desk.services.files import write_file
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.export import export_people

FULL = "Der Datenträger ist voll"


@contextlib.contextmanager
def mounted(mount: Path, *arguments: str) -> Iterator[Path]:
    """``mount ARGUMENTS MOUNT`` for the test, or skip (fail where .ci/run requires it)."""
    mount.mkdir()
    usable = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")
    if usable:
        done = subprocess.run(["mount", *arguments, str(mount)], capture_output=True, check=False)
        usable = done.returncode == 0
    if not usable:
        if os.environ.get("ENGAGEMENT_DESK_REQUIRE_TMPFS"):
            pytest.fail("mounting for these tests needs root (as .ci/run has)")
        pytest.skip("mounting a small tmpfs or a bind needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs: too small for a backup of a database with a few hundred people."""
    with mounted(tmp_path / "voll", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs") as disk:
        yield disk


@pytest.fixture
def office(db: Database) -> Database:
    for number in range(600):
        add_person(db, "Vorname", f"Nachname{number}", notes="Notiz " * 40)
    return db


def test_a_backup_to_a_full_disk_says_so_and_leaves_nothing(office, full_disk, tmp_path) -> None:
    earlier = create_backup(office, tmp_path / "Sicherungen")
    with pytest.raises(Exception) as raised:
        create_backup(office, full_disk)
    failure = classify(raised.value)
    assert failure.kind is Kind.ENVIRONMENT and failure.message.startswith(FULL)
    assert list(full_disk.iterdir()) == []
    assert list_backups(tmp_path / "Sicherungen") == [earlier]


def test_cli_backup_to_a_full_disk_is_one_german_line(office, db_path, full_disk, capsys) -> None:
    office.dispose()
    code = main(["db", "backup", "--db", str(db_path), "--folder", str(full_disk)])
    error = capsys.readouterr().err
    assert code == 1
    assert error.count("\n") == 1 and FULL in error
    assert list(full_disk.iterdir()) == []


def _fill(folder: Path, leave: int) -> None:
    stats = os.statvfs(folder)
    (folder / "füllung").write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - leave))


def test_an_export_to_a_full_disk_keeps_the_old_file(office, full_disk) -> None:
    target = full_disk / "liste.csv"
    target.write_bytes(b"alte Liste")
    _fill(full_disk, leave=8192)
    with pytest.raises(Exception) as raised:
        export_people(office, ListQuery(), target)
    assert classify(raised.value).message.startswith(FULL)
    assert target.read_bytes() == b"alte Liste"
    assert sorted(p.name for p in full_disk.iterdir()) == ["füllung", "liste.csv"]


def test_a_print_to_a_full_disk_leaves_no_half_file(full_disk) -> None:
    with pytest.raises(OSError) as raised:
        write_file(full_disk / "laufzettel.pdf", b"%PDF" + b"x" * 400_000)
    assert classify(raised.value).message.startswith(FULL)
    assert list(full_disk.iterdir()) == []


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[Path]:
    """A bind mount of a folder, made read-only once the test has put its file there (as a
    write-protected USB stick would be); yields the folder behind it."""
    source = tmp_path / "stick"
    source.mkdir()
    with mounted(tmp_path / "ro", "--bind", str(source)):
        yield source


def test_a_database_on_a_read_only_medium_can_be_backed_up(
    office, db_path, read_only_medium, tmp_path, capsys
) -> None:
    office.dispose()
    shutil.copy(db_path, read_only_medium / "buero.sqlite3")
    mount = tmp_path / "ro"
    subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)
    target = str(mount / "buero.sqlite3")
    folder = tmp_path / "Sicherungen"
    assert main(["db", "backup", "--db", target, "--folder", str(folder), "--json"]) == 0
    capsys.readouterr()
    (backup,) = list_backups(folder)
    assert backup.counts["people"] == 600
    assert sorted(p.name for p in mount.iterdir()) == ["buero.sqlite3"]  # no -wal, no -shm
