"""Logos and signature images as the settings keep them: PNG, whatever was chosen.

An SVG is rendered to PNG once, when it is chosen, by the ``render_svg`` the
front end passes in (``ui/svg_render.py``: Qt's SVG renderer; services stay free of
Qt). Every print path (reportlab, the certificates' JPEG cache, the previews) then
only ever sees PNG, and a drawing the printer could not render is told at import,
not when 200 certificates are printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engagement_desk.services.errors import FieldError, ValidationError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 2_000_000
SvgRenderer = Callable[[bytes], bytes | None]
"""SVG bytes → PNG bytes, or None if the file is no drawing."""


def is_svg(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:65536].lower()


def image_as_png(
    data: bytes, field: str, label: str, render_svg: SvgRenderer | None = None
) -> bytes:
    """``data`` (PNG or SVG) as PNG; a ValidationError at ``field`` otherwise."""
    if data.startswith(PNG_SIGNATURE):
        png: bytes | None = data
    elif is_svg(data) and render_svg is None:
        message = "SVG-Dateien lassen sich hier nicht umwandeln; bitte eine PNG-Datei wählen."
        raise ValidationError([FieldError(field, label, message)])
    elif is_svg(data):
        png = render_svg(data)
        if png is None:
            raise ValidationError([FieldError(field, label, "Die SVG-Datei ist kein Bild.")])
    else:
        raise ValidationError([FieldError(field, label, "Bitte eine PNG- oder SVG-Datei wählen.")])
    if len(png) > MAX_IMAGE_BYTES:
        raise ValidationError([FieldError(field, label, "Das Bild ist größer als 2 MB.")])
    return png


def read_image_file(
    path: Path, field: str, label: str, render_svg: SvgRenderer | None = None
) -> bytes:
    """A chosen file as PNG; German ValidationError if it cannot be read or is no image."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        message = f"„{path}“ lässt sich nicht lesen ({error.strerror or error})."
        raise ValidationError([FieldError(field, label, message)]) from error
    return image_as_png(data, field, label, render_svg)


def size_label(data: bytes | None) -> str:
    """'(Bild, 12 KB)' or '' — how a stored image is shown in lists."""
    if not data:
        return ""
    return f"(Bild, {max(1, round(len(data) / 1024))} KB)"
