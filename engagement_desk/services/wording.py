"""German phrases with a count: "1 Person", "2 Personen", "keine Person" where it reads better."""

from __future__ import annotations

MONTH_NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def count_phrase(count: int, singular: str, plural: str, *, none: str | None = None) -> str:
    """``count`` with the noun in the right number: ``count_phrase(1, "Person", "Personen")``.

    ``none`` replaces "0 Personen" (e.g. "keine Person") where a sentence needs it.
    """
    if count == 0 and none is not None:
        return none
    return f"{_number(count)} {singular if count == 1 else plural}"


def agreeing(count: int, singular: str, plural: str) -> str:
    """The verb or pronoun agreeing with ``count``: ``agreeing(n, "ist", "sind")``."""
    return singular if count == 1 else plural


def _number(count: int) -> str:
    """German digit grouping: 12.345."""
    return f"{count:,}".replace(",", ".")
