"""The static part of each page, drawn once per document as a reusable form XObject:
frame or letterhead, logo, agency, title, the place-and-date line, signature lines."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.content import CertificateContent, Signature
from engagement_desk.services.certificates.formatting import format_date
from engagement_desk.services.certificates.style import (
    ACCENT,
    GOLD,
    INK,
    LOGO_MAX_HEIGHT,
    LOGO_MAX_WIDTH,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    SANS,
    SERIF,
    SERIF_BOLD,
    SIGNATURE_WIDTH,
)
from engagement_desk.services.certificates.typeset import spaced_width
from engagement_desk.services.printing.letterhead import draw_image, fitted_size
from engagement_desk.services.printing.scripts import draw_string, text_width

FRAME_OUTER = 12 * mm
FRAME_INNER = 15 * mm
SIGNATURE_LINE_Y = 62 * mm
PLACE_DATE_Y = SIGNATURE_LINE_Y + 17 * mm
BODY_BOTTOM = PLACE_DATE_Y + 12 * mm  # where the text of a page must end
FOOTER_RULE_Y = 34 * mm
LETTERHEAD_RULE_Y = PAGE_HEIGHT - 40 * mm
LETTERHEAD_LOGO_HEIGHT = 18 * mm
SIGNATURE_IMAGE_HEIGHT = 14 * mm  # stays below the place-and-date line


def background_key(content: CertificateContent) -> tuple:
    """Everything the background shows; pages with the same key share one form."""
    return (
        content.kind,
        content.title,
        content.agency,
        content.signatories,
        content.place,
        content.issued_on,
        content.template_name,
        content.template_version,
        content.number == PREVIEW_NUMBER,
    )


PREVIEW_NUMBER = "VORSCHAU"


def draw_background(
    canvas: Canvas,
    content: CertificateContent,
    logo: ImageReader | None,
    signatures: Mapping[str, bytes] | None = None,
) -> None:
    """``signatures``: signature images by the signatory's printed name (from the settings)."""
    images = signatures or {}
    if content.kind == CertificateKind.RECOGNITION:
        _frame(canvas)
        _recognition_head(canvas, content, logo)
        _place_and_date(canvas, content, centered=True)
        _signatures(canvas, content.signatories, images, centered=True)
    else:
        _letterhead(canvas, content, logo)
        if content.kind == CertificateKind.STATEMENT:
            _statement_title(canvas, content)
        else:
            _centered_title(canvas, content.title, ATTENDANCE_TITLE_Y, 30, ACCENT)
            divider(canvas, ATTENDANCE_TITLE_Y - 10 * mm)
        _place_and_date(canvas, content, centered=False)
        _signatures(canvas, content.signatories, images, centered=False)
        if content.kind == CertificateKind.STATEMENT:
            _stamp_area(canvas, len(content.signatories))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, FOOTER_RULE_Y, PAGE_WIDTH - MARGIN, FOOTER_RULE_Y)
    _footer_notes(canvas, content)


def _frame(canvas: Canvas) -> None:
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.7)
    canvas.rect(
        FRAME_OUTER, FRAME_OUTER, PAGE_WIDTH - 2 * FRAME_OUTER, PAGE_HEIGHT - 2 * FRAME_OUTER
    )
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.8)
    canvas.rect(
        FRAME_INNER, FRAME_INNER, PAGE_WIDTH - 2 * FRAME_INNER, PAGE_HEIGHT - 2 * FRAME_INNER
    )
    canvas.setFillColor(GOLD)
    for x in (FRAME_INNER, PAGE_WIDTH - FRAME_INNER):
        for y in (FRAME_INNER, PAGE_HEIGHT - FRAME_INNER):
            _diamond(canvas, x, y, 2.6 * mm)
    canvas.setFillColor(ACCENT)
    for x in (FRAME_INNER, PAGE_WIDTH - FRAME_INNER):
        for y in (FRAME_INNER, PAGE_HEIGHT - FRAME_INNER):
            _diamond(canvas, x, y, 1.1 * mm)


def _diamond(canvas: Canvas, x: float, y: float, radius: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + radius)
    path.lineTo(x + radius, y)
    path.lineTo(x, y - radius)
    path.lineTo(x - radius, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def divider(canvas: Canvas, y: float, half_width: float = 30 * mm) -> None:
    """A gold rule with a diamond in the middle."""
    center = PAGE_WIDTH / 2
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.6)
    canvas.line(center - half_width, y, center - 3 * mm, y)
    canvas.line(center + 3 * mm, y, center + half_width, y)
    canvas.setFillColor(GOLD)
    _diamond(canvas, center, y, 1.5 * mm)


