"""Table cells that break lines between words only, never inside a word.

reportlab splits a word that is wider than its cell (``splitLongWords``); names
like "Schwarzenberger-Wolkenstein" or "Tagesklinikambulanzbereich" then come out
as "Schwarz/enberger". Here such a cell gets a smaller font instead, just small
enough for its longest word.
"""

from __future__ import annotations

import math

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from engagement_desk.services.printing.layout import text
from engagement_desk.services.printing.scripts import text_width

SMALLEST_FONT = 5.0
CELL_PADDING = 6.0
"""Left plus right padding of the prints' tables, in points."""


def whole_words(value: str, style: ParagraphStyle, column_width: float) -> Paragraph:
    """A paragraph for a table column ``column_width`` points wide that never splits a word."""
    room = column_width - CELL_PADDING
    widest = max(
        (text_width(word, style.fontName, style.fontSize) for word in value.split()), default=0
    )
    size = style.fontSize
    if widest > room:
        size = max(SMALLEST_FONT, math.floor(style.fontSize * room / widest * 10) / 10)
    fitted = ParagraphStyle(
        f"{style.name}-whole-words",
        parent=style,
        fontSize=size,
        leading=style.leading * size / style.fontSize,
        splitLongWords=0,
    )
    return text(value, fitted)
