"""The TrueType fonts every PDF embeds, so any name prints whatever its script.

reportlab's built-in Helvetica covers Latin-1 only; DejaVu covers Latin
Extended, Greek and Cyrillic ("Şükrü Ağaoğlu", "Łucja Wąsowska", "Анна Петрова").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from engagement_desk.paths import resource


@dataclass(frozen=True)
class FontNames:
    sans: str = "DejaVuSans"
    sans_bold: str = "DejaVuSans-Bold"
    serif: str = "DejaVuSerif"
    serif_bold: str = "DejaVuSerif-Bold"
    serif_italic: str = "DejaVuSerif-Italic"


FONTS = FontNames()


@cache
def register_fonts() -> FontNames:
    """Register the shipped fonts with reportlab once per process; safe to call often."""
    for name in (FONTS.sans, FONTS.sans_bold, FONTS.serif, FONTS.serif_bold, FONTS.serif_italic):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    addMapping(FONTS.sans, 0, 0, FONTS.sans)
    addMapping(FONTS.sans, 1, 0, FONTS.sans_bold)
    addMapping(FONTS.serif, 0, 0, FONTS.serif)
    addMapping(FONTS.serif, 1, 0, FONTS.serif_bold)
    addMapping(FONTS.serif, 0, 1, FONTS.serif_italic)
    return FONTS
