"""Text in every script on a reportlab page: fonts chosen per character, shaped, in bidi order.

A line is cut into runs that share a font (the text's own font first, then the shipped
fallbacks) and a bidi embedding level (python-bidi's implementation of the Unicode
bidi algorithm). Runs of complex scripts (Arabic, Hebrew, the Indic scripts, Thai …)
are shaped with HarfBuzz: Arabic letters joined and set right to left, Devanagari
conjuncts and vowel signs in place. A shaped glyph without a code point of its own
gets a private-use code point in that font (as reportlab's own shaping does), so the
result is plain text in visual order that ``drawString`` and ``Paragraph`` set as is.

Text the base font covers and that needs neither shaping nor bidi (every Latin,
Greek or Cyrillic name) takes a fast path that loads no fallback font.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache, lru_cache
from xml.sax.saxutils import escape

import uharfbuzz as hb
from bidi import algorithm as bidi
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.printing.fonts import FONTS, register_fallbacks, register_fonts

Run = tuple[str, str]  # (font name, text in visual order)

# Scripts that need shaping or run right to left, bidi controls, and everything beyond the
# Basic Multilingual Plane; the rest (Latin, Greek, Cyrillic, punctuation, CJK, Hangul
# syllables …) is set character by character.
_COMPLEX = re.compile(
    "[\u0590-\u0fff\u1000-\u109f\u1100-\u11ff\u1700-\u18af\u1900-\u1cff"
    "\u200c-\u200f\u202a-\u202e\u2066-\u2069\ua800-\uabff\ud7b0-\ud7ff"
    "\ufb1d-\ufdff\ufe70-\ufeff\U00010000-\U0010ffff]"
)
PRIVATE_FIRST, PRIVATE_LAST = 0xE000, 0xF8FF
_MARKS = frozenset({"Mn", "Mc", "Me"})
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
_lock = threading.Lock()


def paragraph_markup(text: str, base_font: str) -> str:
    """XML-escaped ``Paragraph`` markup of ``text``: runs in other fonts as ``<font>`` tags,
    shaped and in visual order; line breaks become ``<br/>``."""
    lines = []
    for line in text.split("\n"):
        parts = []
        for font, run in layout(line, base_font):
            run = escape(run)
            parts.append(run if font == base_font else f'<font name="{font}">{run}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)


def draw_string(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    base_font: str,
    size: float,
    align: str = "left",
    *,
    char_space: float = 0.0,
) -> float:
    """Draw one line at baseline ``y``, aligned at ``x`` (left, center or right); the
    canvas keeps its font. Returns the width drawn."""
    runs = layout(text.replace("\n", " "), base_font)
    width = runs_width(runs, size, char_space)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    if len(runs) == 1 and (canvas._fontname, canvas._fontsize) == (runs[0][0], size):
        canvas.drawString(x, y, runs[0][1], charSpace=char_space)
        return width
    # Graphics state, not setFont, brings the caller's font back: setting a font the
    # caller never used (Helvetica, the canvas default) would put it into the PDF.
    canvas.saveState()
    for font, run in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run, charSpace=char_space)
        x += runs_width(((font, run),), size, char_space) + char_space
    canvas.restoreState()
    return width


def text_width(text: str, base_font: str, size: float, char_space: float = 0.0) -> float:
    """The width ``draw_string`` gives ``text``."""
    if _simple(text, base_font):
        width = pdfmetrics.stringWidth(text, base_font, size)
        return width + char_space * max(len(text) - 1, 0) if char_space else width
    return runs_width(layout(text.replace("\n", " "), base_font), size, char_space)


def runs_width(runs: tuple[Run, ...], size: float, char_space: float = 0.0) -> float:
    width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs)
    if char_space:
        width += char_space * max(sum(len(run) for _, run in runs) - 1, 0)
    return width


def unprintable(text: str) -> str:
    """The characters of ``text`` that no shipped font has a glyph for, each once, in order;
    "" when everything prints."""
    characters = set(text) - _covered(FONTS.sans)
    if all(_invisible(ch) for ch in characters):
        return ""
    fonts = [_cmap(name) for name in (*_own_fonts(), *register_fallbacks())]
    missing: dict[str, None] = {}
    for ch in text:
        if ch in characters and not _invisible(ch) and not any(ord(ch) in c for c in fonts):
            missing[ch] = None
    return "".join(missing)


def needs_fallback(text: str, base_font: str) -> bool:
    """Whether ``text`` needs more than ``base_font`` as it is (other fonts, shaping, bidi)."""
    return not all(_simple(line, base_font) for line in text.split("\n"))


def layout(line: str, base_font: str) -> tuple[Run, ...]:
    """One line as runs (font, text) in drawing order from left to right."""
    if _simple(line, base_font):
        return ((base_font, line),)
    with _lock:
        return _complex_layout(line, base_font)


@lru_cache(maxsize=16384)  # a template's lines come back on every certificate
def _simple(line: str, base_font: str) -> bool:
    if not line:
        return True
    if _COMPLEX.search(line):
        return False
    return set(line) <= _covered(base_font)


@cache
def _covered(font_name: str) -> frozenset[str]:
    register_fonts()
    return frozenset(map(chr, _cmap(font_name)))


@lru_cache(maxsize=4096)
def _complex_layout(line: str, base_font: str) -> tuple[Run, ...]:
    chain = (base_font, *register_fallbacks(bold="Bold" in base_font))
    fonts = _fonts_per_char(line, chain)
    levels = _levels(line)
    runs: list[tuple[str, int, str]] = []
    for ch, font, level in zip(line, fonts, levels, strict=True):
        if runs and runs[-1][0] == font and runs[-1][1] == level:
            runs[-1] = (font, level, runs[-1][2] + ch)
        else:
            runs.append((font, level, ch))
    result: list[Run] = []
    for index in _visual_order([level for _, level, _ in runs]):
        font, level, text = runs[index]
        if level % 2 or _COMPLEX.search(text):
            visual = _shaped(text, font, rtl=bool(level % 2))
        else:
            visual = "".join(ch if not _invisible(ch) else " " * (ch == "\t") for ch in text)
        if not visual:
            continue
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + visual)
        else:
            result.append((font, visual))
    return tuple(result) or ((base_font, ""),)


def _fonts_per_char(line: str, chain: tuple[str, ...]) -> list[str]:
    """The first font of ``chain`` with a glyph for each character; marks, joiners and
    spaces stay with the font of the character before them when it has them."""
    cmaps = [(name, _cmap(name)) for name in chain]
    fonts: list[str] = []
    for ch in line:
        code = ord(ch)
        previous = fonts[-1] if fonts else None
        category = unicodedata.category(ch)
        follows = category in _MARKS or category == "Cf" or ch == " "
        if previous is not None and follows and (category == "Cf" or code in _cmap(previous)):
            fonts.append(previous)
            continue
        fonts.append(next((name for name, cmap in cmaps if code in cmap), chain[0]))
    return fonts


def _levels(line: str) -> list[int]:
    """The resolved bidi embedding level of every character (odd: right to left)."""
    storage = bidi.get_empty_storage()
    base_level = bidi.get_base_level(line)
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    bidi.get_embedding_levels(line, storage)
    chars = list(storage["chars"])
    bidi.explicit_embed_and_overrides(storage)
    bidi.resolve_weak_types(storage)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)
    kept = {id(ch) for ch in storage["chars"]}
    levels: list[int] = []
    for ch in chars:
        # Controls removed by rule X9 take the level of what precedes them.
        levels.append(ch["level"] if id(ch) in kept or not levels else levels[-1])
    return levels


def _visual_order(levels: list[int]) -> list[int]:
    """Rule L2: reverse every sequence at or above each odd level, highest first."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = reversed(order[i:j])
            i = j
    return order


