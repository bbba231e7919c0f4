"""The agency's identity on every print: one letterhead and one footer line, from the settings.

Run sheets, call lists, the km summary, event lists and the access letter draw
their page header here; certificates (their own designed pages) take the
signature images from here. Change the look once, every print follows.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.models import AgencySettings, Signatory
from engagement_desk.models.settings import SETTINGS_ID

RULE = colors.HexColor("#9a9a9a")
DEFAULT_AGENCY_NAME = "Freiwilligenagentur"


@dataclass(frozen=True)
class AgencyHeader:
    """Who prints: name, one address line, one contact line, website and logo (PNG)."""

    name: str
    address: str
    contact: str
    website: str = ""
    logo_png: bytes | None = None

    @property
    def contact_line(self) -> str:
        """Address, phone, e-mail and website in one line, as under the name."""
        return " · ".join(p for p in (self.address, self.contact, self.website) if p)


def agency_header(session: Session) -> AgencyHeader:
    """The header from the settings row, read in the caller's session."""
    settings = session.get(AgencySettings, SETTINGS_ID)
    if settings is None:
        return AgencyHeader(DEFAULT_AGENCY_NAME, "", "")
    place = " ".join(p for p in (settings.postal_code, settings.city) if p)
    address = ", ".join(p for p in (settings.street, place) if p)
    contact = " · ".join(
        p for p in (f"Tel. {settings.phone}" if settings.phone else "", settings.email) if p
    )
    return AgencyHeader(settings.name, address, contact, settings.website, settings.logo_png)


def signature_images(session: Session) -> dict[str, bytes]:
    """The stored signature images by the signatory's printed name."""
    rows = session.execute(select(Signatory.name, Signatory.signature_png))
    return {name: png for name, png in rows if png}


@lru_cache(maxsize=8)
def _image_size(png: bytes) -> tuple[int, int]:
    return ImageReader(io.BytesIO(png)).getSize()


def fitted_size(png: bytes, max_width: float, max_height: float) -> tuple[float, float] | None:
    """The image's size scaled into the box, keeping its proportions; None if unreadable."""
    try:
        width, height = _image_size(png)
    except (OSError, ValueError):
        return None
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


def draw_image(
    canvas: Canvas, png: bytes, *, x: float, y: float, size: tuple[float, float]
) -> None:
    """The PNG with its lower left corner at (x, y); reportlab embeds it once per document."""
    canvas.drawImage(ImageReader(io.BytesIO(png)), x, y, size[0], size[1], mask="auto")


def _fitted(text: str, font: str, size: float, width: float) -> float:
    while size > 6 and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def draw_letterhead(
    canvas: Canvas,
    header: AgencyHeader,
    *,
    left: float,
    right: float,
    top: float,
    fonts: tuple[str, str],
    name_size: float = 10,
    logo_height: float = 10 * mm,
) -> float:
    """Name and contact line at the left, the logo at the right, a rule below.

    ``right`` is the x of the right margin, ``top`` the y of the name's cap line,
    ``fonts`` (regular, bold). Returns the y of the rule.
    """
    regular, bold = fonts
    logo = fitted_size(header.logo_png, 45 * mm, logo_height) if header.logo_png else None
    if logo is not None and header.logo_png:
        draw_image(canvas, header.logo_png, x=right - logo[0], y=top - logo[1], size=logo)
    text_width = right - left - (logo[0] + 4 * mm if logo else 0)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    size = _fitted(header.name, bold, name_size, text_width)
    canvas.setFont(bold, size)
    y = top - size * 0.75
    canvas.drawString(left, y, header.name)
    small = min(8.5, max(7.0, name_size * 0.8))
    lines = [header.contact_line]
    if stringWidth(lines[0], regular, small) > text_width:  # address above, contact below
        contact = " · ".join(p for p in (header.contact, header.website) if p)
        lines = [p for p in (header.address, contact) if p]
    y -= (size - small) * 0.3  # a larger name needs more room below it
    for line in lines:
        line_size = _fitted(line, regular, small, text_width)
        canvas.setFont(regular, line_size)
        y -= small + 2
        canvas.drawString(left, y, line)
    rule_y = min(y - 4, top - (logo[1] if logo else 0) - 1.5 * mm)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, rule_y, right, rule_y)
    canvas.restoreState()
    return rule_y


def footer_line(header: AgencyHeader) -> str:
    """The agency in one short line for page footers."""
    return " · ".join(p for p in (header.name, header.website) if p)
