"""What the user typed, made safe: words for prefix search, never query syntax.

The text is cut into words of letters and digits only, so quotes, ``*``,
``-``, ``:``, brackets and operators such as ``AND`` or ``NEAR`` reach the
database as plain words. Text made of digits and phone separators only is
one word of its digits, so "06561 1234", "06561/1234" and "+49 6561 1234"
all search for "065611234".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_WORDS = 8
MAX_WORD_LENGTH = 40

_WORD = re.compile(r"[^\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PHONE_LIKE = re.compile(r"[\d\s/().+\-]+")
_LOCAL_PREFIXES = (("+49", "0"), ("0049", "0"))


@dataclass(frozen=True)
class Terms:
    """Case-folded words a record must all contain, each as a word prefix."""

    words: tuple[str, ...]

    @property
    def numeric(self) -> bool:
        """Only digits: a phone number, postal code or year."""
        return all(word.isdigit() for word in self.words)


def parse_terms(text: str) -> Terms | None:
    """``None`` when there is nothing to search for."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if _PHONE_LIKE.fullmatch(text):
        compact = re.sub(r"\s+", "", text)
        for prefix, replacement in _LOCAL_PREFIXES:
            if compact.startswith(prefix):
                compact = replacement + compact[len(prefix) :]
                break
        digits = re.sub(r"\D", "", compact)
        if digits:
            return Terms((digits[:MAX_WORD_LENGTH],))
        return None
    words = tuple(dict.fromkeys(word[:MAX_WORD_LENGTH] for word in _WORD.findall(text.casefold())))[
        :MAX_WORDS
    ]
    return Terms(words) if words else None


def fold_words(text: str) -> list[str]:
    """Words without case and accents, for ranking in Python ("Müller" → "muller")."""
    if text.isascii():
        return _WORD.findall(text.lower())
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _WORD.findall(plain.casefold())


def fts5_match(terms: Terms, *, title_only: bool = False) -> str:
    """An FTS5 MATCH expression: every word as a quoted prefix phrase."""
    column = "title : " if title_only else ""
    return " AND ".join(f'{column}"{word.replace(chr(34), chr(34) * 2)}"*' for word in terms.words)


def tsquery_text(terms: Terms) -> str:
    """Text for ``to_tsquery``: every word quoted, as a prefix, all required."""
    return " & ".join(
        "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*" for word in terms.words
    )
