"""Address labels on A4 label sheets; the sheet formats are a small table.

A label holds the address field's lines (no return address), set from its left edge
with a margin and centred in its height. Labels fill rows left to right, then the
next row; a full sheet starts the next page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.letters.label_formats import LabelFormat
from engagement_desk.services.letters.personal import draw_personal, fitting_size
from engagement_desk.services.printing.fonts import register_fonts

WIDTH, HEIGHT = A4
FONT_SIZE = 10
LINE = 4.4 * mm
PADDING = 7 * mm


def render_labels(
    addresses: Sequence[Sequence[str]], sheet: LabelFormat, *, title: str, author: str
) -> bytes:
    fonts = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Engagement Desk")
    for index, lines in enumerate(addresses):
        slot = index % sheet.per_page
        if index and slot == 0:
            canvas.showPage()
        x, y = sheet.origin(slot)
        shown = list(lines)[:5]
        block = len(shown) * LINE
        baseline = y + (sheet.height + block) / 2 - FONT_SIZE * 0.8
        for line in shown:
            size = fitting_size(line, fonts.sans, FONT_SIZE, sheet.width - 2 * PADDING)
            draw_personal(canvas, x + PADDING, baseline, line, fonts.sans, size)
            baseline -= LINE
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
