"""The ``engagement-desk`` command: the window without arguments, office automation with them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from engagement_desk import __version__
from engagement_desk.cli import data_commands, db_commands, demo_command, gui_command
from engagement_desk.cli.common import CommandError, fail

COMMAND_MODULES = (db_commands, data_commands, demo_command)


class _Parser(argparse.ArgumentParser):
    """Usage errors in one German line on stderr, exit code 2."""

    def error(self, message: str):  # type: ignore[override]
        sys.exit(fail(f"{self.prog}: {message} (Hilfe: --help)", code=2))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="engagement-desk",
        description="Engagement Desk – Programm der Freiwilligenagentur. "
        "Ohne Befehl öffnet sich das Fenster.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_option(parser)
    gui_command.add_window_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL", title="Befehle")
    for module in COMMAND_MODULES:
        module.register(subparsers, add_db_option)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PFAD|URL",
        default=argparse.SUPPRESS,
        help="Datenbank: Dateipfad (SQLite) oder SQLAlchemy-URL, z. B. "
        "postgresql+psycopg://user@host/db (Standard: $ENGAGEMENT_DESK_DB oder die Datei "
        "im Benutzerdatenverzeichnis)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return gui_command.run_window(args)
        return handler(args) or 0
    except KeyboardInterrupt:
        return fail("Abgebrochen.", code=130)
    except CommandError as exc:
        return fail(str(exc), code=exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
