"""Drawing certificates: A4 pages on one canvas, the static part shared as a form XObject.

Per page only the recipient's text, the number and the QR code are drawn; fonts are
registered once per process, the logo prepared once and the background drawn once per
document.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from os import PathLike
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from engagement_desk import __version__
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.backgrounds import (
    PREVIEW_NUMBER,
    background_key,
    detail_font,
    draw_background,
    footer_origin,
)
from engagement_desk.services.certificates.centered_pages import (
    draw_attendance_text,
    draw_recognition_text,
)
from engagement_desk.services.certificates.content import CertificateContent
from engagement_desk.services.certificates.logo import logo_reader
from engagement_desk.services.certificates.numbering import format_code
from engagement_desk.services.certificates.qr import draw_qr, qr_payload
from engagement_desk.services.certificates.statement_page import draw_statement_text
from engagement_desk.services.certificates.style import (
    INK,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_SIZE,
    SANS,
    SANS_BOLD,
    WATERMARK,
)
from engagement_desk.services.printing.fonts import register_fonts


class CertificatePrinter:
    """Certificates as pages of one PDF, written to a path or a binary stream on ``save``."""

    def __init__(
        self,
        target: str | PathLike[str] | BinaryIO,
        logo: ImageReader | None = None,
        *,
        title: str = "Urkunden",
        author: str = "",
        signatures: Mapping[str, bytes] | None = None,
    ) -> None:
        register_fonts()
        self.canvas = Canvas(
            target if isinstance(target, io.IOBase) else str(target),  # type: ignore[arg-type]
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            pageCompression=1,
            initialFontName=SANS,
            lang="de-DE",
        )
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setCreator(f"Engagement Desk {__version__}")
        self._logo = logo
        self._signatures = dict(signatures or {})
        self._forms: dict[tuple, str] = {}
        self.pages = 0

    def add(self, content: CertificateContent, code: str) -> None:
        canvas = self.canvas
        canvas.doForm(self._form_for(content))
        if content.kind == CertificateKind.RECOGNITION:
            draw_recognition_text(canvas, content)
        elif content.kind == CertificateKind.STATEMENT:
            draw_statement_text(canvas, content)
        else:
            draw_attendance_text(canvas, content)
        _number_and_qr(canvas, content, code)
        if content.number == PREVIEW_NUMBER:
            _watermark(canvas)
        canvas.showPage()
        self.pages += 1

    def save(self) -> None:
        self.canvas.save()

    def _form_for(self, content: CertificateContent) -> str:
        key = background_key(content)
        name = self._forms.get(key)
        if name is None:
            name = f"bg{len(self._forms)}"
            self.canvas.beginForm(name)
            draw_background(self.canvas, content, self._logo, self._signatures)
            self.canvas.endForm()
            self._forms[key] = name
        return name


def render_pdf(
    contents: list[tuple[CertificateContent, str]],
    logo_png: bytes | None,
    title: str,
    signatures: Mapping[str, bytes] | None = None,
) -> bytes:
    """Certificates (content, verification code) as the bytes of one PDF; ``signatures``
    are the signature images by the signatory's printed name."""
    buffer = io.BytesIO()
    printer = CertificatePrinter(buffer, logo_reader(logo_png), title=title, signatures=signatures)
    for content, code in contents:
        printer.add(content, code)
    printer.save()
    return buffer.getvalue()


def _number_and_qr(canvas: Canvas, content: CertificateContent, code: str) -> None:
    left, base = footer_origin(content.kind)
    preview = content.number == PREVIEW_NUMBER
    canvas.setFillColor(INK)
    font = detail_font(content.kind)
    canvas.setFont(font, 8.5)
    label = "Vorschau" if preview else f"Nr. {content.number}"
    canvas.drawString(left, base, label)
    if not preview:
        canvas.drawString(left + 32 * mm, base, f"Prüfcode {format_code(code)}")
    size = QR_SIZE * (0.86 if content.kind == CertificateKind.RECOGNITION else 1.0)
    right = PAGE_WIDTH - left + (3 * mm if content.kind == CertificateKind.RECOGNITION else 0)
    payload = PREVIEW_NUMBER if preview else qr_payload(content.number, code)
    draw_qr(canvas, payload, right - size + 2.5 * mm, base - size + 9 * mm, size)


def _watermark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(52)
    canvas.setFillColor(WATERMARK)
    canvas.setFont(SANS_BOLD, 64)
    canvas.drawCentredString(0, -20, "VORSCHAU")
    canvas.restoreState()
