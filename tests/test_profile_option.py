"""``--profile NAME``: a saved connection for every command, its password from the keyring."""

from __future__ import annotations

import pytest
from keyring_fakes import MemoryKeyring, keyring_backend

from engagement_desk.cli import main
from engagement_desk.cli.common import profile_target
from engagement_desk.services.connection import (
    ConnectionProfile,
    Passwords,
    ProfileBook,
    ProfileKind,
    save_profiles,
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_profile_opens_its_file(capsys, db, migrated_template) -> None:
    save_profiles(
        ProfileBook().saved(
            ConnectionProfile("Laptop", ProfileKind.SQLITE, path=str(db.sqlite_path))
        )
    )
    code, out, err = run(capsys, "--profile", "Laptop", "db", "check", "--json")
    assert code == 0, err
    assert str(db.sqlite_path) in out


def test_an_unknown_profile_is_one_german_line(capsys) -> None:
    save_profiles(ProfileBook().saved(ConnectionProfile("Laptop", ProfileKind.SQLITE, path="/x")))
    code, _out, err = run(capsys, "--profile", "Büro", "db", "check")
    assert code == 1
    assert err == (
        "engagement-desk: Fehler: Es gibt keine gespeicherte Verbindung „Büro“ "
        "(gespeichert: „Laptop“).\n"
    )


def test_db_and_profile_together_are_refused(capsys) -> None:
    code, _out, err = run(capsys, "--db", "/x.sqlite3", "--profile", "Laptop", "db", "check")
    assert code == 1 and "schließen sich aus" in err


@pytest.mark.postgres
def test_a_server_profile_takes_the_password_from_the_keyring(capsys, pg_db) -> None:
    url = pg_db.url
    profile = ConnectionProfile(
        "Server",
        ProfileKind.POSTGRESQL,
        host=url.host or "",
        port=url.port or 5432,
        database=url.database or "",
        user=url.username or "",
        remember_password=True,
    )
    save_profiles(ProfileBook().saved(profile))
    with keyring_backend(MemoryKeyring()):
        Passwords().remember(profile.keyring_key, "nicht-gebraucht")  # trust auth ignores it
        assert profile_target("Server").password == "nicht-gebraucht"  # type: ignore[attr-defined]
        code, out, err = run(capsys, "--profile", "Server", "db", "check", "--json")
    assert code == 0, err
    assert "nicht-gebraucht" not in out + err
