"""Logos and signature images as the settings keep them: PNG, whatever was chosen.

An SVG is rendered to PNG once, when it is chosen, with Qt's SVG renderer (part of
PySide6, already a dependency). Every print path (reportlab, the certificates'
JPEG cache, the previews) then only ever sees PNG, and a drawing the printer
could not render is told at import, not when 200 certificates are printed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from engagement_desk.services.errors import FieldError, ValidationError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 2_000_000
SVG_RENDER_WIDTH = 1200  # px: about 500 dpi at the largest printed size (60 mm)


def is_svg(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:65536].lower()


def _svg_to_png(data: bytes) -> bytes | None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        # The command line: text in an SVG needs fonts, fonts an application. A
        # QApplication, not a QGuiApplication: a window opened later in the same
        # process (or pytest-qt) needs one of that class.
        from PySide6.QtWidgets import QApplication

        QApplication(sys.argv[:1])
    renderer = QSvgRenderer(QByteArray(data))
    size = renderer.defaultSize()
    if not renderer.isValid() or size.isEmpty():
        return None
    height = max(1, round(SVG_RENDER_WIDTH * size.height() / size.width()))
    image = QImage(SVG_RENDER_WIDTH, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def image_as_png(data: bytes, field: str, label: str) -> bytes:
    """``data`` (PNG or SVG) as PNG; a ValidationError at ``field`` otherwise."""
    if data.startswith(PNG_SIGNATURE):
        png: bytes | None = data
    elif is_svg(data):
        png = _svg_to_png(data)
        if png is None:
            raise ValidationError([FieldError(field, label, "Die SVG-Datei ist kein Bild.")])
    else:
        raise ValidationError([FieldError(field, label, "Bitte eine PNG- oder SVG-Datei wählen.")])
    if len(png) > MAX_IMAGE_BYTES:
        raise ValidationError([FieldError(field, label, "Das Bild ist größer als 2 MB.")])
    return png


def read_image_file(path: Path, field: str, label: str) -> bytes:
    """A chosen file as PNG; German ValidationError if it cannot be read or is no image."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        message = f"„{path}“ lässt sich nicht lesen ({error.strerror or error})."
        raise ValidationError([FieldError(field, label, message)]) from error
    return image_as_png(data, field, label)


def size_label(data: bytes | None) -> str:
    """'(Bild, 12 KB)' or '' — how a stored image is shown in lists."""
    if not data:
        return ""
    return f"(Bild, {max(1, round(len(data) / 1024))} KB)"
