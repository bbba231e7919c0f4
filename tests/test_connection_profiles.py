"""Connection profiles and staff passwords: no password in the file, keyring or asked."""

from __future__ import annotations

import json
import logging
import stat

import pytest
from fake_pg_server import refusing_server
from keyring_fakes import MemoryKeyring, keyring_backend, no_keyring
from sqlalchemy.engine.url import make_url

from engagement_desk.failures import Reason, classify
from engagement_desk.services.connection import (
    ConnectionProfile,
    Passwords,
    ProfileBook,
    ProfileKind,
    load_profiles,
    profiles_path,
    save_profiles,
    validate_profile,
)
from engagement_desk.services.connection.diagnosis import check_connection
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.opening import open_database

PG = ProfileKind.POSTGRESQL
SERVER = ConnectionProfile(
    "Büro Rathaus",
    ProfileKind.POSTGRESQL,
    host="server.rathaus.local",
    port=5433,
    database="agentur",
    user="anna",
    remember_password=True,
)
FILE = ConnectionProfile("Laptop", ProfileKind.SQLITE, path="/home/anna/agentur.sqlite3")


def test_profiles_are_saved_owner_only_and_read_back() -> None:
    book = ProfileBook().saved(SERVER).saved(FILE).used("Büro Rathaus")
    path = save_profiles(book)
    assert path == profiles_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_profiles()
    assert again == book
    assert again.last == SERVER


def test_a_password_never_reaches_the_profile_file() -> None:
    path = save_profiles(ProfileBook().saved(SERVER))
    text = path.read_text(encoding="utf-8")
    [stored] = json.loads(text)["profiles"]
    assert stored["user"] == "anna" and stored["remember_password"] is True
    assert "password" not in stored and "geheim" not in text


def test_the_url_holds_the_password_but_never_shows_it() -> None:
    url = SERVER.url("geheim")
    assert url.password == "geheim"
    assert "geheim" not in str(url)
    assert "geheim" not in url.render_as_string(hide_password=True)
    assert SERVER.url().password is None  # libpq may take it from a passfile then


def test_renaming_and_deleting_keep_the_rest() -> None:
    book = ProfileBook().saved(SERVER).saved(FILE).used("Büro Rathaus")
    renamed = book.saved(
        ConnectionProfile("Rathaus", SERVER.kind, host="h", database="d", user="u"),
        replacing="Büro Rathaus",
    )
    assert renamed.names == ["Rathaus", "Laptop"]
    assert renamed.last_used == "Rathaus"
    assert renamed.without("Rathaus").names == ["Laptop"]
    assert renamed.without("Rathaus").last_used == ""


