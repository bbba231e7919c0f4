"""``engagement-desk settings show|set``: the agency's name, address, logo, Bundesland,
km rate, signatories and this workstation's backup folder."""

from __future__ import annotations

import argparse

from engagement_desk.cli.common import emit, open_database, translated_errors

KEYS_HELP = (
    "Schlüssel: name, street, postal_code, city, phone, email, website, "
    "bundesland (Kürzel wie BY oder Name wie Bayern; entscheidet die Feiertage), "
    "km_rate (0,30 oder 0.30 Euro je km), logo (PNG- oder SVG-Datei; leer entfernt es), "
    "backup_folder (Sicherungsordner dieses Arbeitsplatzes), "
    "signatory.N.name / signatory.N.function / signatory.N.signature "
    "(N = 1 oder 2, von links; Unterschrift als PNG- oder SVG-Datei; "
    "ein leerer Name entfernt die Unterschrift N)."
)


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    settings = subparsers.add_parser(
        "settings",
        help="Einstellungen der Agentur zeigen und ändern",
        description="Einstellungen der Agentur: Name, Anschrift, Logo, Bundesland, "
        "Kilometerpauschale, Unterschriften, Sicherungsordner. " + KEYS_HELP,
    )
    sub = settings.add_subparsers(dest="settings_command", metavar="BEFEHL", required=True)

    show = sub.add_parser("show", help="alle Einstellungen zeigen", description=KEYS_HELP)
    add_db_option(show)
    show.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    show.set_defaults(handler=run_show)

    set_ = sub.add_parser(
        "set", help="eine Einstellung ändern", description="Eine Einstellung ändern. " + KEYS_HELP
    )
    add_db_option(set_)
    set_.add_argument("key", metavar="SCHLÜSSEL", help="z. B. name, bundesland, signatory.1.name")
    set_.add_argument("value", metavar="WERT", help='der neue Wert (leer: "")')
    set_.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    set_.set_defaults(handler=run_set)


def run_show(args: argparse.Namespace) -> int:
    from engagement_desk.services.settings_keys import setting_values

    with open_database(args.db) as db, translated_errors():
        values = setting_values(db)
    width = max(len(v.key) for v in values)
    emit(
        args,
        {v.key: v.data for v in values},
        "\n".join(f"{v.key.ljust(width)}  {v.text}" for v in values),
    )
    return 0


def run_set(args: argparse.Namespace) -> int:
    from engagement_desk.services.settings_keys import set_setting
    from engagement_desk.ui.svg_render import svg_to_png

    with open_database(args.db) as db, translated_errors():
        value = set_setting(db, args.key, args.value, render_svg=svg_to_png)
    emit(args, {value.key: value.data}, f"{value.key} = {value.text}")
    return 0