RECOGNITION_TITLE_Y = PAGE_HEIGHT - 88 * mm
RECOGNITION_BODY_TOP = RECOGNITION_TITLE_Y - 22 * mm


def _recognition_head(canvas: Canvas, content: CertificateContent, logo: ImageReader | None):
    top = PAGE_HEIGHT - FRAME_INNER - 12 * mm
    if logo is not None:
        width, height = _logo_size(logo, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT)
        canvas.drawImage(logo, (PAGE_WIDTH - width) / 2, top - height, width, height)
        top -= height + 7 * mm
    else:
        top -= 16 * mm
    name = content.agency.name.upper()
    size, spacing = 9.5, 2.4
    while spaced_width(name, SERIF, size, spacing) > PAGE_WIDTH - 2 * FRAME_INNER - 20 * mm:
        size, spacing = size * 0.94, spacing * 0.9
    canvas.setFillColor(ACCENT)
    canvas.setFont(SERIF, size)
    draw_string(canvas, PAGE_WIDTH / 2, top - size, name, SERIF, size, "center", char_space=spacing)
    _centered_title(canvas, content.title, RECOGNITION_TITLE_Y, 40, ACCENT)
    divider(canvas, RECOGNITION_TITLE_Y - 11 * mm)


def _centered_title(canvas: Canvas, title: str, y: float, size: float, color) -> None:
    limit = PAGE_WIDTH - 2 * MARGIN - 10 * mm
    while text_width(title, SERIF_BOLD, size) > limit and size > 14:
        size -= 1
    canvas.setFillColor(color)
    canvas.setFont(SERIF_BOLD, size)
    draw_string(canvas, PAGE_WIDTH / 2, y, title, SERIF_BOLD, size, "center")


def _letterhead(canvas: Canvas, content: CertificateContent, logo: ImageReader | None) -> None:
    top = PAGE_HEIGHT - 16 * mm
    right = PAGE_WIDTH - MARGIN
    text_left = MARGIN
    if logo is not None:
        width, height = _logo_size(logo, LOGO_MAX_WIDTH, LETTERHEAD_LOGO_HEIGHT)
        canvas.drawImage(logo, MARGIN, top - height, width, height)
        text_left = MARGIN + width + 8 * mm
    agency = content.agency
    lines = [(SERIF_BOLD, 12.5, ACCENT, agency.name)]
    lines += [(SANS, 8.2, MUTED, text) for text in (agency.address_line, agency.contact_line)]
    y = top - 11
    for font, size, color, text in lines:
        if not text:
            continue
        while text_width(text, font, size) > right - text_left and size > 6:
            size -= 0.5
        canvas.setFont(font, size)
        canvas.setFillColor(color)
        draw_string(canvas, right, y, text, font, size, "right")
        y -= size + 4.5
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.4)
    canvas.line(MARGIN, LETTERHEAD_RULE_Y, right, LETTERHEAD_RULE_Y)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, LETTERHEAD_RULE_Y - 2.2, right, LETTERHEAD_RULE_Y - 2.2)


STATEMENT_TITLE_Y = PAGE_HEIGHT - 58 * mm
ATTENDANCE_TITLE_Y = PAGE_HEIGHT - 66 * mm
ATTENDANCE_BODY_TOP = ATTENDANCE_TITLE_Y - 24 * mm
STATEMENT_BODY_TOP = STATEMENT_TITLE_Y - 14 * mm


def _statement_title(canvas: Canvas, content: CertificateContent) -> None:
    size = 25.0
    while text_width(content.title, SERIF_BOLD, size) > PAGE_WIDTH - 2 * MARGIN and size > 14:
        size -= 1
    canvas.setFillColor(INK)
    canvas.setFont(SERIF_BOLD, size)
    draw_string(canvas, MARGIN, STATEMENT_TITLE_Y, content.title, SERIF_BOLD, size)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 9.5)
    canvas.drawString(
        MARGIN,
        STATEMENT_TITLE_Y - 6.5 * mm,
        "Nachweis über ehrenamtliches Engagement und erworbene Kompetenzen",
    )


