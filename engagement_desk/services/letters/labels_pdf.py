"""Address labels on A4 label sheets; the sheet formats are a small table.

A label holds the address field's lines (no return address), set from its left edge
with a margin and centred in its height. Labels fill rows left to right, then the
next row; a full sheet starts the next page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.letters.personal import draw_personal, fitting_size
from engagement_desk.services.printing.fonts import register_fonts

WIDTH, HEIGHT = A4
FONT_SIZE = 10
LINE = 4.4 * mm
PADDING = 7 * mm


@dataclass(frozen=True)
class LabelFormat:
    """A sheet of ``columns`` × ``rows`` labels of ``width`` × ``height`` (points)."""

    key: str
    name: str
    columns: int
    rows: int
    width: float
    height: float
    top: float
    left: float
    column_gap: float = 0.0
    row_gap: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """The lower left corner of label ``slot`` (0 … per_page - 1) on its page."""
        row, column = divmod(slot, self.columns)
        x = self.left + column * (self.width + self.column_gap)
        y = HEIGHT - self.top - (row + 1) * self.height - row * self.row_gap
        return x, y


LABEL_FORMATS: Mapping[str, LabelFormat] = MappingProxyType(
    {
        "3x7": LabelFormat(
            "3x7",
            "A4, 3 × 7 Etiketten 70 × 42,3 mm (z. B. Avery Zweckform 3652)",
            columns=3,
            rows=7,
            width=70 * mm,
            height=42.3 * mm,
            top=(297 - 7 * 42.3) / 2 * mm,
            left=0,
        ),
        "3x8": LabelFormat(
            "3x8",
            "A4, 3 × 8 Etiketten 70 × 37 mm (z. B. Avery Zweckform 3474)",
            columns=3,
            rows=8,
            width=70 * mm,
            height=37 * mm,
            top=(297 - 8 * 37) / 2 * mm,
            left=0,
        ),
    }
)
DEFAULT_FORMAT = "3x7"


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
