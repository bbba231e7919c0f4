"""German spelling of dates, periods, hours and lists on certificates."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from engagement_desk.services.hours.parsing import format_hours

__all__ = [
    "format_average",
    "format_date",
    "format_hours",
    "format_period",
    "join_words",
    "sort_key",
]


def format_date(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def format_period(start: dt.date | None, end: dt.date | None) -> str:
    """'01.01.2025 – 31.12.2025', or one date when both are the same day."""
    if start is None or end is None:
        return format_date(start or end)
    if start == end:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


def format_average(value: Decimal | None) -> str:
    """One decimal, always: '6,0'."""
    if value is None:
        return ""
    return f"{value.quantize(Decimal('0.1'), ROUND_HALF_UP):.1f}".replace(".", ",")


def join_words(items: Sequence[str]) -> str:
    """'A', 'A und B', 'A, B und C'."""
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} und {words[-1]}"


def sort_key(text: str) -> str:
    """Alphabetical order as in a German phone book (DIN 5007-1): accents do not count,
    so "Åström" sorts with A and "Çelik" with C."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