def _place_and_date(canvas: Canvas, content: CertificateContent, *, centered: bool) -> None:
    text = ", ".join(p for p in (content.place, f"den {format_date(content.issued_on)}") if p)
    canvas.setFillColor(INK)
    if centered:
        canvas.setFont(SERIF, 11.5)
        draw_string(canvas, PAGE_WIDTH / 2, PLACE_DATE_Y, text, SERIF, 11.5, "center")
    else:
        canvas.setFont(SANS, 10)
        draw_string(canvas, MARGIN, PLACE_DATE_Y, text, SANS, 10)


def _signatures(
    canvas: Canvas,
    signatories: tuple[Signature, ...],
    images: Mapping[str, bytes],
    *,
    centered: bool,
) -> None:
    font = SERIF if centered else SANS
    people = signatories or (Signature("", "Unterschrift"),)
    if len(people) == 1:
        centers = [PAGE_WIDTH / 2] if centered else [MARGIN + SIGNATURE_WIDTH / 2]
    else:
        inset = FRAME_INNER + 16 * mm if centered else MARGIN
        centers = [inset + SIGNATURE_WIDTH / 2, PAGE_WIDTH - inset - SIGNATURE_WIDTH / 2]
        if not centered:
            centers[1] = MARGIN + SIGNATURE_WIDTH * 1.5 + 10 * mm
    for center, person in zip(centers, people, strict=False):
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        half = SIGNATURE_WIDTH / 2
        image = images.get(person.name)
        size = fitted_size(image, SIGNATURE_WIDTH, SIGNATURE_IMAGE_HEIGHT) if image else None
        if image and size:
            x = center - size[0] / 2
            draw_image(canvas, image, x=x, y=SIGNATURE_LINE_Y + 0.5 * mm, size=size)
        canvas.line(center - half, SIGNATURE_LINE_Y, center + half, SIGNATURE_LINE_Y)
        y = SIGNATURE_LINE_Y - 4.6 * mm
        for size, color, text in ((9.5, INK, person.name), (7.8, MUTED, person.function)):
            if not text:
                continue
            while text_width(text, font, size) > SIGNATURE_WIDTH + 8 * mm and size > 5.5:
                size -= 0.25
            canvas.setFont(font, size)
            canvas.setFillColor(color)
            draw_string(canvas, center, y, text, font, size, "center")
            y -= size + 3.2


def _stamp_area(canvas: Canvas, signatures: int) -> None:
    radius = 14 * mm
    x = PAGE_WIDTH - MARGIN - radius
    if signatures < 2:
        x = PAGE_WIDTH - MARGIN - radius - 6 * mm
    y = SIGNATURE_LINE_Y + 4 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.7)
    canvas.setDash(2, 2)
    canvas.circle(x, y, radius, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 7)
    canvas.drawCentredString(x, y - 2.5, "Stempel")


def _footer_notes(canvas: Canvas, content: CertificateContent) -> None:
    left, base = footer_origin(content.kind)
    canvas.setFillColor(MUTED)
    canvas.setFont(detail_font(content.kind), 7)
    if content.number == PREVIEW_NUMBER:
        issued = "Vorschau – ohne Nummer, nicht gültig"
    else:
        issued = f"Ausgestellt am {format_date(content.issued_on)}"
    canvas.drawString(
        left,
        base - 11,
        f"{issued} · Vorlage „{content.template_name}“, Version {content.template_version}",
    )
    draw_string(
        canvas,
        left,
        base - 21,
        f"Echtheit prüfbar bei: {content.agency.name} – mit Nummer und Prüfcode.",
        detail_font(content.kind),
        7,
    )


def detail_font(kind: CertificateKind) -> str:
    """Small print: the recognition is set in serif only (fewer fonts, faster batches)."""
    return SERIF if kind == CertificateKind.RECOGNITION else SANS


def footer_origin(kind: CertificateKind) -> tuple[float, float]:
    """(x, y) of the first footer line's baseline; the QR code sits opposite."""
    if kind == CertificateKind.RECOGNITION:
        return FRAME_INNER + 9 * mm, FRAME_INNER + 17 * mm
    return MARGIN, FOOTER_RULE_Y - 6 * mm


def _logo_size(logo: ImageReader, max_width: float, max_height: float) -> tuple[float, float]:
    width, height = logo.getSize()
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale
