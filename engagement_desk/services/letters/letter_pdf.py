"""Form letters as one PDF, laid out after DIN 5008 form B for a window envelope.

Measures from the top left corner of the A4 page: the letterhead above 45 mm; the
address field 20 mm from the left, 45 mm from the top, 85 × 45 mm (the first 17.7 mm
hold the return address line, the next 27.3 mm the recipient); the information block
from 125 mm, 50 mm from the top; the subject at about 98 mm; text from 25 mm to 20 mm
before the right edge. Fold marks at 105 and 210 mm, the punch mark at 148.5 mm.
Every letter starts on a new page; one that runs over gets "Seite x von y".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from engagement_desk.services.letters.personal import (
    draw_personal,
    fitting_size,
    personal_markup,
)
from engagement_desk.services.printing.fonts import register_fonts
from engagement_desk.services.printing.letterhead import AgencyHeader, draw_letterhead

WIDTH, HEIGHT = A4
LEFT = 25 * mm
RIGHT = 20 * mm
ADDRESS_LEFT = 20 * mm
ADDRESS_TOP = 45 * mm
ADDRESS_WIDTH = 85 * mm
ADDRESS_HEIGHT = 45 * mm
RETURN_ZONE = 17.7 * mm
INFO_LEFT = 125 * mm
INFO_TOP = 50 * mm
SUBJECT_TOP = 98.5 * mm
BOTTOM = 25 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
PUNCH_MARK = 148.5 * mm


@dataclass(frozen=True)
class Letter:
    """One letter, filled in: the address field's lines, subject and body text."""

    address: tuple[str, ...]
    subject: str
    body: str


@dataclass(frozen=True)
class LetterSheet:
    """What every letter of a run shares."""

    agency: AgencyHeader
    return_address: str
    date_text: str

    def info_rows(self) -> list[tuple[str, str]]:
        """The information block: phone and e-mail of the agency, then the date."""
        rows = []
        for part in self.agency.contact.split(" · "):
            if part.startswith("Tel. "):
                rows.append(("Telefon", part.removeprefix("Tel. ")))
            elif part:
                rows.append(("E-Mail", part))
        return [*rows, ("Datum", self.date_text)]


class _LetterStart(Flowable):
    """Draws the first page's address field and information block, and marks which
    letter the following pages belong to (for "Seite x von y")."""

    def __init__(self, index: int, letter: Letter, sheet: LetterSheet, fonts: Any):
        super().__init__()
        self.index, self.letter, self.sheet, self.fonts = index, letter, sheet, fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canvas._letter_index = self.index  # type: ignore[attr-defined]
        canvas.saveState()
        top = HEIGHT - ADDRESS_TOP
        return_y = top - RETURN_ZONE + 2.5 * mm
        room = ADDRESS_WIDTH - 10 * mm
        small = fitting_size(self.sheet.return_address, self.fonts.sans, 7, room, 5)
        draw_personal(
            canvas,
            ADDRESS_LEFT + 5 * mm,
            return_y,
            self.sheet.return_address,
            self.fonts.sans,
            small,
        )
        y = top - RETURN_ZONE - 4.5 * mm
        for line in self.letter.address[:6]:
            size = fitting_size(line, self.fonts.sans, 10, room)
            draw_personal(canvas, ADDRESS_LEFT + 5 * mm, y, line, self.fonts.sans, size)
            y -= 4.23 * mm
        info_y = HEIGHT - INFO_TOP - 3 * mm
        value_x, room = INFO_LEFT + 16 * mm, WIDTH - RIGHT - INFO_LEFT - 16 * mm
        for label, value in self.sheet.info_rows():
            canvas.setFont(self.fonts.sans, 8.5)
            canvas.drawString(INFO_LEFT, info_y, f"{label}:")
            canvas.setFont(self.fonts.sans, fitting_size(value, self.fonts.sans, 8.5, room))
            canvas.drawString(value_x, info_y, value)
            info_y -= 4.2 * mm
        canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Keeps the pages until the end, then writes "Seite x von y" on letters that run over."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._owners: list[int] = []
        self._letter_index = 0

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._owners.append(self._letter_index)
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for owner in self._owners:
            totals[owner] = totals.get(owner, 0) + 1
        seen: dict[int, int] = {}
        for state, owner in zip(self._pages, self._owners, strict=True):
            self.__dict__.update(state)
            seen[owner] = seen.get(owner, 0) + 1
            if totals[owner] > 1:
                self.setFont(register_fonts().sans, 8)
                self.drawRightString(
                    WIDTH - RIGHT, 15 * mm, f"Seite {seen[owner]} von {totals[owner]}"
                )
            super().showPage()
        super().save()


def _draw_marks(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.3)
    for mark in FOLD_MARKS:
        canvas.line(4 * mm, HEIGHT - mark, 8 * mm, HEIGHT - mark)
    canvas.line(4 * mm, HEIGHT - PUNCH_MARK, 10 * mm, HEIGHT - PUNCH_MARK)
    canvas.restoreState()


def render_letters(
    letters: Sequence[Letter],
    sheet: LetterSheet,
    *,
    title: str,
    each: Callable[[int], None] | None = None,
) -> bytes:
    """All letters in one PDF; ``each(i)`` is called as letter ``i`` is composed."""
    fonts = register_fonts()
    body = ParagraphStyle("letter", fontName=fonts.sans, fontSize=10.5, leading=14)
    subject = ParagraphStyle("subject", parent=body, fontName=fonts.sans_bold, fontSize=11)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=sheet.agency.name,
        creator="Engagement Desk",
    )
    text_width = WIDTH - LEFT - RIGHT
    flush = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first = Frame(LEFT, BOTTOM, text_width, HEIGHT - SUBJECT_TOP - BOTTOM, id="first", **flush)
    later = Frame(LEFT, BOTTOM, text_width, HEIGHT - 32 * mm - BOTTOM, id="later", **flush)

    def head(canvas: Canvas, name_size: float, logo_height: float) -> None:
        draw_letterhead(
            canvas,
            sheet.agency,
            left=LEFT,
            right=WIDTH - RIGHT,
            top=HEIGHT - 12 * mm,
            fonts=(fonts.sans, fonts.sans_bold),
            name_size=name_size,
            logo_height=logo_height,
        )
        _draw_marks(canvas)

    def first_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        head(canvas, 14, 16 * mm)

    def later_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        head(canvas, 9, 7 * mm)

    document.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=first_page),
            PageTemplate("later", [later], onPage=later_page),
        ]
    )
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if each is not None:
            each(index)
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story += [
            _LetterStart(index, letter, sheet, fonts),
            NextPageTemplate("later"),
            Paragraph(personal_markup(letter.subject, fonts.sans_bold), subject),
            Spacer(1, 2 * 14),
        ]
        for paragraph in _paragraphs(letter.body):
            story += [Paragraph(personal_markup(paragraph, fonts.sans), body), Spacer(1, 14)]
    if not story:
        story.append(Spacer(1, 1))
    document.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks stay."""
    parts = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p.strip()]
