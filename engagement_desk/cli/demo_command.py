"""``engagement-desk demo``: fill a database with a realistic demo agency."""

from __future__ import annotations

import argparse

from engagement_desk.cli.common import emit, open_database, translated_errors

DEFAULT_PEOPLE = 2000
DEFAULT_SEED = 2026


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    demo = subparsers.add_parser(
        "demo", help="Demo-Daten einer Freiwilligenagentur erzeugen (nur in eine leere Datenbank)"
    )
    add_db_option(demo)
    demo.add_argument(
        "--people",
        type=_positive_int,
        default=DEFAULT_PEOPLE,
        metavar="N",
        help=f"Anzahl Personen (Standard {DEFAULT_PEOPLE})",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help="Startwert; gleicher Wert ergibt gleiche Daten",
    )
    demo.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    demo.set_defaults(handler=run_demo)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"keine ganze Zahl: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("muss mindestens 1 sein")
    return value


def run_demo(args: argparse.Namespace) -> int:
    from engagement_desk.services.demo import generate_demo
    from engagement_desk.services.opening import Purpose

    with open_database(args.db, purpose=Purpose.CREATE) as db, translated_errors():
        summary = generate_demo(db, people=args.people, seed=args.seed)
    emit(
        args,
        {"counts": summary.counts, "seed": args.seed},
        "Demo-Daten erzeugt: "
        + ", ".join(f"{name} {count}" for name, count in sorted(summary.counts.items())),
    )
    return 0
