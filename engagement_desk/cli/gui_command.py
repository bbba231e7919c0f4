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
