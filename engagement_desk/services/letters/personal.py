"""The one way letters and labels draw personal text (names, addresses, filled-in text).

Names come in every script. ``services.printing.scripts`` chooses a font per character
and shapes right-to-left and joined scripts; until it is there, the embedded DejaVu fonts
carry Latin, Greek and Cyrillic and the text is set as it is.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

try:
    from engagement_desk.services.printing import scripts as _scripts
except ImportError:  # pragma: no cover - written in parallel
    _scripts = None  # type: ignore[assignment]


def personal_markup(text: str, font: str) -> str:
    """Paragraph markup for ``text`` (escaped; line breaks kept)."""
    lines = text.split("\n")
    if _scripts is not None:
        return "<br/>".join(_scripts.paragraph_markup(line, font) for line in lines)
    return "<br/>".join(escape(line) for line in lines)


def draw_personal(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left"
) -> None:
    """One line of personal text at (x, y) in ``font`` and ``size``."""
    if _scripts is not None:
        _scripts.draw_string(canvas, x, y, text, font, size, align=align)
        return
    canvas.setFont(font, size)
    if align == "right":
        canvas.drawRightString(x, y, text)
    elif align == "center":
        canvas.drawCentredString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def fitting_size(text: str, font: str, size: float, width: float, smallest: float = 6) -> float:
    """``size``, made smaller until ``text`` fits into ``width`` (not below ``smallest``)."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.25
    return size
