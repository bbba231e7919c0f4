"""The text of the centred certificates: the recognition and the attendance certificate
(with its panel of event facts)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.certificates.backgrounds import (
    ATTENDANCE_BODY_TOP,
    BODY_BOTTOM,
    FRAME_INNER,
    PLACE_DATE_Y,
    RECOGNITION_BODY_TOP,
)
from engagement_desk.services.certificates.content import CertificateContent
from engagement_desk.services.certificates.formatting import format_hours, format_period
from engagement_desk.services.certificates.placeholders import Style
from engagement_desk.services.certificates.style import (
    ACCENT,
    INK,
    MARGIN,
    PAGE_WIDTH,
    SANS,
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    TINT,
)
from engagement_desk.services.certificates.typeset import (
    Block,
    TextStyle,
    block,
    draw_blocks,
    set_blocks,
    total_height,
)
from engagement_desk.services.printing.scripts import text_width

RECOGNITION_STYLES = {
    Style.NAME: TextStyle(SERIF_BOLD, 32, 44, INK, "center", 12, keep_on_line=True),
    Style.EMPHASIS: TextStyle(SERIF_ITALIC, 17, 24, ACCENT, "center", 10),
    Style.TEXT: TextStyle(SERIF, 13.5, 20, INK, "center", 12),
}
ATTENDANCE_STYLES = {
    Style.NAME: TextStyle(SERIF_BOLD, 26, 36, INK, "center", 10, keep_on_line=True),
    Style.EMPHASIS: TextStyle(SERIF_ITALIC, 17, 24, ACCENT, "center", 8),
    Style.TEXT: TextStyle(SERIF, 12.5, 18.5, INK, "center", 9),
}
PANEL_VALUE = TextStyle(SANS, 9.2, 12, INK, "left", 0, keep_on_line=True)
PANEL_PADDING = 4 * mm
PANEL_HEIGHT = 19 * mm
PANEL_TOP = PLACE_DATE_Y + 16 * mm + PANEL_HEIGHT


def _centered_in(canvas: Canvas, blocks: list[Block], top: float, bottom: float) -> None:
    height = total_height(blocks)
    start = top - max((top - bottom - height) / 2, 0)
    draw_blocks(canvas, blocks, MARGIN, PAGE_WIDTH - 2 * MARGIN, start)


def draw_recognition_text(canvas: Canvas, content: CertificateContent) -> None:
    width = PAGE_WIDTH - 2 * (FRAME_INNER + 20 * mm)
    items = [(p.text, RECOGNITION_STYLES[p.style]) for p in content.paragraphs]
    top, bottom = RECOGNITION_BODY_TOP, BODY_BOTTOM
    blocks, _ = set_blocks(items, width, top - bottom)
    _centered_in(canvas, blocks, top, bottom)


def draw_attendance_text(canvas: Canvas, content: CertificateContent) -> None:
    width = PAGE_WIDTH - 2 * MARGIN - 20 * mm
    items = [(p.text, ATTENDANCE_STYLES[p.style]) for p in content.paragraphs]
    blocks, _ = set_blocks(items, width, ATTENDANCE_BODY_TOP - PANEL_TOP - 8 * mm)
    draw_blocks(canvas, blocks, MARGIN, PAGE_WIDTH - 2 * MARGIN, ATTENDANCE_BODY_TOP)
    _event_panel(canvas, content)


def _event_panel(canvas: Canvas, content: CertificateContent) -> None:
    """The facts of the event at a glance, in a tinted band above the place and date; they
    are printed whatever the template says."""
    event = content.event
    if event is None:
        return
    facts = [
        ("DATUM", format_period(event.starts_on, event.ends_on)),
        ("UMFANG", f"{format_hours(event.hours)} Stunden" if event.hours is not None else ""),
        ("LEITUNG", event.trainer),
        ("ORT", event.place),
    ]
    facts = [(label, value) for label, value in facts if value]
    width = PAGE_WIDTH - 2 * MARGIN
    columns = _column_widths([value for _, value in facts], width)
    canvas.setFillColor(TINT)
    canvas.roundRect(
        MARGIN, PANEL_TOP - PANEL_HEIGHT, width, PANEL_HEIGHT, 2 * mm, stroke=0, fill=1
    )
    left = MARGIN
    for (label, value), column in zip(facts, columns, strict=True):
        canvas.setFillColor(ACCENT)
        canvas.setFont(SANS, 6.8)
        canvas.drawString(left + PANEL_PADDING, PANEL_TOP - 7 * mm, label, charSpace=0.8)
        value_block = block(value, PANEL_VALUE, column - 2 * PANEL_PADDING)
        lines = Block(value_block.lines[:2], value_block.style)
        draw_blocks(canvas, [lines], left + PANEL_PADDING, column, PANEL_TOP - 8.5 * mm)
        left += column


def _column_widths(values: list[str], width: float) -> list[float]:
    """Columns as wide as their values need, sharing what is left (or short) evenly."""
    natural = [
        text_width(value, PANEL_VALUE.font, PANEL_VALUE.size) + 2 * PANEL_PADDING
        for value in values
    ]
    spare = (width - sum(natural)) / len(values)
    if spare >= 0:
        return [n + spare for n in natural]
    return [n * width / sum(natural) for n in natural]
