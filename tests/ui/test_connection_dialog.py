"""The connection dialog, typed into as a person would: profiles, keyring, refusals, switching.

The keyring is an in-memory backend set with ``keyring.set_keyring`` (or
keyring's "fail" backend for a machine without one); a wrong password is
refused by a stand-in server (the test server trusts every local login).
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator

import pytest
import shiboken6
from fake_pg_server import refusing_server
from keyring_fakes import MemoryKeyring, keyring_backend, no_keyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from engagement_desk.services.connection import (
    ConnectionProfile,
    Passwords,
    ProfileBook,
    ProfileKind,
    load_profiles,
    profiles_path,
    save_profiles,
)
from engagement_desk.ui.connection.dialog import ConnectionDialog
from engagement_desk.ui.connection.switching import choose_connection
from engagement_desk.ui.main_window import MainWindow

KEYRING = "Engagement Desk"


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """A developer's own keyring stays out of the tests; each test sets the one it needs."""
    with keyring_backend(no_keyring()):
        yield


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        yield backend  # type: ignore[misc]


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def type_server(qtbot, dialog: ConnectionDialog, **fields: str) -> None:
    qtbot.mouseClick(dialog.server_radio, Qt.MouseButton.LeftButton)
    for key, text in fields.items():
        widget = dialog.form.widget(key)
        if key == "port":
            widget.selectAll()
            qtbot.keyClicks(widget, text)
        else:
            type_into(qtbot, widget, text)


def open_dialog(qtbot, ctx, **kwargs) -> ConnectionDialog:
    dialog = ConnectionDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_typed_server_profile_is_saved_without_its_password(
    qtbot, ctx, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, ctx)
    assert dialog.profile_list.count() == 0 and dialog.server_radio.isChecked()
    type_into(qtbot, dialog.name_edit, "Buero Rathaus")  # QTest types ASCII only
    type_server(
        qtbot,
        dialog,
        host="server.rathaus.local",
        port="5433",
        database="agentur",
        user="anna",
        password="geheim",
    )
    assert dialog.password_edit.echoMode() is dialog.password_edit.EchoMode.Password
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    path = profiles_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "geheim" not in path.read_text(encoding="utf-8")
    [stored] = json.loads(path.read_text(encoding="utf-8"))["profiles"]
    assert stored == {
        "name": "Buero Rathaus",
        "kind": "postgresql",
        "host": "server.rathaus.local",
        "port": 5433,
        "database": "agentur",
        "user": "anna",
        "remember_password": False,
    }
    assert memory_keyring.stored == {}  # not asked to remember it
    assert [dialog.profile_list.item(i).text() for i in range(1)] == ["Buero Rathaus"]


