"""Name badges: eight per A4 page (2 × 4, 85 × 55 mm like common badge inserts)."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.db import Database
from engagement_desk.models.enums import RegistrationRole, RegistrationStatus
from engagement_desk.services.events.prints.roster import Attendee, load_roster, one_per_person
from engagement_desk.services.printing.fonts import register_fonts
from engagement_desk.services.printing.letterhead import footer_line
from engagement_desk.services.printing.scripts import draw_string, text_width

COLUMNS, ROWS = 2, 4
BADGES_PER_PAGE = COLUMNS * ROWS
BADGE_W, BADGE_H = 85 * mm, 55 * mm
PAD = 5 * mm
ACCENT = colors.HexColor("#0b5d7a")
CUT = colors.HexColor("#b0b0b0")


def _fit(value: str, font: str, size: float, width: float, smallest: float = 8) -> float:
    while size > smallest and text_width(value, font, size) > width:
        size -= 0.5
    return size


def _clip(value: str, font: str, size: float, width: float) -> str:
    if text_width(value, font, size) <= width:
        return value
    while value and text_width(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"


def _badge(
    canvas: Canvas, x: float, y: float, attendee: Attendee, event: str, agency: str, fonts
) -> None:
    inner = BADGE_W - 2 * PAD
    canvas.setStrokeColor(CUT)
    canvas.setDash(2, 2)
    canvas.rect(x, y, BADGE_W, BADGE_H)
    canvas.setDash()
    canvas.setFillColor(ACCENT)
    canvas.rect(x, y + BADGE_H - 9 * mm, BADGE_W, 9 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(fonts.sans, 8.5)
    canvas.drawString(x + PAD, y + BADGE_H - 6 * mm, _clip(event, fonts.sans, 8.5, inner))
    canvas.setFillColor(colors.black)
    if attendee.last_name:
        first, second = attendee.first_name, attendee.last_name
    else:
        first, second = attendee.organization, ""
    size = _fit(first, fonts.sans_bold, 20, inner)
    shown = _clip(first, fonts.sans_bold, size, inner)
    draw_string(canvas, x + BADGE_W / 2, y + 27 * mm, shown, fonts.sans_bold, size, "center")
    if second:
        size = _fit(second, fonts.sans, 15, inner)
        shown = _clip(second, fonts.sans, size, inner)
        draw_string(canvas, x + BADGE_W / 2, y + 20 * mm, shown, fonts.sans, size, "center")
    footer = attendee.organization if attendee.last_name else ""
    if attendee.role != RegistrationRole.PARTICIPANT:
        footer = " · ".join(p for p in (attendee.role_label, footer, attendee.stand) if p)
    if footer:
        canvas.setFillColor(ACCENT)
        shown = _clip(footer, fonts.sans, 9, inner)
        draw_string(canvas, x + BADGE_W / 2, y + 7 * mm, shown, fonts.sans, 9, "center")
        canvas.setFillColor(colors.black)
    canvas.setFont(fonts.sans, 6.5)
    canvas.setFillColor(colors.grey)
    canvas.drawCentredString(x + BADGE_W / 2, y + 2.5 * mm, _clip(agency, fonts.sans, 6.5, inner))
    canvas.setFillColor(colors.black)


def name_badges_pdf(db: Database, event_id: int) -> bytes:
    """A badge for everyone registered (not the waiting list), in name order."""
    roster = load_roster(db, event_id)
    fonts = register_fonts()
    attendees = one_per_person(
        a for a in roster.attendees if a.status != RegistrationStatus.WAITING_LIST
    )
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Namensschilder – {roster.title}")
    canvas.setAuthor(roster.header.name)
    canvas.setCreator("Engagement Desk")
    page_w, page_h = A4
    left = (page_w - COLUMNS * BADGE_W) / 2
    bottom = (page_h - ROWS * BADGE_H) / 2
    for index, attendee in enumerate(attendees):
        slot = index % BADGES_PER_PAGE
        if index and slot == 0:
            canvas.showPage()
        column, row = slot % COLUMNS, slot // COLUMNS
        x = left + column * BADGE_W
        y = bottom + (ROWS - 1 - row) * BADGE_H
        _badge(canvas, x, y, attendee, roster.title, footer_line(roster.header), fonts)
    if not attendees:
        canvas.setFont(fonts.sans, 11)
        canvas.drawString(20 * mm, page_h - 30 * mm, "Keine Anmeldungen für Namensschilder.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
