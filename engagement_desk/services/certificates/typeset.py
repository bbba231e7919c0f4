"""Setting paragraphs: wrapping at a width, shrinking to fit a height, drawing line by line.

Every width and every line goes through ``printing.scripts``: a name in Arabic, Chinese or
Devanagari is measured and drawn in its fallback font, shaped and in bidi order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.printing.scripts import draw_string, needs_fallback, text_width

MIN_SCALE = 0.62
SCALE_STEP = 0.94


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    leading: float
    color: Color
    align: str = "left"  # left, center
    space_after: float = 0.0
    keep_on_line: bool = False  # shrink (down to MIN_SCALE) rather than wrap, e.g. a name

    def scaled(self, factor: float) -> TextStyle:
        return replace(
            self,
            size=self.size * factor,
            leading=self.leading * factor,
            space_after=self.space_after * factor,
        )


@dataclass(frozen=True)
class Block:
    lines: tuple[str, ...]
    style: TextStyle

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading + self.style.space_after


def wrap(text: str, style: TextStyle, width: float) -> tuple[str, ...]:
    """Lines of ``text`` no wider than ``width``; explicit line breaks are kept.

    Centred text is balanced: a paragraph that needs several lines gets lines of similar
    length instead of a long line followed by a short last one.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if text_width(line, style.font, style.size) <= width:
            lines.append(line)
        elif style.align == "center":
            lines.extend(_balanced(line, style, width))
        else:
            lines.extend(_split(line, style.font, style.size, width))
    return tuple(lines)


def _split(line: str, font: str, size: float, width: float) -> list[str]:
    """Greedy lines at spaces; text in other scripts is measured in its own fonts (the
    lines are cut in logical order, each then set in visual order)."""
    if not needs_fallback(line, font):
        return simpleSplit(line, font, size, width)
    lines: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def _balanced(line: str, style: TextStyle, width: float) -> list[str]:
    best = _split(line, style.font, style.size, width)
    low, high = width / 2, width
    while high - low > 4:
        middle = (low + high) / 2
        trial = _split(line, style.font, style.size, middle)
        if len(trial) <= len(best):
            best, high = trial, middle
        else:
            low = middle
    return best


def block(text: str, style: TextStyle, width: float) -> Block:
    if style.keep_on_line:
        widest = max(text_width(line, style.font, style.size) for line in text.split("\n"))
        if widest > width:
            style = style.scaled(max(width / widest, MIN_SCALE))
    return Block(wrap(text, style, width), style)


def set_blocks(
    items: Sequence[tuple[str, TextStyle]], width: float, max_height: float
) -> tuple[list[Block], float]:
    """Wrapped blocks and the scale used: 1.0 when everything fits, smaller until it does."""
    scale = 1.0
    while True:
        blocks = [block(text, style.scaled(scale), width) for text, style in items]
        if total_height(blocks) <= max_height or scale * SCALE_STEP < MIN_SCALE:
            return blocks, scale
        scale *= SCALE_STEP


def total_height(blocks: Sequence[Block]) -> float:
    if not blocks:
        return 0.0
    return sum(b.height for b in blocks) - blocks[-1].style.space_after


def draw_blocks(canvas: Canvas, blocks: Sequence[Block], left: float, width: float, top: float):
    """Draw from ``top`` (the top of the first line box) downwards; return the y below."""
    y = top
    for block in blocks:
        style = block.style
        canvas.setFillColor(style.color)
        canvas.setFont(style.font, style.size)
        for line in block.lines:
            y -= style.leading
            baseline = y + style.leading * 0.3
            x = left + width / 2 if style.align == "center" else left
            draw_string(canvas, x, baseline, line, style.font, style.size, style.align)
        y -= style.space_after
    return y


def spaced_width(text: str, font: str, size: float, char_space: float) -> float:
    return text_width(text, font, size, char_space)
