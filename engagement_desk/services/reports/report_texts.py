"""German wording of the annual report: numbers, comparisons and one short text per section.

The report is the office's German document for the town, the Land and the
funders, so these texts are German whatever language the window speaks.
Every sentence is computed from the figures it states.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"  # keeps "6 %" and "1.234 Stunden" on one line
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
MONTH_SHORT = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


def german_number(value: float | int | Decimal, decimals: int = 0) -> str:
    """German digit grouping and decimal comma: ``german_number(18340.5, 1)`` → "18.340,5"."""
    exponent = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return f"{rounded:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")


def hours_text(value: float | int | Decimal) -> str:
    """Hours as the report prints them: whole hours when whole, else one decimal."""
    decimals = 0 if Decimal(str(value)) == Decimal(str(value)).to_integral_value() else 1
    return german_number(value, decimals)


def counted(count: int | float | Decimal, singular: str, plural: str, decimals: int = 0) -> str:
    """'1 Fahrt', '1.204 Fahrten', '18.340,5 Stunden' (no line break inside)."""
    number = german_number(count, decimals)
    return f"{number}{NBSP}{singular if count == 1 else plural}"


def percent_change(current: float | int | Decimal, previous: float | int | Decimal) -> int | None:
    """The change against ``previous`` in whole percent; None when there is nothing to compare."""
    if not previous:
        return None
    change = (Decimal(str(current)) - Decimal(str(previous))) * 100 / Decimal(str(previous))
    return int(change.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def comparison(
    current: float | int | Decimal,
    previous: float | int | Decimal,
    than: str,
    *,
    more: str = "mehr",
    fewer: str = "weniger",
) -> str:
    """'6 % mehr als im Vorjahr', 'so viele wie im Vorjahr', or '' without a previous figure.

    ``than`` is the comparison's object, e.g. "im Vorjahr" or "im Vorzeitraum".
    """
    change = percent_change(current, previous)
    if change is None:
        return f"im Vergleich: {than} keine" if current else ""
    if change == 0:
        return f"etwa so viele wie {than}"
    word = more if change > 0 else fewer
    return f"{german_number(abs(change))}{NBSP}% {word} als {than}"
