"""Opening the window (no subcommand). Qt is imported only here, only when needed."""

from __future__ import annotations

import argparse


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo",
        action="store_true",
        help="Fenster auf der Demo-Datenbank öffnen (wird beim ersten Mal erzeugt; "
        "getrennt von echten Daten)",
    )
    parser.add_argument(
        "--lang",
        choices=("de", "en"),
        default=None,
        help="Sprache der Oberfläche (Standard: Einstellung, sonst Deutsch)",
    )


def run_window(args: argparse.Namespace) -> int:
    from engagement_desk.ui.app import run

    return run(db_target=args.db, demo=args.demo, language=args.lang)


CONSOLE_PROGRAM = "engagement-desk-cli"


def console_hint(argv: list[str]) -> str:
    command = " ".join([CONSOLE_PROGRAM, *argv])
    return (
        "Befehle und der Selbsttest laufen in der Eingabeaufforderung mit dem Programm "
        f"„{CONSOLE_PROGRAM}“ im selben Ordner, zum Beispiel:\n\n{command}\n\n"
        "„engagement-desk“ öffnet nur das Fenster."
    )


def tell_to_use_console(argv: list[str]) -> int:
    """The windowed program was given a command: say where commands run, in a message box."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([])  # noqa: F841 - a box needs one
    QMessageBox.information(None, "Engagement Desk", console_hint(argv))
    return 2
