"""The text of the engagement statement: the person, the template's text, a table of the
facts (period, organizations, activities, extent, trainings, competences) and the note
that the work was unpaid. Everything shrinks together until it fits the page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.certificates.backgrounds import (
    BODY_BOTTOM,
    STATEMENT_BODY_TOP,
)
from engagement_desk.services.certificates.content import CertificateContent
from engagement_desk.services.certificates.formatting import (
    format_average,
    format_date,
    format_hours,
    format_period,
)
from engagement_desk.services.certificates.placeholders import Style
from engagement_desk.services.certificates.style import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    PAGE_WIDTH,
    RULE,
    SANS,
    SANS_BOLD,
    SERIF_BOLD,
    SERIF_ITALIC,
)
from engagement_desk.services.certificates.typeset import (
    MIN_SCALE,
    SCALE_STEP,
    Block,
    TextStyle,
    block,
    draw_blocks,
    total_height,
    wrap,
)

UNPAID = (
    "Das Engagement wurde freiwillig und unentgeltlich ausgeübt; "
    "erstattet wurden allenfalls Auslagen."
)
LABEL_WIDTH = 36 * mm
TABLE_PADDING = 5.0
GAP = 10.0
STYLES = {
    Style.NAME: TextStyle(SERIF_BOLD, 14, 19, INK, "left", 6, keep_on_line=True),
    Style.EMPHASIS: TextStyle(SERIF_ITALIC, 12, 17, ACCENT, "left", 6),
    Style.TEXT: TextStyle(SANS, 9.8, 14.2, INK, "left", 7),
}
PERSON_NAME = TextStyle(SERIF_BOLD, 19, 24, INK, "left", 1, keep_on_line=True)
PERSON_DETAIL = TextStyle(SANS, 9, 13, MUTED, "left", 0)
TABLE_LABEL = TextStyle(SANS_BOLD, 7.6, 13.6, ACCENT, "left", 0)
TABLE_VALUE = TextStyle(SANS, 9.6, 13.6, INK, "left", 0)
NOTE = TextStyle(SANS, 8.6, 12.5, MUTED, "left", 0)


def _rows(content: CertificateContent) -> list[tuple[str, str]]:
    rows = [("Zeitraum", format_period(content.period_start, content.period_end))]
    if content.organizations:
        label = "Organisationen" if len(content.organizations) > 1 else "Organisation"
        rows.append((label, "\n".join(content.organizations)))
    if content.activities:
        rows.append(("Tätigkeiten", ", ".join(content.activities)))
    if content.hours is not None:
        extent = f"{format_hours(content.hours)} Stunden insgesamt"
        if content.hours_per_week is not None and content.hours_per_month is not None:
            extent += (
                f"\ndurchschnittlich {format_average(content.hours_per_week)} Stunden pro Woche "
                f"bzw. {format_average(content.hours_per_month)} Stunden pro Monat"
            )
        rows.append(("Umfang", extent))
    if content.trainings:
        rows.append(
            (
                "Fortbildungen",
                "\n".join(f"{t.title} ({format_date(t.on)})" for t in content.trainings),
            )
        )
    if content.competences:
        rows.append(("Kompetenzen", content.competences))
    return rows


def draw_statement_text(canvas: Canvas, content: CertificateContent) -> None:
    width = PAGE_WIDTH - 2 * MARGIN
    available = STATEMENT_BODY_TOP - BODY_BOTTOM
    rows = _rows(content)
    scale = 1.0
    while True:
        parts = _parts(content, rows, width, scale)
        if _height(parts, scale) <= available or scale * SCALE_STEP < MIN_SCALE:
            break
        scale *= SCALE_STEP
    head, body, table, note = parts
    gap = GAP * scale
    y = draw_blocks(canvas, head, MARGIN, width, STATEMENT_BODY_TOP)
    y = draw_blocks(canvas, body, MARGIN, width, y - gap) - gap
    y = _draw_table(canvas, table, y)
    draw_blocks(canvas, [note], MARGIN, width, y - gap)


Parts = tuple[list[Block], list[Block], list[tuple[tuple[Block, Block], float]], Block]


def _parts(
    content: CertificateContent, rows: list[tuple[str, str]], width: float, scale: float
) -> Parts:
    head = [block(content.person_name, PERSON_NAME.scaled(scale), width)]
    if content.birth_date:
        detail = f"geboren am {format_date(content.birth_date)}"
        head.append(block(detail, PERSON_DETAIL.scaled(scale), width))
    body = [block(p.text, STYLES[p.style].scaled(scale), width) for p in content.paragraphs]
    note = block(UNPAID, NOTE.scaled(scale), width)
    return head, body, _table(rows, width, scale), note


def _height(parts: Parts, scale: float) -> float:
    head, body, table, note = parts
    gap = GAP * scale
    return (
        total_height(head)
        + gap
        + total_height(body)
        + gap
        + sum(height for _, height in table)
        + gap
        + note.height
    )


def _table(
    rows: list[tuple[str, str]], width: float, scale: float
) -> list[tuple[tuple[Block, Block], float]]:
    label_style, value_style = TABLE_LABEL.scaled(scale), TABLE_VALUE.scaled(scale)
    value_width = width - LABEL_WIDTH
    table = []
    for label, value in rows:
        label_block = Block(wrap(label.upper(), label_style, LABEL_WIDTH - 4), label_style)
        value_block = Block(wrap(value, value_style, value_width), value_style)
        height = max(label_block.height, value_block.height) + 2 * TABLE_PADDING * scale
        table.append(((label_block, value_block), height))
    return table


def _draw_table(canvas: Canvas, table: list[tuple[tuple[Block, Block], float]], y: float):
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
    for (label, value), height in table:
        padding = (height - max(label.height, value.height)) / 2
        draw_blocks(canvas, [label], MARGIN, LABEL_WIDTH, y - padding)
        draw_blocks(
            canvas,
            [value],
            MARGIN + LABEL_WIDTH,
            PAGE_WIDTH - 2 * MARGIN - LABEL_WIDTH,
            y - padding,
        )
        y -= height
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
    return y
