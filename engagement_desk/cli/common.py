"""What every subcommand shares: opening the database, reporting, failing in one line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engagement_desk.db import Database
    from engagement_desk.services.opening import Purpose, SchemaUpgrade


EXIT_FAILURE = 1
# sysexits' EX_SOFTWARE: a script can tell a fault in the program from a refusal.
EXIT_BUG = 70


class CommandError(Exception):
    """A failure to report on stderr in one line, with an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILURE):
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    first_line = " ".join(message.split())
    print(f"engagement-desk: Fehler: {first_line}", file=sys.stderr)
    return code


def command_error(error: BaseException) -> CommandError:
    """The one German line for any failure, classified (and logged) like in the window."""
    from engagement_desk.failures import report

    failure = report(error, context="command line")
    return CommandError(failure.message, EXIT_BUG if failure.is_bug else EXIT_FAILURE)


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn any failure inside the block into a ``CommandError`` through the classifier.

    ``main`` does the same for whatever escapes a command; this only makes
    the boundary explicit where a command body wants it.
    """
    try:
        yield
    except CommandError:
        raise
    except Exception as exc:
        raise command_error(exc) from exc


def tell_upgrade(done: SchemaUpgrade) -> None:
    """One line on stderr after a command upgraded an older database (stdout stays the
    command's own output; a failed upgrade says only its one error line)."""
    migration = done.migration
    text = f"Schema von {migration.from_revision} auf {migration.to_revision} aktualisiert"
    if done.verified_backup is not None:
        text += f"; vorher geprüfte Datensicherung: {done.verified_backup}"
    print(f"engagement-desk: {text}.", file=sys.stderr, flush=True)


@contextmanager
def open_database(
    target: str | None, *, upgrade: bool = True, purpose: Purpose | None = None
) -> Iterator[Database]:
    """The database for one command, opened as ``purpose`` allows (``services.opening``).

    Default ``Purpose.WORK``: an existing, sound database of a known version.
    """
    from engagement_desk.services import opening

    with translated_errors():
        db = opening.open_database(
            target, purpose or opening.Purpose.WORK, upgrade=upgrade, on_upgrade=tell_upgrade
        )
        try:
            yield db
        finally:
            db.dispose()


def profile_target(name: str, *, given_db: object = None) -> object:
    """What ``--profile NAME`` opens: the file, or the server's URL with the password.

    The password comes from the keyring if the profile remembers it there, else
    from a prompt when a person is at the terminal; otherwise none is given and
    libpq may take it from a PostgreSQL password file (a refusal says so).
    """
    import getpass

    from engagement_desk.services.connection import Passwords, load_profiles

    if given_db is not None:
        raise CommandError("--db und --profile schließen sich aus; bitte nur eines angeben.")
    book = load_profiles()
    profile = book.get(name)
    if profile is None:
        known = ", ".join(f"„{n}“" for n in book.names) or "keine"
        raise CommandError(
            f"Es gibt keine gespeicherte Verbindung „{name}“ (gespeichert: {known})."
        )
    if not profile.is_server:
        return profile.path
    password = Passwords().get(profile.keyring_key) if profile.remember_password else ""
    if not password and sys.stdin.isatty():
        password = getpass.getpass(f"Passwort für {profile.keyring_key}: ")
    return profile.url(password)


def emit(args: Any, data: Any, text: str) -> None:
    """Print ``data`` as JSON with --json, else the human-readable ``text``."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))
    else:
        print(text)
