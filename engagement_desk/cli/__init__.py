"""The ``engagement-desk`` command: the window without arguments, office automation with them."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from engagement_desk import __version__
from engagement_desk.cli import gui_command
from engagement_desk.cli.common import CommandError, command_error, fail, profile_target
from engagement_desk.logfile import logging_to_file

# Imported only when a command line needs them: opening the window should not
# pay for SQLAlchemy, Alembic and every service before the first paint.
COMMAND_MODULES = (
    "db_commands",
    "data_commands",
    "demo_command",
    "people_commands",
    "rides_commands",
    "certificates_commands",
    "letters_command",
    "hours_commands",
    "report_command",
    "events_commands",
    "privacy_commands",
    "settings_commands",
)
HELP_OR_VERSION = {"-h", "--help", "--version"}


class _GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """German help, and usage errors in one German line on stderr with exit code 2."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _GermanHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")

    def error(self, message: str):  # type: ignore[override]
        sys.exit(fail(f"{self.prog}: {message} (Hilfe: --help)", code=2))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="engagement-desk",
        description="Engagement Desk – Programm der Freiwilligenagentur. "
        "Ohne Befehl öffnet sich das Fenster.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="Versionsnummer zeigen und beenden",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Selbsttest: Datenbank, Ausdrucke, QR-Code, Übersetzungen und Ordner prüfen "
        "(eine Zeile je Prüfung; Exit-Code 1, wenn eine fehlschlägt)",
    )
    add_db_option(parser)
    gui_command.add_window_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL", title="Befehle")
    for name in COMMAND_MODULES:
        importlib.import_module(f"engagement_desk.cli.{name}").register(subparsers, add_db_option)
    return parser


def window_parser() -> argparse.ArgumentParser:
    """Only the options of the window, for a start without a command."""
    parser = _Parser(prog="engagement-desk", add_help=False)
    add_db_option(parser)
    gui_command.add_window_options(parser)
    return parser


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    if HELP_OR_VERSION.intersection(argv):
        return None
    args, rest = window_parser().parse_known_args(argv)
    return None if rest else args


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PFAD|URL",
        default=argparse.SUPPRESS,
        help="Datenbank: Dateipfad (SQLite) oder SQLAlchemy-URL, z. B. "
        "postgresql+psycopg://user@host/db (Standard: $ENGAGEMENT_DESK_DB oder die Datei "
        "im Benutzerdatenverzeichnis)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="gespeicherte Verbindung (Datei ▸ Verbindung wechseln im Fenster); das Passwort "
        "kommt aus dem Schlüsselbund oder wird gefragt",
    )


def _has_console() -> bool:
    """False in the windowed program on Windows: it has no stdout, a command would be silent."""
    return sys.stdout is not None and sys.stderr is not None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with logging_to_file():
        try:
            window_args = _window_arguments(argv)
            if window_args is None and not _has_console():
                return gui_command.tell_to_use_console(argv)
            args = window_args or build_parser().parse_args(argv)
            if not hasattr(args, "db"):
                args.db = None
            if getattr(args, "profile", None):
                args.db = profile_target(args.profile, given_db=args.db)
            if getattr(args, "self_test", False):
                from engagement_desk.selftest import run_from_command_line

                return run_from_command_line()
            handler = getattr(args, "handler", None)
            if handler is None:
                return gui_command.run_window(args)
            return handler(args) or 0
        except KeyboardInterrupt:
            return fail("Abgebrochen.", code=130)
        except CommandError as exc:
            return fail(str(exc), code=exc.exit_code)
        except Exception as exc:
            error = command_error(exc)
            return fail(str(error), code=error.exit_code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
