"""The one way letters and labels draw personal text (names, addresses, filled-in text).

Names come in every script: ``services.printing.scripts`` chooses a font per character
and shapes right-to-left and joined scripts.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from engagement_desk.services.printing import scripts


def personal_markup(text: str, font: str) -> str:
    """Paragraph markup for ``text`` (escaped; line breaks kept)."""
    return scripts.paragraph_markup(text, font)


def draw_personal(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left"
) -> None:
    """One line of personal text at (x, y) in ``font`` and ``size``."""
    canvas.setFont(font, size)
    scripts.draw_string(canvas, x, y, text, font, size, align=align)


def fitting_size(text: str, font: str, size: float, width: float, smallest: float = 6) -> float:
    """``size``, made smaller until ``text`` fits into ``width`` (not below ``smallest``)."""
    while size > smallest and scripts.text_width(text, font, size) > width:
        size -= 0.25
    return size


def unprintable(text: str) -> str:
    """The characters of ``text`` no shipped font can print ("" when all can)."""
    return scripts.unprintable(text)