def test_missing_fields_are_named_at_the_field(qtbot, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_server(qtbot, dialog, host="server")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_text("name") == "Bitte einen Namen für die Verbindung angeben."
    assert dialog.form.error_text("database") == "Bitte den Namen der Datenbank angeben."
    assert dialog.form.error_text("user") == "Bitte den Benutzernamen angeben."
    assert dialog.form.error_text("host") == ""
    assert dialog.isVisible() and not profiles_path().exists()


def test_remembering_and_forgetting_the_password(qtbot, ctx, memory_keyring: MemoryKeyring) -> None:
    with refusing_server() as port:
        dialog = open_dialog(qtbot, ctx)
        type_into(qtbot, dialog.name_edit, "Rathaus")
        type_server(qtbot, dialog, host="127.0.0.1", port=str(port), database="agentur")
        type_server(qtbot, dialog, user="anna", password="geheim")
        assert dialog.remember_box.isEnabled() and not dialog.keyring_note.isVisibleTo(dialog)
        qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    key = (KEYRING, f"anna@127.0.0.1:{port}/agentur")
    assert memory_keyring.stored == {key: "geheim"}
    assert load_profiles().get("Rathaus").remember_password  # type: ignore[union-attr]

    again = open_dialog(qtbot, ctx, select="Rathaus")
    assert again.password_edit.text() == "geheim"  # from the keyring
    assert again.remember_box.isChecked()
    qtbot.mouseClick(again.remember_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert memory_keyring.stored == {}


def test_without_a_keyring_the_dialog_says_the_password_is_asked_each_time(qtbot, ctx) -> None:
    with keyring_backend(no_keyring()):
        dialog = open_dialog(qtbot, ctx)
        type_server(qtbot, dialog)
        assert not dialog.remember_box.isEnabled()
        assert dialog.keyring_note.isVisibleTo(dialog)
        assert "jedes Mal gefragt" in dialog.keyring_note.text()


def test_a_wrong_password_is_told_in_german_at_the_password(qtbot, ctx) -> None:
    with refusing_server() as port, keyring_backend(MemoryKeyring()):
        dialog = open_dialog(qtbot, ctx)
        type_into(qtbot, dialog.name_edit, "Rathaus")
        type_server(
            qtbot, dialog, host="127.0.0.1", port=str(port), database="agentur", user="anna"
        )
        type_into(qtbot, dialog.password_edit, "falsch")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        message = dialog.form.error_text("password")
        assert message == (
            "Die Anmeldung am Datenbankserver ist fehlgeschlagen. "
            "Bitte Benutzername und Passwort prüfen."
        )
        assert dialog.status.text() == ""  # said once, at the field
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.connection is None
        type_into(qtbot, dialog.password_edit, "x")
        dialog.password_edit.clear()
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert dialog.form.error_text("password") == "Bitte das Passwort eingeben."


def test_deleting_a_profile_forgets_its_password(
    qtbot, ctx, dialogs, memory_keyring: MemoryKeyring
) -> None:
    profile = ConnectionProfile(
        "Rathaus", ProfileKind.POSTGRESQL, host="h", database="d", user="u", remember_password=True
    )
    save_profiles(ProfileBook().saved(profile))
    Passwords().remember(profile.keyring_key, "geheim")
    dialog = open_dialog(qtbot, ctx)
    dialogs.answers = [True]
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "„Rathaus“" in dialogs.texts("ask")[0]
    assert load_profiles().profiles == ()
    assert memory_keyring.stored == {}


def name_editor(qtbot, dialog: ConnectionDialog) -> QLineEdit:
    """The line edit the list opened on its current item (not one closed before)."""

    def shown() -> list[QLineEdit]:
        return [e for e in dialog.profile_list.findChildren(QLineEdit) if e.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def test_renaming_in_the_list_keeps_one_profile(qtbot, ctx) -> None:
    book = ProfileBook().saved(ConnectionProfile("Alt", ProfileKind.SQLITE, path="/x.db"))
    save_profiles(book.saved(ConnectionProfile("Zweit", ProfileKind.SQLITE, path="/y.db")))
    dialog = open_dialog(qtbot, ctx)
    assert dialog.file_radio.isChecked() and dialog.path_edit.text() == "/x.db"
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    editor = name_editor(qtbot, dialog)
    assert editor.text() == "Alt"
    editor.selectAll()
    qtbot.keyClicks(editor, "Laptop")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the list commits on its next turn
    qtbot.waitUntil(lambda: load_profiles().names == ["Laptop", "Zweit"])
    assert dialog.name_edit.text() == "Laptop"
    assert dialog.isVisible() and dialog.connection is None  # Enter renamed, nothing else

    closed = lambda: not (shiboken6.isValid(editor) and editor.isVisible())  # noqa: E731
    qtbot.waitUntil(closed)  # the first editor has gone
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    editor = name_editor(qtbot, dialog)
    editor.selectAll()
    qtbot.keyClicks(editor, "Zweit")
    with qtbot.waitSignal(dialog.profile_list.itemChanged):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert dialog.status.text() == "Eine Verbindung mit diesem Namen gibt es schon."
    assert load_profiles().names == ["Laptop", "Zweit"]
    assert dialog.profile_list.item(0).text() == "Laptop"


def test_a_new_profile_is_named_in_its_field(qtbot, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    qtbot.mouseClick(dialog.file_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.focusWidget() is dialog.name_edit
    qtbot.keyClicks(dialog.name_edit, "Laptop")
    type_into(qtbot, dialog.path_edit, "/home/anna/agentur.sqlite3")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert load_profiles().names == ["Laptop"]


@pytest.mark.postgres
def test_connecting_to_a_server_switches_the_window(
    qtbot, ctx, pg_db, memory_keyring: MemoryKeyring
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    sqlite = ctx.db
    window.tab("people")
    dialog = choose_connection(window)
    url = pg_db.url
    type_into(qtbot, dialog.name_edit, "Server")
    type_server(
        qtbot,
        dialog,
        host=url.host,
        port=str(url.port or 5432),
        database=url.database,
        user=url.username,
    )
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()

    assert ctx.db is not sqlite and not ctx.db.is_sqlite
    assert ctx.db.url.database == url.database
    place = f"{url.host}:{url.port or 5432}/{url.database}"
    assert window.login_status.text() == f"Angemeldet: {url.username} (Leitung) · {place}"
    assert window.windowTitle().endswith(f"– {url.username} (Leitung)")
    assert window.windowTitle().startswith(f"Engagement Desk – {url.database} – ")
    assert window.database_status.isHidden()  # the login line names the server
    assert load_profiles().last_used == "Server"
    assert window.tab("people").status_text()  # the tab is built anew on the server
    window.close()
    ctx.db.dispose()


# --- start-up: the connection used last, unless --db says otherwise ----------------------


@pytest.fixture
def unopened(ctx):
    """The context as the window starts: settings and dialogs, no database yet."""
    from engagement_desk.ui.context import AppContext

    context = AppContext(
        ops=ctx.ops, settings=ctx.settings, dialogs=ctx.dialogs, languages=ctx.languages
    )
    yield context
    if context.database is not None:
        context.database.dispose()


def start_window(qtbot, context, db_target=None) -> MainWindow:
    from engagement_desk.ui.app import start

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    start(window, context, db_target)
    return window


def server_profile(pg_db, *, remember: bool) -> ConnectionProfile:
    url = pg_db.url
    return ConnectionProfile(
        "Server",
        ProfileKind.POSTGRESQL,
        host=url.host or "",
        port=url.port or 5432,
        database=url.database or "",
        user=url.username or "",
        remember_password=remember,
    )


def test_start_up_opens_the_file_profile_used_last(qtbot, unopened, db) -> None:
    laptop = ConnectionProfile("Laptop", ProfileKind.SQLITE, path=str(db.sqlite_path))
    save_profiles(ProfileBook().saved(laptop).used("Laptop"))
    window = start_window(qtbot, unopened)
    assert unopened.is_open and unopened.db.sqlite_path == db.sqlite_path
    assert window.login_status.text() == "Einzelplatz"


@pytest.mark.postgres
def test_start_up_asks_the_password_of_the_server_profile_used_last(
    qtbot, unopened, pg_db, memory_keyring: MemoryKeyring
) -> None:
    save_profiles(ProfileBook().saved(server_profile(pg_db, remember=False)).used("Server"))
    window = start_window(qtbot, unopened)
    [dialog] = window.findChildren(ConnectionDialog)
    assert dialog.isVisible() and not unopened.is_open
    assert dialog.name_edit.text() == "Server" and dialog.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, "geheim")  # the test server trusts the login
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert unopened.is_open and unopened.db.url.database == pg_db.url.database
    assert memory_keyring.stored == {}


@pytest.mark.postgres
def test_start_up_connects_at_once_with_a_remembered_password(
    qtbot, unopened, pg_db, memory_keyring: MemoryKeyring
) -> None:
    profile = server_profile(pg_db, remember=True)
    save_profiles(ProfileBook().saved(profile).used("Server"))
    Passwords().remember(profile.keyring_key, "geheim")
    window = start_window(qtbot, unopened)
    assert unopened.is_open and unopened.db.url.password == "geheim"
    assert not any(d.isVisible() for d in window.findChildren(ConnectionDialog))


@pytest.mark.postgres
def test_start_up_tries_the_postgresql_password_file_first(
    qtbot, unopened, pg_db, tmp_path, monkeypatch
) -> None:
    url = pg_db.url
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{url.host}:{url.port or 5432}:{url.database}:{url.username}:x\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    save_profiles(ProfileBook().saved(server_profile(pg_db, remember=False)).used("Server"))
    window = start_window(qtbot, unopened)
    assert unopened.is_open and unopened.db.url.password is None  # libpq read the file
    assert not any(d.isVisible() for d in window.findChildren(ConnectionDialog))


def test_db_on_the_command_line_wins_over_the_last_profile(qtbot, unopened, db, tmp_path) -> None:
    other = ConnectionProfile("Anderes", ProfileKind.SQLITE, path=str(tmp_path / "nicht.sqlite3"))
    save_profiles(ProfileBook().saved(other).used("Anderes"))
    start_window(qtbot, unopened, str(db.sqlite_path))
    assert unopened.is_open and unopened.db.sqlite_path == db.sqlite_path


# --- switching from the window ----------------------------------------------------------


def test_a_refused_switch_keeps_the_database_and_the_window(qtbot, ctx, dialogs, tmp_path) -> None:
    from engagement_desk.ui.connection.dialog import Connection
    from engagement_desk.ui.connection.switching import open_connection

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    before = ctx.db
    broken = tmp_path / "kaputt.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    profile = ConnectionProfile("Kaputt", ProfileKind.SQLITE, path=str(broken))
    open_connection(window, Connection(profile), switching=True)
    [(kind, _title, text)] = dialogs.shown
    assert kind == "warn" and "beschädigt" in text
    assert ctx.db is before and window.isVisible()
    assert window.tab("people").status_text()  # still working on the first database


def test_unsaved_edits_are_asked_about_before_the_dialog_opens(qtbot, ctx) -> None:
    from ui_helpers import ChoosingDialogs, add_people

    from engagement_desk.ui.widgets.editor_base import Unsaved

    dialogs = ChoosingDialogs()
    ctx.dialogs = dialogs
    add_people(ctx.db, 1)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    people = window.tab("people")
    people.open_record(people.panel.model.record_id(0))
    qtbot.waitUntil(people.editor.isVisible)
    people.editor.master.city.setText("Prüm")
    dialogs.choices = [Unsaved.CANCEL]
    window.switch_connection_action.trigger()
    assert [kind for kind, _, _ in dialogs.shown] == ["choose"]
    assert window.findChildren(ConnectionDialog) == []
    dialogs.choices = [Unsaved.DISCARD]
    window.switch_connection_action.trigger()
    [dialog] = window.findChildren(ConnectionDialog)
    assert dialog.isVisible()
