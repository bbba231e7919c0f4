"""Counts in German messages: "1 Person", "2 Personen", never "1 Personen" or "Person(en)"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engagement_desk.services.wording import agreeing, count_phrase

PACKAGE = Path(__file__).resolve().parent.parent / "engagement_desk"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 Personen"), (1, "1 Person"), (2, "2 Personen"), (12345, "12.345 Personen")],
)
def test_count_phrase_puts_the_noun_in_the_right_number(count: int, expected: str) -> None:
    assert count_phrase(count, "Person", "Personen") == expected


def test_none_reads_better_than_zero_where_a_sentence_wants_it() -> None:
    assert count_phrase(0, "Fahrt", "Fahrten", none="keine Fahrt") == "keine Fahrt"
    assert count_phrase(1, "Fahrt", "Fahrten", none="keine Fahrt") == "1 Fahrt"


@pytest.mark.parametrize(("count", "verb"), [(0, "erfüllen"), (1, "erfüllt"), (2, "erfüllen")])
def test_the_verb_agrees_with_the_count(count: int, verb: str) -> None:
    assert agreeing(count, "erfüllt", "erfüllen") == verb


def test_no_message_hedges_the_number_with_brackets() -> None:
    hedged = re.compile(r"[a-zäöüß]\(en\)")  # "Person(en)", "Sitzung(en)"
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hedged.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == []
