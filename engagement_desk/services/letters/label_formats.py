"""The label sheets the program prints on: a small table, so another format is one entry.

Sizes in points (1 mm = 72 / 25.4 pt), as reportlab measures; no reportlab here, so the
command line can list the formats without loading it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

mm = 72 / 25.4
PAGE_HEIGHT = 297 * mm


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
        y = PAGE_HEIGHT - self.top - (row + 1) * self.height - row * self.row_gap
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
