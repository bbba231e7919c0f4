"""The TrueType fonts every PDF embeds, so any name prints whatever its script.

reportlab's built-in Helvetica covers Latin-1 only; DejaVu covers Latin
Extended, Greek and Cyrillic ("Şükrü Ağaoğlu", "Łucja Wąsowska", "Анна Петрова").
The fallback fonts (Noto for Arabic, Hebrew, Indic and other scripts, Droid Sans
Fallback for Chinese, Japanese and Korean) are registered only when a text needs
them: a Latin name never pays for loading them.
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

# Tried in this order after the text's own font; file name = font name + ".ttf".
FALLBACK_FILES: tuple[tuple[str, str], ...] = (
    ("NotoSansArabic", "NotoSansArabic-Regular"),
    ("NotoSansHebrew", "NotoSansHebrew-Regular"),
    ("NotoSansDevanagari", "NotoSansDevanagari-Regular"),
    ("NotoSansBengali", "NotoSansBengali-Regular"),
    ("NotoSansTamil", "NotoSansTamil-Regular"),
    ("NotoSansThai", "NotoSansThai-Regular"),
    ("NotoSansGeorgian", "NotoSansGeorgian-Regular"),
    ("NotoSansArmenian", "NotoSansArmenian-Regular"),
    ("NotoSansEthiopic", "NotoSansEthiopic-Regular"),
    ("DroidSansFallback", "DroidSansFallback"),
    (FONTS.sans, FONTS.sans),
)


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


# Bold cuts for the scripts a bold name is most often in; the others print regular.
BOLD_FALLBACKS = {
    "NotoSansArabic": "NotoSansArabic-Bold",
    "NotoSansHebrew": "NotoSansHebrew-Bold",
    "NotoSansDevanagari": "NotoSansDevanagari-Bold",
}


@cache
def register_fallbacks(bold: bool = False) -> tuple[str, ...]:
    """Register the fallback fonts once per process; their names in the order they are
    tried (with ``bold`` the bold cuts where there are any)."""
    register_fonts()
    registered = set(pdfmetrics.getRegisteredFontNames())
    names = []
    for name, file in FALLBACK_FILES:
        if bold and name in BOLD_FALLBACKS:
            name = file = BOLD_FALLBACKS[name]
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{file}.ttf"))))
        names.append(name)
    return tuple(names)
