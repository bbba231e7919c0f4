"""Benchmark: a Serienbrief to 2,000 people (letters PDF, labels, e-mail list).

    /work/venv/bin/python benchmarks/bench_letters.py [--people 2000] [--other-scripts 0.05]

A fresh SQLite file gets the agency and ``--people`` people: most with an address and
consent to be contacted, some without (they are counted, not addressed), a share with
names in Arabic, Chinese and Devanagari (fallback fonts, shaping). Then the service runs
as the window and the command line call it: choose the recipients, set the letters,
the label sheet and the e-mail list, write the files. Targets: choosing the recipients
≤ 1 s, and ≥ 100 letters per second of CPU time for the whole run (a letter is a page
with letterhead, address field and a few paragraphs). CPU time of this process is
reported beside wall time and the load average; the exit code is 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Consent, Person
from engagement_desk.models.enums import ConsentPurpose, ConsentSource, LetterOutput
from engagement_desk.services.letters.output import LetterRequest, plan_letters, write_letters
from engagement_desk.services.letters.recipients import PeopleQuerySource
from engagement_desk.services.settings import (
    AgencySettingsInput,
    get_agency_settings,
    update_agency_settings,
)

RECIPIENTS_SECONDS = 1.0
LETTERS_PER_CPU_SECOND = 100
FIRST = ("Anna", "Şükrü", "Łucja", "Анна", "Jürgen", "Zoë", "Mehmet", "Max")
LAST = ("Becker", "Ağaoğlu", "Wąsowska", "Петрова", "Müller", "Nguyễn", "Weber")
OTHER = (("محمد", "الأحمد"), ("小明", "王"), ("अनन्या", "शर्मा"))


def build(path: Path, people: int, other_scripts: float) -> Database:
    db = Database(path)
    migrator.upgrade(db)
    current = get_agency_settings(db)
    update_agency_settings(
        db,
        AgencySettingsInput(
            name="Freiwilligenagentur Bitburg",
            street="Rathausplatz 1",
            postal_code="54634",
            city="Bitburg",
            phone="06561 6001-0",
            email="ehrenamt@bitburg.de",
        ),
        expected_version=current.version,
    )
    rng = random.Random(7)
    rows, consents = [], []
    for number in range(1, people + 1):
        first, last = (
            rng.choice(OTHER)
            if rng.random() < other_scripts
            else (rng.choice(FIRST), rng.choice(LAST))
        )
        has_address = rng.random() < 0.95
        rows.append(
            {
                "id": number,
                "salutation": rng.choice(("Frau", "Herr", "")),
                "first_name": first,
                "last_name": f"{last}",
                "street": f"Hauptstraße {number}" if has_address else "",
                "postal_code": "54634",
                "city": "Bitburg",
                "email": f"p{number}@example.org" if rng.random() < 0.6 else "",
            }
        )
        if rng.random() < 0.85:
            consents.append(
                {
                    "person_id": number,
                    "purpose": ConsentPurpose.CONTACT,
                    "given_on": dt.date(2025, 1, 1),
                    "source": ConsentSource.PAPER,
                }
            )
    with db.session() as session:
        session.execute(insert(Person), rows)
        session.execute(insert(Consent), consents)
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--other-scripts", type=float, default=0.05)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = build(Path(folder) / "letters.sqlite3", args.people, args.other_scripts)
        request = LetterRequest(
            PeopleQuerySource(),
            frozenset(LetterOutput),
            template_name="Allgemeiner Brief",
        )
        started, cpu_started = time.perf_counter(), time.process_time()
        plan = plan_letters(db, request)
        recipients_s = time.process_time() - cpu_started
        recipients_wall = time.perf_counter() - started
        out = Path(folder) / "out"
        out.mkdir()
        cpu, wall = time.process_time(), time.perf_counter()
        run = write_letters(db, request, out)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        db.dispose()
    letters = len(plan.recipients[LetterOutput.LETTERS].people)
    per_cpu_second = letters / cpu
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"people: {args.people}, letters: {letters}, files: {len(run.files)}")
    print(f"left out (letters): {plan.recipients[LetterOutput.LETTERS].left_out_text()}")
    print(
        f"recipients chosen: {recipients_s:.2f} s CPU, {recipients_wall:.2f} s wall "
        f"(target ≤ {RECIPIENTS_SECONDS:.0f} s CPU)"
    )
    print(
        f"whole run: {cpu:.1f} s CPU, {wall:.1f} s wall, {per_cpu_second:.0f} letters per CPU "
        f"second (target ≥ {LETTERS_PER_CPU_SECOND}); load average {load:.2f}"
    )
    ok = recipients_s <= RECIPIENTS_SECONDS and per_cpu_second >= LETTERS_PER_CPU_SECOND
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