def _shaped(text: str, font_name: str, *, rtl: bool) -> str:
    font = pdfmetrics.getFont(font_name)
    buffer = hb.Buffer()
    buffer.add_str(text.replace("\t", " "))
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    hb.shape(_hb_font(font_name), buffer, {"kern": True, "liga": True})
    return "".join(
        chr(_code_point(font, info.codepoint, position.x_advance))
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    )


def _code_point(font, glyph: int, advance: int) -> int:
    """A code point that ``font`` maps to ``glyph``: its own, or a private-use one."""
    face = font.face
    own = face.glyphToChar.get(glyph)
    if own:
        return own[0]
    code = PRIVATE_FIRST
    while code in face.charToGlyph:
        code += 1
    if code > PRIVATE_LAST:
        return 0xFFFD
    face.charToGlyph[code] = glyph
    face.glyphToChar[glyph] = [code]
    face.charWidths[code] = font.pdfScale(advance)
    return code


@cache
def _hb_font(font_name: str) -> hb.Font:
    font = pdfmetrics.getFont(font_name)
    return hb.Font(hb.Face(hb.Blob(font.face._ttf_data)))


def _cmap(font_name: str) -> dict[int, int]:
    return pdfmetrics.getFont(font_name).face.charToGlyph


@cache
def _own_fonts() -> tuple[str, ...]:
    return (FONTS.sans, FONTS.sans_bold, FONTS.serif, FONTS.serif_bold, FONTS.serif_italic)


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE
