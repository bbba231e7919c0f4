"""Installing a newer version over an older one: the first start takes a verified backup,
then upgrades the populated database from the previous schema revision."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from upgrade_support import (
    PEOPLE,
    count_people,
    office_at_previous_revision,
    previous_revision,
    stored_revision,
)

from engagement_desk import migrator
from engagement_desk.cli import main
from engagement_desk.services import opening
from engagement_desk.services.backup import (
    BackupError,
    backup_folder,
    inspect_backup,
    list_backups,
    set_backup_folder,
)
from engagement_desk.services.errors import Cancelled


class Recording:
    def __init__(self, cancel_on_first: bool = False) -> None:
        self.reports: list[str] = []
        self.cancel_on_first = cancel_on_first

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append(text)

    @property
    def cancelled(self) -> bool:
        return self.cancel_on_first and bool(self.reports)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return office_at_previous_revision(tmp_path / "buero.sqlite3")


def test_the_first_command_backs_up_verified_then_upgrades(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stored_revision(office) == previous_revision() != migrator.head_revision()
    out = tmp_path / "personen.csv"

    assert main(["--db", str(office), "people", "export", str(out)]) == 0

    assert stored_revision(office) == migrator.head_revision()
    [told] = capsys.readouterr().err.splitlines()
    [backup] = list_backups(backup_folder(), "buero")
    assert told == (
        f"engagement-desk: Schema von {previous_revision()} auf {migrator.head_revision()} "
        f"aktualisiert; vorher geprüfte Datensicherung: {backup.path}."
    )
    with out.open(encoding="utf-8-sig") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert len(rows) == PEOPLE + 1 and any("Weiß 7" in row for row in rows)
    assert backup.revision == previous_revision()
    assert backup.counts["people"] == PEOPLE
    checked = inspect_backup(backup.path)  # integrity check, revision, counts, read back
    assert checked.revision == previous_revision() and checked.counts["people"] == PEOPLE
    assert count_people(backup.path) == PEOPLE


def test_an_unreachable_backup_folder_puts_the_verified_backup_beside_the_file(
    office: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("a file where the backup folder should be")
    set_backup_folder(blocker / "Sicherungen")

    db = opening.open_database(office)
    db.dispose()

    [beside] = tmp_path.glob(f"buero.verified-before-upgrade-{previous_revision()}-*.sqlite3")
    assert inspect_backup(beside).counts["people"] == PEOPLE
    assert stored_revision(office) == migrator.head_revision()


def test_without_any_verified_backup_the_upgrade_does_not_start(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*_args: object, **_kwargs: object) -> None:
        raise BackupError("Die Sicherung enthält nicht alle Zeilen; bitte wiederholen.")

    monkeypatch.setattr("engagement_desk.services.backup.create_backup", fails)
    before = office.read_bytes()

    with pytest.raises(migrator.UpgradeBackupError, match="keine geprüfte Datensicherung"):
        opening.open_database(office)

    assert office.read_bytes() == before
    assert stored_revision(office) == previous_revision()


def test_the_upgrade_reports_progress(office: Path) -> None:
    opened = opening.open_unupgraded(office)
    try:
        assert opened.upgrade_due and opened.revision == previous_revision()
        progress = Recording()
        result = opening.upgrade_schema(opened.db, progress=progress)
    finally:
        opened.db.dispose()
    assert (result.migration.action, result.migration.from_revision) == (
        "upgraded",
        previous_revision(),
    )
    assert result.verified_backup is not None and result.verified_backup.is_file()
    assert "Sichere die Datenbank" in progress.reports
    assert progress.reports[-1].startswith(f"Aktualisiere das Schema von {previous_revision()}")


def test_a_cancel_before_the_schema_changes_leaves_the_database_as_it_was(office: Path) -> None:
    opened = opening.open_unupgraded(office)
    try:
        with pytest.raises(Cancelled):
            opening.upgrade_schema(opened.db, progress=Recording(cancel_on_first=True))
    finally:
        opened.db.dispose()
    assert stored_revision(office) == previous_revision()
    assert count_people(office) == PEOPLE


def test_a_current_database_needs_no_upgrade(db_path: Path) -> None:
    opening.open_database(db_path, opening.Purpose.CREATE).dispose()
    opened = opening.open_unupgraded(db_path)
    opened.db.dispose()
    assert not opened.upgrade_due
    assert list_backups(backup_folder()) == []


def test_db_upgrade_makes_the_same_verified_backup(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(office), "db", "upgrade", "--json"]) == 0

    done = json.loads(capsys.readouterr().out)
    assert (done["action"], done["from_revision"]) == ("upgraded", previous_revision())
    [backup] = list_backups(backup_folder(), "buero")
    assert done["verified_backup"] == str(backup.path)
    assert inspect_backup(backup.path).counts["people"] == PEOPLE
