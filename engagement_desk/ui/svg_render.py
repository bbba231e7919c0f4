"""SVG logos and signatures to PNG with Qt's SVG renderer, for the settings' services.

The window and the command line pass ``svg_to_png`` to them as ``render_svg``.
"""

from __future__ import annotations

import os
import sys

SVG_RENDER_WIDTH = 1200  # px: about 500 dpi at the largest printed size (60 mm)


def svg_to_png(data: bytes) -> bytes | None:
    """The drawing as a PNG 1,200 px wide, or None if it is no drawing."""
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
