"""Colours, type sizes and page geometry shared by all certificate layouts."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from engagement_desk.services.printing.fonts import FONTS

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 22 * mm

INK = Color(0.12, 0.13, 0.15)
MUTED = Color(0.42, 0.44, 0.47)
ACCENT = Color(0.11, 0.30, 0.37)  # deep petrol
GOLD = Color(0.66, 0.54, 0.31)
RULE = Color(0.80, 0.82, 0.84)
TINT = Color(0.945, 0.957, 0.961)
PAPER_TINT = Color(0.985, 0.978, 0.962)  # warm ivory inside the frame of a recognition
WATERMARK = Color(0.78, 0.16, 0.16, alpha=0.14)

SERIF = FONTS.serif
SERIF_BOLD = FONTS.serif_bold
SERIF_ITALIC = FONTS.serif_italic
SANS = FONTS.sans
SANS_BOLD = FONTS.sans_bold

QR_SIZE = 21 * mm
LOGO_MAX_WIDTH = 58 * mm
LOGO_MAX_HEIGHT = 22 * mm
SIGNATURE_WIDTH = 62 * mm