def test_an_unreadable_profile_file_gives_no_profiles(caplog: pytest.LogCaptureFixture) -> None:
    path = profiles_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{kaputt", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_profiles() == ProfileBook()
    assert "unreadable" in caplog.text


@pytest.mark.parametrize(
    ("profile", "field", "words"),
    [
        (ConnectionProfile(" ", ProfileKind.SQLITE, path="x"), "name", "Namen"),
        (ConnectionProfile("Laptop", ProfileKind.SQLITE, path="x"), "name", "schon"),
        (ConnectionProfile("a", ProfileKind.SQLITE), "path", "Datenbankdatei"),
        (ConnectionProfile("a", PG, database="d", user="u"), "host", "Server"),
        (
            ConnectionProfile(
                "a", ProfileKind.POSTGRESQL, host="h", port=0, database="d", user="u"
            ),
            "port",
            "65535",
        ),
        (
            ConnectionProfile("a", PG, host="h", user="u"),
            "database",
            "Datenbank",
        ),
        (
            ConnectionProfile("a", PG, host="h", database="d"),
            "user",
            "Benutzer",
        ),
    ],
)
def test_validation_names_the_field(profile: ConnectionProfile, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_profile(profile, taken=["Laptop"])
    assert [e.field for e in caught.value.errors] == [field]
    assert words in caught.value.errors[0].message


def test_validation_trims_the_texts() -> None:
    profile = ConnectionProfile(
        " Büro ", ProfileKind.POSTGRESQL, host=" h ", database="d ", user=" u"
    )
    assert validate_profile(profile).place == "h:5432/d"


def test_the_keyring_remembers_and_forgets_under_user_at_place() -> None:
    with keyring_backend(MemoryKeyring()) as backend:
        passwords = Passwords()
        assert passwords.available
        assert passwords.remember(SERVER.keyring_key, "geheim")
        assert backend.stored == {
            ("Engagement Desk", "anna@server.rathaus.local:5433/agentur"): "geheim"
        }
        assert passwords.get(SERVER.keyring_key) == "geheim"
        passwords.forget(SERVER.keyring_key)
        passwords.forget(SERVER.keyring_key)  # forgetting twice is no error
        assert passwords.get(SERVER.keyring_key) == ""
        assert backend.stored == {}


def test_without_a_keyring_nothing_is_stored() -> None:
    with keyring_backend(no_keyring()):
        passwords = Passwords()
        assert not passwords.available
        assert not passwords.remember(SERVER.keyring_key, "geheim")
        assert passwords.get(SERVER.keyring_key) == ""


def test_a_wrong_password_is_told_as_a_failed_login() -> None:
    with refusing_server() as port:
        profile = ConnectionProfile(
            "x",
            ProfileKind.POSTGRESQL,
            host="127.0.0.1",
            port=port,
            database="agentur",
            user="anna",
        )
        with pytest.raises(Exception) as caught:
            check_connection(profile.url("falsch"))
    failure = classify(caught.value)
    assert failure.reason is Reason.LOGIN_FAILED
    assert failure.message.startswith("Die Anmeldung am Datenbankserver ist fehlgeschlagen.")
    assert "falsch" not in str(caught.value.__cause__)


def test_a_server_nobody_answers_on_is_unreachable() -> None:
    with pytest.raises(Exception) as caught:
        check_connection(make_url("postgresql+psycopg://anna@127.0.0.1:1/agentur"))
    assert classify(caught.value).reason is Reason.UNREACHABLE


@pytest.mark.postgres
def test_a_missing_database_and_an_unknown_login_are_told_apart(pg_db) -> None:
    url = pg_db.url
    with pytest.raises(Exception) as missing:
        open_database(url.set(database="gibt_es_nicht_c"))
    assert classify(missing.value).reason is Reason.DATABASE_MISSING
    assert "gibt es auf diesem Server nicht" in classify(missing.value).message
    with pytest.raises(Exception) as unknown:
        check_connection(url.set(username="niemand_hier_c"))
    assert classify(unknown.value).reason is Reason.LOGIN_FAILED
    check_connection(url)  # the right login gets in


def test_no_password_reaches_the_log(caplog: pytest.LogCaptureFixture) -> None:
    from engagement_desk.failures import report

    secret = "Geheim-4711-xyz"
    with refusing_server() as port, caplog.at_level(logging.DEBUG):
        profile = ConnectionProfile(
            "x", PG, host="127.0.0.1", port=port, database="agentur", user="anna"
        )
        for attempt in (check_connection, open_database):
            with pytest.raises(Exception) as caught:
                attempt(profile.url(secret))
            failure = report(caught.value, context="test")
            assert failure.reason is Reason.LOGIN_FAILED
            assert secret not in str(caught.value) and secret not in repr(caught.value)
    assert "login_failed" in caplog.text
    assert secret not in caplog.text


def test_a_malformed_url_is_told_without_its_password() -> None:
    from engagement_desk.db import DatabaseTargetError, resolve_url

    with pytest.raises(DatabaseTargetError) as caught:
        resolve_url("post gres://anna:Geheim-4711@server/agentur")
    assert str(caught.value) == "Ungültige Datenbank-URL: post gres://anna:***@server/agentur"
