"""``engagement-desk --self-test``: one line per check, exit code 1 when any fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from engagement_desk import selftest
from engagement_desk.cli import main
from engagement_desk.services.backup import set_backup_folder


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_every_check_passes_on_a_working_installation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    output = lines(capsys.readouterr().out)
    names = [name for name, _ in selftest.CHECKS]
    assert output[:-1] == [f"OK  {name}" for name in names]
    assert output[-1] == f"Selbsttest: alle {len(names)} Prüfungen bestanden."
    for kind in ("Urkunde", "Laufzettel", "Anmeldeliste", "Namensschilder", "Auskunft"):
        assert any(kind in name for name in names)


def test_a_failing_check_says_why_and_the_exit_code_is_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_font(_scratch: selftest.Scratch) -> None:
        raise selftest.CheckFailed("die Schrift DejaVuSans.ttf fehlt")

    def bug(_scratch: selftest.Scratch) -> None:
        raise KeyError("qr")

    qr = "Urkunde ausstellen, QR-Code lesen und im Register prüfen"
    checks = dict(selftest.CHECKS)
    checks["PDF Urkunde"] = broken_font
    checks[qr] = bug
    monkeypatch.setattr(selftest, "CHECKS", tuple(checks.items()))

    assert main(["--self-test"]) == 1

    output = lines(capsys.readouterr().out)
    assert "FEHLER  PDF Urkunde: die Schrift DejaVuSans.ttf fehlt" in output
    assert f"FEHLER  {qr}: KeyError: 'qr'" in output
    assert "OK  PDF Laufzettel" in output  # the others still ran
    assert output[-1] == f"Selbsttest: 2 von {len(checks)} Prüfungen fehlgeschlagen."


def test_an_unreachable_backup_folder_fails_its_check(tmp_path: Path) -> None:
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("a file where the backup folder should be")
    set_backup_folder(blocker / "Sicherungen")
    checks = tuple((n, c) for n, c in selftest.CHECKS if n == "Sicherungsordner erreichbar")

    [result] = selftest.run_checks(checks=checks)

    assert not result.ok
    assert result.line.startswith("FEHLER  Sicherungsordner erreichbar: ")


def test_the_database_checks_use_a_temporary_database_only(tmp_path: Path) -> None:
    seen: list[Path] = []

    def remember(scratch: selftest.Scratch) -> None:
        assert scratch.db is not None and scratch.db.sqlite_path is not None
        seen.append(scratch.db.sqlite_path)

    results = selftest.run_checks(
        checks=(*selftest.CHECKS[:2], ("where", remember)),
    )

    assert all(result.ok for result in results)
    assert not seen[0].exists()  # removed with its folder afterwards
    assert seen[0].parent.name.startswith("engagement-desk-selbsttest-")


def test_the_scripts_check_names_a_character_no_shipped_font_has(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    selftest.check_scripts(None)  # type: ignore[arg-type]  # the shipped names print
    monkeypatch.setattr(selftest, "SCRIPT_NAMES", (*selftest.SCRIPT_NAMES, "བཀྲ་ཤིས"))
    with pytest.raises(selftest.CheckFailed, match="བ"):
        selftest.check_scripts(None)  # type: ignore[arg-type]
