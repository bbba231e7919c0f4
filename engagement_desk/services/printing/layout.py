"""What every list print shares: the embedded fonts, the agency's letterhead, the page footer."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from engagement_desk.services.printing.fonts import register_fonts
from engagement_desk.services.printing.letterhead import (
    AgencyHeader,
    agency_header,
    draw_letterhead,
)
from engagement_desk.services.printing.scripts import paragraph_markup

__all__ = ["AgencyHeader", "agency_header"]  # where the prints have always found them

MARGIN = 15 * mm
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")


class Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        self.body = ParagraphStyle("body", fontName=fonts.sans, fontSize=9.5, leading=12)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=fonts.sans_bold)
        self.title = ParagraphStyle(
            "title",
            parent=self.body,
            fontName=fonts.sans_bold,
            fontSize=15,
            leading=19,
            spaceAfter=2 * mm,
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=self.bold,
            fontSize=11,
            leading=14,
            spaceBefore=3 * mm,
            spaceAfter=1.5 * mm,
        )
        self.sans, self.sans_bold = fonts.sans, fonts.sans_bold


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped); line breaks are kept; names in other scripts
    are set in their fallback fonts, shaped and in bidi order."""
    return Paragraph(paragraph_markup(value, style.fontName), style)


def table(
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    styles: Styles,
    *,
    repeat_header: bool = True,
) -> Table:
    result = Table(list(rows), colWidths=list(widths), repeatRows=1 if repeat_header else 0)
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.sans, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def render(story: list[Flowable], header: AgencyHeader, title: str) -> bytes:
    """An A4 PDF: agency name and address on top of every page, page numbers below."""
    styles = Styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 12 * mm,
        bottomMargin=MARGIN + 6 * mm,
        title=title,
        author=header.name,
        creator="Engagement Desk",
    )

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = A4
        draw_letterhead(
            canvas,
            header,
            left=MARGIN,
            right=width - MARGIN,
            top=height - MARGIN + 3 * mm,
            fonts=(styles.sans, styles.sans_bold),
            logo_height=9 * mm,
        )
        canvas.saveState()
        canvas.setFont(styles.sans, 8)
        canvas.drawString(MARGIN, MARGIN, title)
        canvas.drawRightString(width - MARGIN, MARGIN, f"Seite {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def file_part(value: str) -> str:
    """A name as part of a file name: letters of any script kept, everything else '-'."""
    return re.sub(r"[^\w]+", "-", value, flags=re.UNICODE).strip("-_") or "x"
